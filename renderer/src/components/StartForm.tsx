// Owns starting a new timer: the picker, pinning the chosen pair, the notes for it, and Start.
import { useId, type FormEvent } from 'react';
import { pairKey } from '../lib/match';
import { useSheaf } from '../state/StoreContext';
import { PlayIcon } from './Icons';
import { StarIcon } from './MoreIcons';
import { Picker } from './Picker';

export function StartForm() {
  const notes = useSheaf((s) => s.notesDraft);
  const setNotesDraft = useSheaf((s) => s.setNotesDraft);
  const selected = useSheaf((s) => s.selected);
  const pinned = useSheaf(
    (s) => s.selected !== null && (s.app?.favourites ?? []).some((f) => pairKey(f) === pairKey(s.selected!)),
  );
  const startChosen = useSheaf((s) => s.startChosen);
  const send = useSheaf((s) => s.send);
  const ids = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected) void startChosen();
  }

  return (
    <form className="start-form" aria-label="Start a timer" onSubmit={submit}>
      <div className="picker-row">
        <Picker />
        {selected && (
          <button
            type="button"
            className={pinned ? 'icon-button pin-toggle pinned' : 'icon-button pin-toggle'}
            aria-label="Pin to favourites"
            aria-pressed={pinned}
            title={
              pinned ? 'Pinned: shown at the top of the list. Click to unpin.' : 'Pin to the top of the list'
            }
            onClick={() =>
              void send(pinned ? 'unpinAssignment' : 'pinAssignment', {
                projectId: selected.projectId,
                taskId: selected.taskId,
              })
            }
          >
            <StarIcon filled={pinned} />
          </button>
        )}
      </div>
      <div className="notes-row">
        <div className="field">
          <label htmlFor={`${ids}-notes`} className="visually-hidden">
            Notes
          </label>
          <input
            id={`${ids}-notes`}
            type="text"
            placeholder="Notes: what are you working on?"
            maxLength={5000}
            value={notes}
            onChange={(e) => setNotesDraft(e.target.value)}
          />
        </div>
        <button type="submit" className="primary start" disabled={!selected}>
          <PlayIcon /> Start
        </button>
      </div>
    </form>
  );
}
