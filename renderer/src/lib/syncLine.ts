// Owns the wording of the sync line at the bottom of the popover.
import { formatAge } from '../../../shared/format';
import { timeAt } from '../../../shared/wall-clock';
import { msPerHour } from '../../../shared/elapsed';
import type { AccountPrefs, SyncStatus } from '../../../shared/state';

function waiting(pending: number): string {
  return pending === 1 ? '1 change waiting' : `${pending} changes waiting`;
}

/** E.g. "Synced just now", "Syncing…", "Offline — 3 changes waiting". */
export function syncLineText(sync: SyncStatus, now: number, clock: AccountPrefs['clock']): string {
  switch (sync.state) {
    case 'syncing':
      return 'Syncing…';
    case 'offline':
      return sync.pending > 0 ? `Offline — ${waiting(sync.pending)}` : 'Offline';
    case 'error': {
      const base = sync.message ?? "Couldn't sync with Harvest";
      return sync.pending > 0 ? `${base} — ${waiting(sync.pending)}` : base;
    }
    case 'idle':
      if (sync.pending > 0) return `Sending — ${waiting(sync.pending)}`;
      if (!sync.lastSyncedAt) return 'Not synced yet';
      return `Synced ${sinceText(sync.lastSyncedAt, now, clock)}`;
  }
}

/** "just now", "3 min ago", then the time of day in the account's clock: "at 2:05pm". */
function sinceText(at: string, now: number, clock: AccountPrefs['clock']): string {
  const ago = now - Date.parse(at);
  if (!(ago >= msPerHour)) return formatAge(at, now);
  return `at ${timeAt(new Date(at), clock)}`;
}
