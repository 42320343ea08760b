// Owns the sync line the popover shows: up to date, sending, offline or in trouble, when Harvest last answered,
// why not, in Harvest's words or the disk's, and when the next try is. A retry does not flip the line to
// "sending" and back: offline stays offline until Harvest answers.
import type { SyncStatus } from '../../../../shared/state';
import type { DiskError } from '../storage/disk';
import { HarvestError } from '../harvest/errors';

export class SyncLine {
  private status: SyncStatus = { state: 'idle', pending: 0, lastSyncedAt: null, message: null };

  /** The line as shown, with the number of changes still to send. */
  shown(pending: number): SyncStatus {
    return { ...this.status, pending };
  }

  get lastSyncedAt(): string | null {
    return this.status.lastSyncedAt;
  }

  /** A cold start shows when the saved copy was last up to date. */
  restoredFrom(savedAt: string): void {
    this.status = { ...this.status, lastSyncedAt: savedAt };
  }

  /** Harvest answered a read or a change at `at`: up to date. */
  heard(at: Date): void {
    this.status = {
      ...this.status,
      state: 'idle',
      lastSyncedAt: at.toISOString(),
      message: null,
      retryAt: null,
    };
  }

  sending(): void {
    // A retry while offline or in trouble: the line keeps saying so (and when it tries again) until it works.
    if (this.status.state === 'offline' || this.status.state === 'error') return;
    this.status = { ...this.status, state: 'syncing' };
  }

  /** The next try is at `at` (the sync queue backs off between tries). */
  retryingAt(at: Date): void {
    this.status = { ...this.status, retryAt: at.toISOString() };
  }

  failed(err: unknown): void {
    const offline = err instanceof HarvestError && (err.code === 'network' || err.code === 'timeout');
    this.status = {
      ...this.status,
      state: offline ? 'offline' : 'error',
      message: err instanceof Error ? err.message : String(err),
    };
  }

  /** The outbox could not be written: what memory holds is kept, and saving is tried again shortly. */
  cannotSave(err: DiskError): void {
    this.status = {
      ...this.status,
      state: 'error',
      message: `${err.message} Unsent changes wait until it can.`,
    };
  }

  canSaveAgain(): void {
    this.status = { ...this.status, state: 'idle', message: null, retryAt: null };
  }
}
