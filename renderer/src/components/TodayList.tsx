// Owns today's entries: each with its hours (live for the running one), sync and lock state, and Restart.
import { formatHours, type TimeFormat } from '../../../shared/duration';
import type { EntryView } from '../../../shared/state';
import { useNow } from '../hooks/useNow';
import { entryLabel } from '../lib/labels';
import { liveHours } from '../lib/liveHours';
import { useSheaf } from '../state/StoreContext';
import { LockIcon, PlayIcon } from './Icons';

/** Entries come from main newest first (Harvest's own order); the list keeps that order. */
export function TodayList({ entries, timeFormat }: { entries: EntryView[]; timeFormat: TimeFormat }) {
  const restartEntry = useSheaf((s) => s.restartEntry);
  const now = useNow(
    1000,
    entries.some((e) => e.isRunning),
  );
  return (
    <section className="today" aria-label="Today">
      <h2 className="section-title">Today</h2>
      <ul className="entries" aria-label="Today's entries">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.isRunning ? 'entry is-running' : 'entry'}>
            <div className="entry-what">
              <p className="entry-title">
                <span className="project">{entry.projectName}</span>
                <span className="task muted">{entry.taskName}</span>
              </p>
              {entry.notes && <p className="entry-notes muted">{entry.notes}</p>}
              {entry.startedTime && (
                <p className="muted small">
                  {entry.startedTime} – {entry.endedTime ?? 'now'}
                </p>
              )}
              {entry.isLocked && (
                <p className="entry-locked muted small">
                  <LockIcon /> {entry.lockedReason ?? 'Locked'}
                </p>
              )}
            </div>
            <div className="entry-side">
              {entry.pending && (
                <span className="pending" title="This change hasn't reached Harvest yet">
                  pending
                </span>
              )}
              <span className="hours">{formatHours(liveHours(entry, now), timeFormat)}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Restart ${entryLabel(entry)}`}
                title={entry.isRunning ? 'Running now' : 'Restart'}
                disabled={entry.isRunning}
                onClick={() => void restartEntry(entry.id)}
              >
                <PlayIcon />
              </button>
            </div>
          </li>
        ))}
      </ul>
      {entries.length === 0 && <p className="muted empty">Nothing tracked yet today.</p>}
    </section>
  );
}
