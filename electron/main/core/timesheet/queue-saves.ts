// Owns writing the queue of changes to the outbox: one save at a time, each of the queue as it is when its turn
// comes; a refused save told in the person's words; and whether the outbox is behind memory (a full disk).
import { DiskError } from '../storage/disk';
import { refusedFor } from '../storage/not-saved';
import type { DisposableStore } from '../base/lifecycle';
import { Serial } from '../base/serial';
import type { Outbox } from './outbox';
import { targetOf, type Intent } from './intents';
import type { Ledger } from './ledger';
import type { SetAside } from './set-aside';
import type { SyncLine } from './sync-line';

/** What the person asked for that did not happen because it could not be saved first. */
const notDone: Record<Intent['kind'], string> = {
  start: 'Your timer was not started.',
  stop: 'Your timer was not stopped.',
  restart: 'Your timer was not restarted.',
  updateNotes: 'Your notes were not saved.',
  add: 'Your time was not added.',
  edit: 'Your change was not saved.',
  delete: 'The entry was not deleted.',
};

export interface QueueSavesOptions {
  /** Where unsent changes are kept; none for the demo account. */
  outbox?: Outbox;
  lifetime: DisposableStore;
  ledger: Ledger;
  syncLine: SyncLine;
  /** The queue as memory has it now. */
  queue(): { pending: Intent[]; refused: SetAside[] };
  changed(): void;
  /** A save behind the scenes failed: look again shortly. */
  retrySoon(): void;
}

export class QueueSaves {
  /** Outbox writes one at a time, each from the queue as it is when its turn comes. */
  private readonly saves = new Serial();
  /** A background save failed (a full disk): the outbox on disk is behind memory until the next one works. */
  behind = false;

  constructor(private readonly o: QueueSavesOptions) {}

  /**
   * Saved, then shown: writes the outbox as `next` would leave it and only then applies the change in memory.
   * A failed write changes nothing the person sees and refuses the command in their words ("Sheaf can't save to
   * ~/.config/Sheaf: the disk is full. Your timer was not started."). The queue is read when the write's turn
   * comes, and applied again after it, since the sync loop may have sent what was at its head meanwhile.
   */
  async saveThen(
    next: (queue: Intent[]) => Intent[],
    apply: () => void,
    refusal: Intent['kind'] | string,
    setAside: () => SetAside[] = () => this.o.queue().refused,
  ): Promise<void> {
    await this.saves.run(async () => {
      try {
        await this.write(next(this.o.queue().pending), setAside());
      } catch (err) {
        throw refusedFor(err, refusal in notDone ? notDone[refusal as Intent['kind']] : refusal);
      }
      apply();
      this.recovered();
    });
    this.o.changed();
  }

  /** The outbox as memory has it now (the sender's notes, a sent change gone). */
  persist(): Promise<void> {
    return this.saves.run(async () => {
      const { pending, refused } = this.o.queue();
      await this.write(pending, refused);
      this.recovered();
    });
  }

  /** Like persist, but a full disk is noted (and retried) instead of thrown: memory still has everything. */
  persistOrNote(): Promise<void> {
    return this.persist().catch((err: unknown) => {
      if (!(err instanceof DiskError)) throw err;
      this.cannotSave(err);
      this.o.changed();
      this.o.retrySoon();
    });
  }

  /** The outbox is behind memory: the sync line says so until a save works again. */
  cannotSave(err: DiskError): void {
    this.behind = true;
    this.o.syncLine.cannotSave(err);
  }

  private async write(intents: Intent[], setAside: SetAside[]): Promise<void> {
    // After dispose another instance may own the file (a restart in the same process): never overwrite it.
    if (!this.o.outbox || this.o.lifetime.isDisposed) return;
    // Only ids a queued change still refers to need remembering.
    const referenced = new Set(intents.map(targetOf).filter((r): r is string => typeof r === 'string'));
    const ids = new Map([...this.o.ledger.ids].filter(([local]) => referenced.has(local)));
    await this.o.outbox.save({ intents, ids, setAside });
  }

  /** A save worked again after a failed one: the sync line stops saying so, and the loop carries on. */
  private recovered(): void {
    if (!this.behind) return;
    this.behind = false;
    this.o.syncLine.canSaveAgain();
    this.o.changed();
  }
}
