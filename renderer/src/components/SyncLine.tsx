// Owns the sync line: whether Sheaf and Harvest agree, when the next try is while they can't, and a way to sync now.
import { memo } from 'react';
import { useLive } from '../hooks/useNow';
import { retryText, syncLineText } from '../lib/syncLine';
import { useApp, useSheaf } from '../state/StoreContext';
import { SyncIcon } from './Icons';

export const SyncLine = memo(function SyncLine() {
  const send = useSheaf((s) => s.send);
  const sync = useApp((app) => app.sync);
  const clock = useApp((app) => app.prefs.clock);
  // "Synced 3 min ago" only needs minute precision (the clock is read in 15 s steps, shown when it changes).
  const text = useLive((now) => syncLineText(sync, now, clock), true, 15_000);
  // The countdown to the next try moves in 5 s steps, and only while there is one.
  const retry = useLive((now) => retryText(sync, now) ?? '', Boolean(sync.retryAt), 5_000);
  return (
    <footer className="sync">
      <p className={`muted small sync-${sync.state}`}>
        {/* Only the state is announced: a countdown read out every few seconds would drown everything else. */}
        <span role="status">{text}</span>
        {retry && <span className="sync-retry"> · {retry}</span>}
      </p>
      <button
        type="button"
        className="icon-button"
        aria-label="Sync now"
        title="Sync now"
        disabled={sync.state === 'syncing'}
        onClick={() => void send('refresh')}
      >
        <SyncIcon />
      </button>
    </footer>
  );
});
