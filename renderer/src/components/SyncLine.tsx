// Owns the sync line: whether Sheaf and Harvest agree, and a way to sync now.
import type { AccountPrefs, SyncStatus } from '../../../shared/state';
import { useNow } from '../hooks/useNow';
import { syncLineText } from '../lib/syncLine';
import { useSheaf } from '../state/StoreContext';
import { SyncIcon } from './Icons';

export function SyncLine({ sync, clock }: { sync: SyncStatus; clock: AccountPrefs['clock'] }) {
  const refresh = useSheaf((s) => s.refresh);
  // "Synced 3 min ago" only needs minute precision (the clock is read in 15 s steps).
  const now = useNow(15_000);
  return (
    <footer className="sync">
      <p role="status" className={`muted small sync-${sync.state}`}>
        {syncLineText(sync, now, clock)}
      </p>
      <button
        type="button"
        className="icon-button"
        aria-label="Sync now"
        title="Sync now"
        disabled={sync.state === 'syncing'}
        onClick={() => void refresh()}
      >
        <SyncIcon />
      </button>
    </footer>
  );
}
