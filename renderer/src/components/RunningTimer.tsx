// Owns the running-timer card, one compact card: what is being tracked (the client cut first), its notes (editable
// in place), its live elapsed time, Stop. Nothing at all while no timer runs.
import { memo, useEffect, useRef, useState } from 'react';
import { formatElapsed } from '../../../shared/format';
import type { EntryView } from '../../../shared/state';
import { useLive } from '../hooks/useNow';
import { clearDraft, readDraft, writeDraft } from '../lib/drafts';
import { elapsedMs } from '../../../shared/elapsed';
import { useApp, useSheaf } from '../state/StoreContext';
import { StopIcon } from './Icons';
import { PairName } from './PairName';
import { SaveStatus, useSaveStatus } from './SaveStatus';

export const RunningTimer = memo(function RunningTimer() {
  const send = useSheaf((s) => s.send);
  const running = useApp((app) => app.running);
  // No timer, no card: the start form beneath is the top of the popover then, and the day's entries get the room.
  if (!running) return null;
  return (
    <section className="card running is-running" aria-label="Running timer">
      {/* Two lines: what and how long; its notes and Stop. */}
      <div className="running-line">
        <PairName pair={running} className="running-pair" />
        <Elapsed entry={running} />
      </div>
      <div className="running-line">
        <RunningNotes key={String(running.id)} entry={running} />
        <button type="button" className="stop" onClick={() => void send('stopTimer')}>
          <StopIcon /> Stop
        </button>
      </div>
    </section>
  );
});

/** The one part of the card that changes every second. */
function Elapsed({ entry }: { entry: EntryView }) {
  const elapsed = useLive((now) => formatElapsed(elapsedMs(entry, now)));
  return (
    <span className="elapsed" role="timer" aria-label="Elapsed time">
      {elapsed}
    </span>
  );
}

/**
 * Notes of the running entry, edited in place. What is typed is saved as a draft at once and sent on Enter,
 * on leaving the field, or when the popover closes; Escape puts back what Harvest has.
 */
function RunningNotes({ entry }: { entry: EntryView }) {
  const send = useSheaf((s) => s.send);
  const saving = useSaveStatus();
  const { track } = saving;
  // Not the entry's id: a timer started here changes from a local id to Harvest's once Harvest confirms it,
  // and a draft typed in between must survive that.
  const draftKey = `running-${entry.spentDate}-${entry.projectId}-${entry.taskId}`;
  const [text, setText] = useState(() => readDraft(draftKey) ?? entry.notes);
  const latest = useRef({ text, entry });
  useEffect(() => {
    latest.current = { text, entry };
  });
  const editing = useRef(false);
  const sendOnLeave = useRef<() => void>(() => undefined);

  // Harvest's notes changed (e.g. edited on the web) and the person isn't typing: show them.
  useEffect(() => {
    if (!editing.current && readDraft(draftKey) === null) setText(entry.notes);
  }, [entry.notes, draftKey]);

  useEffect(() => {
    function commit() {
      const { text: typed, entry: current } = latest.current;
      if (readDraft(draftKey) === null) return;
      clearDraft(draftKey);
      if (typed.trim() !== current.notes.trim()) {
        track(send('updateNotes', { entryId: current.id, notes: typed.trim() }));
      }
    }
    const onHide = () => {
      if (document.visibilityState === 'hidden') commit();
    };
    // The popover hides without the field losing focus: save what was typed when the page goes away.
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('blur', commit);
    window.addEventListener('pagehide', commit);
    sendOnLeave.current = commit;
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('blur', commit);
      window.removeEventListener('pagehide', commit);
    };
  }, [draftKey, send, track]);

  return (
    <>
      <input
        type="text"
        className="running-notes"
        aria-label="Notes for the running timer"
        placeholder="Add notes"
        maxLength={5000}
        value={text}
        onFocus={() => (editing.current = true)}
        onChange={(e) => {
          setText(e.target.value);
          writeDraft(draftKey, e.target.value);
        }}
        onBlur={() => {
          editing.current = false;
          sendOnLeave.current();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            sendOnLeave.current();
            e.currentTarget.blur();
          } else if (e.key === 'Escape' && readDraft(draftKey) !== null) {
            e.preventDefault();
            clearDraft(draftKey);
            setText(entry.notes);
          }
        }}
      />
      <SaveStatus status={saving.status} />
    </>
  );
}
