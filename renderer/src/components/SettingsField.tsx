// Owns what every settings field shares: the labelled block with its hint, a draft that follows the saved value,
// a group of named choices, and the checkbox and number field the groups are made of. A number that can't be used
// is explained beside its field, in a sentence (the settings schema's own), not in an alert at the top.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { ZodType } from 'zod';

/** A field's check from the settings schema: null when the value is fine, else the schema's sentence. */
export function checkWith(schema: ZodType<number>): (value: number) => string | null {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success ? null : (result.error.issues[0]?.message ?? 'Sheaf can’t use that number');
  };
}

/** The label, the control (whose id is `id`), then the hint it is described by (`${id}-hint`) and anything after. */
export function Field({
  id,
  label,
  className,
  hint,
  after,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  hint?: ReactNode;
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      )}
      {after}
    </div>
  );
}

/** What the person is typing; a new saved value replaces it (React's "adjust state while rendering" pattern). */
export function useDraft<T>(value: T, toDraft: (value: T) => string): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(toDraft(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(toDraft(value));
  }
  return [draft, setDraft];
}

/** One setting of a few named values, as radio buttons under a legend. */
export function Choices<T extends string>({
  legend,
  name,
  value,
  options,
  className,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: readonly (readonly [T, string])[];
  className?: string;
  onChange(value: T): void;
}) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="check">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/**
 * A number saved when the person leaves the field or presses Enter, so half-typed values never go out. `check`
 * refuses a number before it is sent; `onCommit` may answer with main's refusal. Either is shown beside the field,
 * and what was typed stays there to fix.
 */
export function NumberField({
  label,
  hint,
  value,
  min,
  max,
  disabled,
  check,
  onCommit,
}: {
  label: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  disabled?: boolean;
  check?: (value: number) => string | null;
  onCommit(value: number): Promise<string | null | void> | void;
}) {
  const id = useId();
  const [draft, setDraft] = useDraft(value, String);
  const [problem, setProblem] = useState<string | null>(null);
  // Enter then leaving the field must not send the same number twice.
  const sent = useRef<number | null>(null);
  const commit = () => {
    const n = Number(draft);
    if (draft.trim() === '' || !Number.isFinite(n)) {
      setDraft(String(value));
      setProblem(null);
      return;
    }
    const refused = check?.(n) ?? null;
    setProblem(refused);
    if (refused || n === value || n === sent.current) return;
    sent.current = n;
    void Promise.resolve(onCommit(n))
      .then((answer) => setProblem(typeof answer === 'string' ? answer : null))
      .finally(() => (sent.current = null));
  };
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <Field
      id={id}
      label={label}
      className="number-field"
      hint={hint}
      after={
        problem && (
          <p id={`${id}-error`} className="field-error small" role="alert">
            {problem}
          </p>
        )
      }
    >
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </Field>
  );
}
