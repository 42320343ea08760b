// Owns the wording of the sync line at the bottom of the popover.
import type { AccountPrefs, SyncStatus } from '../../../shared/state';

const minute = 60_000;

function waiting(pending: number): string {
  return pending === 1 ? '1 change waiting' : `${pending} changes waiting`;
}

function clockTime(at: Date, clock: AccountPrefs['clock']): string {
  return at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', hour12: clock === '12h' });
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
      return `Synced ${sinceText(new Date(sync.lastSyncedAt), now, clock)}`;
  }
}

function sinceText(at: Date, now: number, clock: AccountPrefs['clock']): string {
  const ago = now - at.getTime();
  if (Number.isNaN(ago) || ago < minute) return 'just now';
  if (ago < 60 * minute) return `${Math.floor(ago / minute)} min ago`;
  return `at ${clockTime(at, clock)}`;
}
