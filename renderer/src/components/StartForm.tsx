// Owns starting a new timer: the picker, then (once a pair is chosen, or notes typed) its notes, pinning the pair
// and Start. One row while nothing is chosen, so the day's entries keep the room. An issue's address pasted in
// links the start to that work (a removable chip).
import { useId, useState, type FormEvent } from 'react';
import { pairKey } from '../lib/match';
import { useSheaf } from '../state/StoreContext';
import { PlayIcon } from './Icons';
import { StarIcon } from './MoreIcons';
import { Picker } from './Picker';
import { LinkChip } from './LinkChip';
import { usePasteLink } from '../hooks/usePasteLink';

export function StartForm() {
  const notes = useSheaf((s) => s.notesDraft);
  const setNotesDraft = useSheaf((s) => s.setNotesDraft);
  const selected = useSheaf((s) => s.selected);
  const pinned = useSheaf(
    (s) => s.selected !== null && (s.app?.favourites ?? []).some((f) => pairKey(f) === pairKey(s.selected!)),
  );
  const startChosen = useSheaf((s) => s.startChosen);
  const link = useSheaf((s) => s.linkDraft);
  const dropLink = useSheaf((s) => s.dropLink);
  // The words pasted around an address join the notes already typed.
  const pasteLink = usePasteLink((words) => setNotesDraft([notes.trim(), words].filter(Boolean).join(' ')));
  const send = useSheaf((s) => s.send);
  const ids = useId();
  // Kept open while the person is in it, so clearing the notes never takes the field from under them.
  const [inNotes, setInNotes] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selected) return;
    // Starting empties the form and folds the notes row away: focus goes back to the picker, not to the page.
    event.currentTarget.querySelector<HTMLInputElement>('[role="combobox"]')?.focus();
    void startChosen();
  }

  return (
    <form className="start-form" aria-label="Start a timer" onSubmit={submit}>
      <Picker />
      {/* In the order Tab takes them: the picker, its notes, Start, then pinning (an extra, last). */}
      {(selected || notes || inNotes || link) && (
        <div className="notes-row">
          <div className="field">
            <label htmlFor={`${ids}-notes`} className="visually-hidden">
              Notes
            </label>
            <input
              id={`${ids}-notes`}
              type="text"
              placeholder="Notes (optional), then Enter"
              maxLength={5000}
              value={notes}
              onChange={(e) => setNotesDraft(e.target.value)}
              onPaste={pasteLink}
              onFocus={() => setInNotes(true)}
              onBlur={() => setInNotes(false)}
            />
          </div>
          <button type="submit" className="primary start" disabled={!selected}>
            <PlayIcon /> Start
          </button>
          {selected && (
            <button
              type="button"
              className={pinned ? 'icon-button pin-toggle pinned' : 'icon-button pin-toggle'}
              aria-label="Pin to favourites"
              aria-pressed={pinned}
              title={
                pinned
                  ? 'Pinned: shown at the top of the list. Click to unpin.'
                  : 'Pin to the top of the list'
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
      )}
      {link && <LinkChip link={link} onRemove={dropLink} />}
    </form>
  );
}
