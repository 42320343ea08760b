// Owns the part of the idle question that puts the time away on what it was really spent on: the popover's
// picker (recent pairs first), notes, and the two answers that take a pair — a new entry (the timer stops where
// the person left), or given to that pair while the timer carries on without those minutes.
import { useId, useState } from 'react';
import type { IdleAnswerWithPair, IdleQuestion } from '../../../shared/settings';
import { usePairChoice } from '../hooks/usePairChoice';
import { useSheaf } from '../state/StoreContext';
import { AssignmentPicker } from './AssignmentPicker';

export function AwayEntryForm({ question }: { question: IdleQuestion }) {
  const send = useSheaf((s) => s.send);
  const { selected, pickerProps } = usePairChoice();
  const [notes, setNotes] = useState('');
  const ids = useId();
  const running = `${question.projectName} — ${question.taskName}`;

  const answer = (kind: IdleAnswerWithPair['answer']) => {
    if (!selected) return;
    const { projectId, taskId } = selected;
    void send('answerIdle', { answer: kind, projectId, taskId, ...(notes.trim() ? { notes } : {}) });
  };

  return (
    <div className="away-entry" role="group" aria-label="What the time away was for">
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
          Add as a new entry
        </button>
        <button
          type="button"
          disabled={!selected}
          title={`The ${question.minutes} min go to this; ${running} keeps running without them`}
          onClick={() => answer('giveToOther')}
        >
          Give it to this and continue
        </button>
      </div>
    </div>
  );
}
