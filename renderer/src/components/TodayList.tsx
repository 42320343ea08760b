// Owns the shown day's entries: hours (live for the running one), sync and lock state, Restart, Edit, Delete
// (confirmed, then a few seconds to undo while core holds it back), and adding time without a timer.
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { formatDate, formatHours, shownHours, type TimeFormat } from '../../../shared/format';
import { undoDeleteMs } from '../../../shared/rules';
import { restyle } from '../../../shared/wall-clock';
import type { AccountPrefs, EntryView, ShownDay } from '../../../shared/state';
import { buttonNamed, useFocusLater } from '../hooks/useFocusLater';
import { useLive } from '../hooks/useNow';
import { entryLabel } from '../lib/labels';
import { liveHours } from '../../../shared/elapsed';
import { useSheaf } from '../state/StoreContext';
import { EntryForm } from './EntryForm';
import { PairName } from './PairName';
import { LockIcon, PlayIcon } from './Icons';
import { LinkIcon, PencilIcon, PlusIcon, TrashIcon } from './MoreIcons';

/** How long "Undo" is offered: as long as core holds the delete back. */
export { undoDeleteMs };

type Id = EntryView['id'];

/** Memoised: a timer tick re-renders only the running entry's hours, not the list. */
export const TodayList = memo(function TodayList({
  day,
  prefs,
  loading,
}: {
  day: ShownDay;
  prefs: AccountPrefs;
  loading: boolean;
}) {
  const send = useSheaf((s) => s.send);
  const [editing, setEditing] = useState<Id | 'new' | null>(null);
  const [confirming, setConfirming] = useState<Id | null>(null);
  // Deletes still open to undo. Core has them already (saved, held back from Harvest); this only keeps the
  // Undo offer on screen for as long as core holds them.
  const [deleted, setDeleted] = useState<{ entry: EntryView; timer: ReturnType<typeof setTimeout> }[]>([]);
  const undoTimers = useRef(deleted);
  useEffect(() => {
    undoTimers.current = deleted;
  }, [deleted]);
  const entries = day.entries.filter((e) => !deleted.some((d) => d.entry.id === e.id));
  // Whatever closes (a form, a question, a deleted row, an undo offer) hands focus back, never to the page.
  const section = useRef<HTMLElement>(null);
  const focusLater = useFocusLater(section);
  const addTime = '.add-time';

  useEffect(
    () => () => {
      for (const d of undoTimers.current) clearTimeout(d.timer);
    },
    [],
  );

  const forget = (id: Id) => setDeleted((list) => list.filter((d) => d.entry.id !== id));

  function confirm(entry: EntryView) {
    setConfirming(entry.id);
    focusLater(['.confirm .danger']);
  }

  function keep(entry: EntryView) {
    setConfirming(null);
    focusLater([buttonNamed(`Delete ${entryLabel(entry)}`)], addTime);
  }

  function doneEditing(entry?: EntryView) {
    setEditing(null);
    focusLater(entry ? [buttonNamed(`Edit ${entryLabel(entry)}`)] : [addTime], addTime);
  }

  function remove(entry: EntryView) {
    setConfirming(null);
    // Sent at once: core saves it before answering, so quitting or signing out now can't lose it.
    void send('deleteEntry', { entryId: entry.id, undoable: true }).then((result) => {
      if (!result.ok) forget(entry.id);
    });
    const timer = setTimeout(() => {
      const wasOnUndo = document.activeElement?.closest('.undo-area') != null;
      forget(entry.id);
      if (wasOnUndo) focusLater([addTime]);
    }, undoDeleteMs);
    setDeleted((list) => [...list, { entry, timer }]);
    // The row is gone: its Undo, a key press away, takes focus for the few seconds it is offered.
    focusLater(['.undo:last-child button'], addTime);
  }

  function undo(id: Id) {
    const found = undoTimers.current.find((d) => d.entry.id === id);
    if (found) clearTimeout(found.timer);
    forget(id);
    void send('undoDelete', { entryId: id });
    if (found) focusLater([buttonNamed(`Delete ${entryLabel(found.entry)}`)], addTime);
  }

  const listName = day.isToday ? "Today's entries" : `Entries for ${formatDate(day.date)}`;
  return (
    <section
      ref={section}
      className="today"
      aria-label={day.isToday ? 'Today' : formatDate(day.date)}
      aria-busy={loading}
    >
      <ul className="entries" aria-label={listName}>
        {entries.map((entry) =>
          editing === entry.id ? (
            <li key={entry.id} className="entry editing">
              <EntryForm entry={entry} date={day.date} prefs={prefs} onDone={() => doneEditing(entry)} />
            </li>
          ) : (
            <EntryRow
              key={entry.id}
              entry={entry}
              prefs={prefs}
              isToday={day.isToday}
              confirming={confirming === entry.id}
              onEdit={() => setEditing(entry.id)}
              onConfirm={() => confirm(entry)}
              onRemove={() => remove(entry)}
              onKeep={() => keep(entry)}
            />
          ),
        )}
      </ul>
      {entries.length === 0 && (
        <p className="muted empty">
          {loading ? 'Loading…' : day.isToday ? 'Nothing tracked yet today.' : 'Nothing tracked on this day.'}
        </p>
      )}
      <UndoOffers deleted={deleted.map((d) => d.entry)} onUndo={undo} />
      {editing === 'new' ? (
        <EntryForm date={day.date} prefs={prefs} onDone={() => doneEditing()} />
      ) : (
        <button type="button" className="quiet add-time" onClick={() => setEditing('new')}>
          <PlusIcon /> Add time
        </button>
      )}
    </section>
  );
});

