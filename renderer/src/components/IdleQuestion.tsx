// Owns the question after time away with a timer running: the three answers people know first (keep, discard,
// discard and carry on), the rarer two behind one "Something else…", where focus goes while it is asked and
// after, and the short note that says where time given away went.
import { useEffect, useRef, useState } from 'react';
import type { IdleChoice, IdleQuestion as Question } from '../../../shared/settings';
import { timeAt, type ClockStyle } from '../../../shared/wall-clock';
import { useSheaf } from '../state/StoreContext';
import { AwayEntryForm } from './AwayEntryForm';

/** How long the "went to …" note stays: long enough to read, short enough not to become part of the view. */
const CONFIRM_MS = 6000;

/**
 * The question while there is one, then (for a moment) what became of the time. Lives above the views, so the
 * note outlasts the question it answers.
 */
export function TimeAway({ question, clock }: { question: Question | null; clock: ClockStyle }) {
  const [said, setSaid] = useState<string | null>(null);
  // What had focus when the question appeared: the place to go back to after the answer.
  const before = useRef<Element | null>(null);
  const note = useRef<HTMLParagraphElement>(null);
  const answered = useRef(false);

  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(null), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [said]);

  // Once the question has gone, focus goes back where it was — or, if that is gone too, to the note or the
  // popover's first control, never the page body.
  useEffect(() => {
    if (question || !answered.current) return;
    answered.current = false;
    const back = before.current;
    before.current = null;
    if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
    else if (note.current) note.current.focus();
    else firstControl()?.focus();
  }, [question, said]);

  if (question) {
    return (
      <IdleQuestion
        question={question}
        clock={clock}
        onShown={(active) => (before.current ??= active)}
        onAnswered={(message) => {
          answered.current = true;
          setSaid(message);
        }}
      />
    );
  }
  if (!said) return null;
  return (
    <p ref={note} className="idle-done" role="status" tabIndex={-1}>
      {said}
    </p>
  );
}

/** The first control of the view under the question: the timer's own, as a person would expect. */
function firstControl(): HTMLElement | null {
  const places = ['.running button:not([disabled])', '.start-form input', 'main button:not([disabled])'];
  for (const place of places) {
    const found = document.querySelector<HTMLElement>(place);
    if (found) return found;
  }
  return null;
}

export function IdleQuestion({
  question,
  clock,
  onShown,
  onAnswered,
}: {
  question: Question;
  clock: ClockStyle;
  onShown?(active: Element | null): void;
  onAnswered?(message: string | null): void;
}) {
  const send = useSheaf((s) => s.send);
  const [elsewhere, setElsewhere] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const since = timeAt(new Date(question.since), clock);
  const running = `${question.projectName} — ${question.taskName}`;

  // The question takes focus when it appears, so a keyboard or screen reader user meets it first.
  useEffect(() => {
    onShown?.(document.activeElement);
    heading.current?.focus();
    // Only on appearing: the same question re-rendered must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [question.since]);

  const answer = (a: IdleChoice) => {
    onAnswered?.(null);
    void send('answerIdle', { answer: a });
  };
  return (
    <section className="idle-question" aria-labelledby="idle-title" aria-describedby="idle-detail">
      <h2 id="idle-title" ref={heading} tabIndex={-1}>
        You were away
      </h2>
      <p id="idle-detail">
        You were away since {since} ({question.minutes} min) while <strong>{running}</strong> kept running.
      </p>
      <div className="idle-actions">
        <button type="button" className="primary" onClick={() => answer('keep')}>
          Keep the time
        </button>
        <button type="button" onClick={() => answer('discard')}>
          Discard it
        </button>
        <button type="button" onClick={() => answer('discardAndContinue')}>
          Discard and continue
        </button>
        <button
          type="button"
          className="quiet"
          aria-expanded={elsewhere}
          aria-controls="idle-elsewhere"
          onClick={() => setElsewhere((open) => !open)}
        >
          Something else…
        </button>
      </div>
      {elsewhere && <AwayEntryForm id="idle-elsewhere" question={question} onAnswered={onAnswered} />}
    </section>
  );
}
