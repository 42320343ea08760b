// Owns what every settings field shares: the labelled block with its hint, and a draft that follows the saved value.
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
