// Owns what every settings field shares: the labelled block with its hint, a draft that follows the saved value,
// and a group of named choices.
import { useState, type ReactNode } from 'react';

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
