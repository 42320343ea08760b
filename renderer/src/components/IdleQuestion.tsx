// Owns the question after time away with a timer running: keep that time, discard it, discard it and carry on,
// or (behind "It was something else") put it on the project/task it was really spent on.
import { useState } from 'react';
import type { IdleChoice, IdleQuestion as Question } from '../../../shared/settings';
import { timeAt, type ClockStyle } from '../../../shared/wall-clock';
import { useSheaf } from '../state/StoreContext';
import { AwayEntryForm } from './AwayEntryForm';

export function IdleQuestion({ question, clock }: { question: Question; clock: ClockStyle }) {
  const send = useSheaf((s) => s.send);
  const [elsewhere, setElsewhere] = useState(false);
  const since = timeAt(new Date(question.since), clock);
  const answer = (a: IdleChoice) => void send('answerIdle', { answer: a });
  return (
    <section className="idle-question" aria-labelledby="idle-title" aria-describedby="idle-detail">
      <h2 id="idle-title">You were away</h2>
      <p id="idle-detail">
        You were away since {since} ({question.minutes} min) while{' '}
        <strong>
          {question.projectName} — {question.taskName}
        </strong>{' '}
        kept running.
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
        <button type="button" aria-expanded={elsewhere} onClick={() => setElsewhere((open) => !open)}>
          It was something else…
        </button>
      </div>
      {elsewhere && <AwayEntryForm question={question} />}
    </section>
  );
}
