// Owns the part of the idle question that puts the time away on what it was really spent on: the popover's
// picker (recent pairs first), notes, and the two answers that take a pair — its own entry (the timer stops where
// the person left), or given to that pair while the timer carries on without those minutes. The answers name the
// pair once one is picked, so the button says exactly what will happen.
import { useId, useState } from 'react';
import type { IdleAnswerWithPair, IdleQuestion } from '../../../shared/settings';
import { usePairChoice } from '../hooks/usePairChoice';
import { useSheaf } from '../state/StoreContext';
import { AssignmentPicker } from './AssignmentPicker';

export function AwayEntryForm({
  id,
  question,
  onAnswered,
}: {
  id?: string;
  question: IdleQuestion;
  /** Called with the sentence that confirms where the time went. */
  onAnswered?(message: string): void;
}) {
  const send = useSheaf((s) => s.send);
  const { selected, pickerProps } = usePairChoice();
  const [notes, setNotes] = useState('');
  const ids = useId();
  const running = `${question.projectName} — ${question.taskName}`;
  const target = selected ? `${selected.projectName} — ${selected.taskName}` : null;

  const answer = (kind: IdleAnswerWithPair['answer']) => {
    if (!selected || !target) return;
    const { projectId, taskId } = selected;
    onAnswered?.(
      kind === 'giveToOther'
        ? `${question.minutes} min went to ${target}; ${running} carries on.`
        : `${question.minutes} min added to ${target}; ${running} stopped where you left.`,
    );
    void send('answerIdle', { answer: kind, projectId, taskId, ...(notes.trim() ? { notes } : {}) });
  };

  return (
    <div id={id} className="away-entry" role="group" aria-label="What the time away was for">
      <AssignmentPicker
        label="What were you doing while away?"
        placeholder="What were you doing while away? Type to search"
        hideLabel
        {...pickerProps}
      />
      <label htmlFor={`${ids}-notes`} className="visually-hidden">
        Notes for the time away
      </label>
      <input
        id={`${ids}-notes`}
        type="text"
        placeholder="Notes for the time away"
        maxLength={5000}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="idle-actions">
        <button
          type="button"
          disabled={!selected}
          title={`Stops ${running} where you left; the ${question.minutes} min become their own entry`}
          onClick={() => answer('addAsNew')}
        >
          {target ? `Add as its own entry on ${target}` : 'Add as its own entry'}
        </button>
        <button
          type="button"
          disabled={!selected}
          title={`The ${question.minutes} min go there; ${running} keeps running without them`}
          onClick={() => answer('giveToOther')}
        >
          {target ? `Give it to ${target} and carry on` : 'Give it to something else and carry on'}
        </button>
      </div>
    </div>
  );
}
