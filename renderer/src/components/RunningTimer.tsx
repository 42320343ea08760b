// Owns the running-timer card: what is being tracked, its live elapsed time, and Stop.
import { formatElapsed } from '../../../shared/duration';
import type { EntryView } from '../../../shared/state';
import { useNow } from '../hooks/useNow';
import { elapsedMs } from '../lib/liveHours';
import { useSheaf } from '../state/StoreContext';
import { StopIcon } from './Icons';

export function RunningTimer({ running }: { running: EntryView | null }) {
  const stopTimer = useSheaf((s) => s.stopTimer);
  const now = useNow(1000, running !== null);
  return (
    <section className={running ? 'card running is-running' : 'card running'} aria-label="Running timer">
      {running ? (
        <>
          <div className="running-what">
            {running.clientName && <p className="muted small client">{running.clientName}</p>}
            <p className="project">{running.projectName}</p>
            <p className="task">{running.taskName}</p>
            {running.notes && <p className="muted notes">{running.notes}</p>}
          </div>
          <div className="running-side">
            <span className="elapsed" role="timer" aria-label="Elapsed time">
              {formatElapsed(elapsedMs(running, now))}
            </span>
            <button type="button" className="stop" onClick={() => void stopTimer()}>
              <StopIcon /> Stop
            </button>
          </div>
        </>
      ) : (
        <p className="muted idle">No timer running</p>
      )}
    </section>
  );
}
