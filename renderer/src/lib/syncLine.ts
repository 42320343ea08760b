// Owns the wording of the sync line at the bottom of the popover: one steady sentence per state, so a retry
// while offline reads "Offline · 2 changes waiting · trying again in 30 s", not "Syncing…" and back.
import { formatAge } from '../../../shared/format';
import { timeAt } from '../../../shared/wall-clock';
import { msPerHour } from '../../../shared/elapsed';
import type { AccountPrefs, SyncStatus } from '../../../shared/state';

function waiting(pending: number): string {
  return pending === 1 ? '1 change waiting' : `${pending} changes waiting`;
}

/** The state, which is what a screen reader hears when it changes: e.g. "Synced just now", "Offline · 3 changes waiting". */
export function syncLineText(sync: SyncStatus, now: number, clock: AccountPrefs['clock']): string {
  switch (sync.state) {
    case 'syncing':
      return sync.pending > 0 ? `Sending · ${waiting(sync.pending)}` : 'Syncing…';
    case 'offline':
      return sync.pending > 0 ? `Offline · ${waiting(sync.pending)}` : 'Offline';
    case 'error': {
      const base = sync.message ?? "Couldn't sync with Harvest";
      return sync.pending > 0 ? `${base} · ${waiting(sync.pending)}` : base;
    }
    case 'idle':
      if (sync.pending > 0) return `Sending · ${waiting(sync.pending)}`;
      if (!sync.lastSyncedAt) return 'Not synced yet';
      return `Synced ${sinceText(sync.lastSyncedAt, now, clock)}`;
  }
}

/**
 * When the next try is, while offline or in trouble: "trying again in 30 s", "… in 2 min", "trying again now".
 * Seconds are rounded up to fives so the line changes calmly. Null when there is no try to wait for.
 */
export function retryText(sync: SyncStatus, now: number): string | null {
  if ((sync.state !== 'offline' && sync.state !== 'error') || !sync.retryAt || sync.pending === 0)
    return null;
  const ms = Date.parse(sync.retryAt) - now;
  if (!(ms > 0)) return 'trying again now';
  const seconds = Math.ceil(ms / 5000) * 5;
  return seconds < 60 ? `trying again in ${seconds} s` : `trying again in ${Math.ceil(seconds / 60)} min`;
}

/** "just now", "3 min ago", then the time of day in the account's clock: "at 2:05pm". */
function sinceText(at: string, now: number, clock: AccountPrefs['clock']): string {
  const ago = now - Date.parse(at);
  if (!(ago >= msPerHour)) return formatAge(at, now);
  return `at ${timeAt(new Date(at), clock)}`;
}