/** One entry as a row: what and when, its hours, its actions, and the delete question when asked. */
function EntryRow({
  entry,
  prefs,
  isToday,
  confirming,
  onEdit,
  onConfirm,
  onRemove,
  onKeep,
}: {
  entry: EntryView;
  prefs: AccountPrefs;
  isToday: boolean;
  confirming: boolean;
  onEdit: () => void;
  onConfirm: () => void;
  onRemove: () => void;
  onKeep: () => void;
}) {
  const send = useSheaf((s) => s.send);
  return (
    <li className={rowClass(entry)}>
      <div className="entry-what">
        <PairName pair={entry} className="entry-title" />
        {entry.notes && <p className="entry-notes muted">{entry.notes}</p>}
        {entry.startedTime && (
          <p className="muted small">
            {restyle(entry.startedTime, prefs.clock)} –{' '}
            {entry.endedTime ? restyle(entry.endedTime, prefs.clock) : 'now'}
          </p>
        )}
        {entry.isLocked && (
          <p className="entry-locked muted small">
            <LockIcon /> {entry.lockedReason ?? 'Locked'}
          </p>
        )}
        {confirming && (
          <div className="confirm" role="group" aria-label={`Delete ${entryLabel(entry)}?`}>
            <span className="small">Delete this entry?</span>
            <button type="button" className="danger" onClick={onRemove}>
              Delete entry
            </button>
            <button type="button" className="quiet" onClick={onKeep}>
              Keep
            </button>
          </div>
        )}
      </div>
      <div className="entry-side">
        {entry.pending && (
          <span className="pending" title="This change hasn't reached Harvest yet">
            pending
          </span>
        )}
        <EntryHours entry={entry} timeFormat={prefs.timeFormat} />
        <div className="entry-actions">
          {entry.reference && (
            <EntryAction
              label={`Open ${entry.reference.id}`}
              title={`Open ${entry.reference.id} in the browser`}
              onClick={() => void send('openWorkLink', { url: entry.reference!.permalink })}
            >
              <LinkIcon />
            </EntryAction>
          )}
          <EntryAction
            label={`Restart ${entryLabel(entry)}`}
            title={entry.isRunning ? 'Running now' : isToday ? 'Restart' : 'Start again today'}
            disabled={entry.isRunning}
            onClick={() => void send('restartEntry', { entryId: entry.id })}
          >
            <PlayIcon />
          </EntryAction>
          {!entry.isLocked && (
            <>
              <EntryAction label={`Edit ${entryLabel(entry)}`} title="Edit" onClick={onEdit}>
                <PencilIcon />
              </EntryAction>
              <EntryAction label={`Delete ${entryLabel(entry)}`} title="Delete" onClick={onConfirm}>
                <TrashIcon />
              </EntryAction>
            </>
          )}
        </div>
      </div>
    </li>
  );
}

/** Each entry just deleted, with its Undo while core still holds the delete back. */
function UndoOffers({ deleted, onUndo }: { deleted: EntryView[]; onUndo: (id: Id) => void }) {
  return (
    <div className="undo-area" aria-live="polite">
      {deleted.map((entry) => (
        <p key={entry.id} className="undo small">
          Deleted {entryLabel(entry)}.
          <button type="button" className="quiet" onClick={() => onUndo(entry.id)}>
            Undo
          </button>
        </p>
      ))}
    </div>
  );
}

/** A row's look: running, and submitted or approved (locked for approval, told apart at a glance). */
function rowClass(entry: EntryView): string {
  const approval = entry.approval === 'unsubmitted' ? '' : ` is-${entry.approval}`;
  return `entry${entry.isRunning ? ' is-running' : ''}${approval}`;
}

/** An entry's hours; the running one's re-rendered when the shown figure changes. */
function EntryHours({ entry, timeFormat }: { entry: EntryView; timeFormat: TimeFormat }) {
  const hours = useLive((now) => shownHours(liveHours(entry, now), timeFormat), entry.isRunning);
  return <span className="hours">{formatHours(hours, timeFormat)}</span>;
}

/** One of an entry's icon buttons: named for the entry, with a tooltip saying what it does. */
function EntryAction({
  label,
  title,
  disabled,
  onClick,
  children,
}: {
  label: string;
  title: string;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
