// Owns starting a new timer: the picker, the notes for it, and Start.
import { useId, type FormEvent } from 'react';
import { useSheaf } from '../state/StoreContext';
import { PlayIcon } from './Icons';
import { Picker } from './Picker';

export function StartForm() {
  const notes = useSheaf((s) => s.notesDraft);
  const setNotesDraft = useSheaf((s) => s.setNotesDraft);
  const hasChoice = useSheaf((s) => s.selected !== null);
  const startTimer = useSheaf((s) => s.startTimer);
  const ids = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (hasChoice) void startTimer();
  }

  return (
    <form className="start-form" aria-label="Start a timer" onSubmit={submit}>
      <Picker />
      <div className="notes-row">
        <div className="field">
          <label htmlFor={`${ids}-notes`}>Notes</label>
          <input
            id={`${ids}-notes`}
            type="text"
            placeholder="What are you working on?"
            maxLength={5000}
            value={notes}
            onChange={(e) => setNotesDraft(e.target.value)}
          />
        </div>
        <button type="submit" className="primary start" disabled={!hasChoice}>
          <PlayIcon /> Start
        </button>
      </div>
    </form>
  );
}
