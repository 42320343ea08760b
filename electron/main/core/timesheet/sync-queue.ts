// Owns the changes on their way to Harvest: the queue of unsent intents, saved to the durable outbox before
// anything of them is shown; the one being sent; the changes Harvest refused (set aside, with its reason); and
// the loop that sends them in order, one at a time, waiting out held deletes, retrying failures with backoff,
// and carrying on once a save works again after the disk refused one (queue-saves.ts writes the outbox).
import { DiskError } from '../storage/disk';
import type { HarvestApi } from '../harvest/api';
import { HarvestError } from '../harvest/errors';
import type { Disposable, DisposableStore } from '../base/lifecycle';
import type { Outbox } from './outbox';
import { QueueSaves } from './queue-saves';
import type { Clock } from '../ports';
import { isCreate, resolveRef, targetOf, type Intent } from './intents';
import type { Ledger } from './ledger';
import { queueWith, retarget } from './queue-rules';
import { Sender, type SendReport } from './sender';
import { setAsideFor, type SetAside } from './set-aside';
import type { SyncLine } from './sync-line';
import { shownEntries } from './view';

export interface SyncQueueOptions {
  api: () => HarvestApi;
  clock: Clock;
  ledger: Ledger;
  syncLine: SyncLine;
  /** Where unsent changes are kept; none for the demo account. */
  outbox?: Outbox;
  /** The timesheet's lifetime: retry and wake-up timers are registered in it, and nothing is saved after it. */
  lifetime: DisposableStore;
  onChange: () => void;
  onUnauthorized: (error: HarvestError) => void;
  /** Reads Harvest again (after a change was refused, to show what Harvest has instead). */
  refresh: () => void;
  log?: (line: string) => void;
  /** Log whole changes, notes included (off: log lines never carry what the person wrote). */
  debug?: boolean;
  /** First retry delay after a failed send; doubles up to a minute. */
  retryDelayMs?: number;
}

/** Failures worth retrying as they are: Harvest or the network will likely answer next time. */
const transient = new Set(['network', 'timeout', 'server', 'rate_limited', 'outcome_unknown']);

export class SyncQueue {
  private pending: Intent[] = [];
  private refused: SetAside[] = [];
  /** What the last run could not read back, for the person. */
  private problems: string[] = [];
  private readonly sender: Sender;
  private draining: Promise<void> | null = null;
  private retryTimer: Disposable | null = null;
  /** The queue's writes to the outbox, and whether it is behind memory. */
  private readonly saves: QueueSaves;
  /** The intent being sent right now (it can no longer be taken back). */
  private inFlight: Intent | null = null;
  private retryDelay: number;
  /** Harvest signed the person out: nothing is sent until they sign in again. */
  private paused = false;

  private readonly ledger: Ledger;
  private readonly syncLine: SyncLine;
  private readonly lifetime: DisposableStore;
  private readonly changed: () => void;
  private readonly log: (line: string) => void;
  private readonly debug: boolean;
  private readonly firstRetryDelay: number;

  constructor(private readonly options: SyncQueueOptions) {
    this.ledger = options.ledger;
    this.syncLine = options.syncLine;
    this.lifetime = options.lifetime;
    this.changed = options.onChange;
    this.log = options.log ?? (() => undefined);
    this.debug = options.debug ?? false;
    this.firstRetryDelay = options.retryDelayMs ?? 1000;
    this.retryDelay = this.firstRetryDelay;
    this.sender = new Sender(options.api, options.clock, options.ledger);
    this.saves = new QueueSaves({
      outbox: options.outbox,
      lifetime: options.lifetime,
      ledger: options.ledger,
      syncLine: options.syncLine,
      queue: () => ({ pending: this.pending, refused: this.refused }),
      changed: () => this.changed(),
      retrySoon: () => this.scheduleRetry(),
    });
  }

  get queued(): readonly Intent[] {
    return this.pending;
  }

  get setAside(): readonly SetAside[] {
    return this.refused;
  }

  get notices(): string[] {
    return this.problems;
  }

  /** Reads the outbox left by the last run (after a crash too). */
  async restore(): Promise<void> {
    if (!this.options.outbox) return;
    const saved = await this.options.outbox.load();
    this.pending = saved.intents;
    this.refused = saved.setAside;
    this.ledger.restoreIds(saved.ids);
    this.problems.push(...saved.problems);
    // The file still holds every line, but not yet as memory has them: the next kick saves them again.
    if (saved.unsaved) this.saves.cannotSave(saved.unsaved);
  }

  dismissNotices(): void {
    this.problems = [];
  }

  /** Acknowledged, and shown, only once it is on disk: a crash from then on loses nothing. */
  async enqueue(intent: Intent): Promise<void> {
    await this.enqueueDecided(() => intent, intent.kind);
  }

  /**
   * Like enqueue, but `decide` picks the change (or refuses by throwing) only when its turn to be saved comes,
   * against every change saved before it: a check such as "nothing runs" and the change it allows can't be split
   * by a command from elsewhere (the popover's Start between a script's look and its restart).
   */
  async enqueueDecided(decide: () => Intent, refusal: Intent['kind']): Promise<Intent> {
    let intent: Intent | undefined;
    await this.saves.saveThen(
      (queue) => queueWith(queue, (intent = decide()), this.inFlight),
      () => (this.pending = queueWith(this.pending, intent!, this.inFlight)),
      refusal,
    );
    this.kick();
    return intent!;
  }

  /** A queued change that has not left for Harvest yet (one on its way can no longer be taken back). */
  waiting(match: (intent: Intent) => boolean): Intent | undefined {
    return this.pending.find((i) => i !== this.inFlight && match(i));
  }

  /** Takes `intent` back out of the queue; refused in `refusal`'s words when that can't be saved. */
  async withdraw(intent: Intent, refusal: string): Promise<void> {
    const without = (queue: Intent[]) => queue.filter((i) => i !== intent);
    await this.saves.saveThen(without, () => (this.pending = without(this.pending)), refusal);
  }

  /**
   * Takes back every change waiting (signing out, the person said to discard them): sending stops, the one on
   * its way is let finish, and then the rest leave memory and the outbox. Refused in `refusal`'s words when the
   * outbox can't be saved, and sending carries on.
   */
  async discardWaiting(refusal: string): Promise<void> {
    this.paused = true;
    await this.whenIdle();
    try {
      await this.saves.saveThen(
        () => [],
        () => (this.pending = []),
        refusal,
      );
    } catch (err) {
      this.carryOnSending();
      throw err;
    }
  }

  /** Drops a change Harvest refused from the list; refused in `refusal`'s words when that can't be saved. */
  async discardSetAside(item: SetAside, refusal: string): Promise<void> {
    const others = () => this.refused.filter((s) => s !== item);
    await this.saves.saveThen(
      (queue) => queue,
      () => (this.refused = others()),
      refusal,
      others,
    );
  }

  /** Resolves when every queued change has been sent (or set aside). For tests and shutdown. */
  async whenIdle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Like whenIdle, but gives up after `ms` (sign-out and quit must not hang on a dead network). */
  async whenIdleOrTimeout(ms: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.whenIdle(), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  /** After a sign-in with the same account, carry on sending. */
  carryOnSending(): void {
    this.paused = false;
    this.kick();
  }

  // ---- sending -------------------------------------------------------------------------------

  /**
   * What the sender tells while it sends. Its notes are written onto the queue's own intents (the ones it was
   * handed: ids repeat across restarts, so never looked up by id) and saved before its request leaves.
   */
  private readonly report: SendReport = {
    annotate: async (intent, note) => {
      Object.assign(intent, note);
      await this.saves.persist();
    },
    heard: (news) => this.ledger.hear(news),
    created: async (localRef, news) => {
      this.ledger.hearCreated(localRef, news);
      await this.saves.persist();
    },
  };

  kick(): void {
    if (this.lifetime.isDisposed) return;
    if (this.saves.behind && !this.draining) {
      // Nothing else may be waiting to send: the outbox itself still has to catch up with memory.
      void this.saves.persistOrNote();
    }
    if (this.draining || this.paused || this.pending.length === 0) return;
    this.lifetime.delete(this.retryTimer);
    this.retryTimer = null;
    // The sync loop never dies: whatever escapes it is reported, and the next kick starts it again.
    this.draining = this.drain()
      .catch((err: unknown) => {
        this.log(`sync loop stopped: ${err instanceof Error ? err.message : String(err)}`);
        this.scheduleRetry();
      })
      .finally(() => {
        this.draining = null;
      });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.paused && !this.lifetime.isDisposed) {
      const intent = this.pending[0]!;
      const heldFor = intent.kind === 'delete' && intent.holdUntil ? this.msUntil(intent.holdUntil) : 0;
      if (heldFor > 0) {
        // Order is kept: what comes after a delete still open to undo waits behind it.
        this.wakeIn(heldFor);
        return;
      }
      this.syncLine.sending();
      this.changed();
      try {
        this.inFlight = intent;
        const result = await this.ledger
          .oneAtATime(() => this.sender.send(this.pending, this.report))
          .finally(() => (this.inFlight = null));
        // A line per change sent is a debugging aid, not news: the terminal stays quiet unless SHEAF_DEBUG=1,
        // and only then does what the person wrote go into it.
        if (this.debug)
          this.log(
            `sent ${intent.kind} ${JSON.stringify(intent)} ${result.insertBefore ? 'after a stop' : 'ok'}`,
          );
        if (result.insertBefore) {
          this.pending.unshift(result.insertBefore);
          await this.saves.persistOrNote();
          continue;
        }
        const consumed = new Set(result.consumed);
        this.pending = this.pending.filter((i) => i !== intent && !consumed.has(i.id));
        if (result.moved) this.pending = retarget(this.pending, result.moved.from, result.moved.to);
        this.retryDelay = this.firstRetryDelay;
        this.syncLine.heard(this.options.clock.now());
        await this.saves.persistOrNote();
      } catch (err) {
        if (this.setAsideOrRetry(intent, err) === 'retry') {
          this.scheduleRetry();
          this.changed();
          return;
        }
        await this.saves.persistOrNote();
      }
      this.changed();
    }
  }

  /** 'retry' keeps the intent first in line; otherwise it is set aside with Harvest's reason. */
  private setAsideOrRetry(intent: Intent, err: unknown): 'retry' | 'setAside' {
    if (this.debug) this.log(`not sent ${intent.kind} ${intent.id}: ${String(err)}`);
    // The sender saves its notes on a create before sending it; with no disk to save on, it waits.
    if (err instanceof DiskError) {
      this.saves.cannotSave(err);
      return 'retry';
    }
    if (err instanceof HarvestError && err.code === 'unauthorized') {
      this.paused = true;
      this.options.onUnauthorized(err);
      return 'retry';
    }
    if (err instanceof HarvestError && transient.has(err.code)) {
      this.syncLine.failed(err);
      return 'retry';
    }
    if (!(err instanceof HarvestError))
      this.log(`sending ${intent.kind} failed unexpectedly: ${String(err)}`);
    const reason = err instanceof HarvestError ? err.message : 'Sheaf could not send this change.';
    // Conflicts are shown, never dropped: the change waits for the person to discard it or apply it elsewhere.
    const shown = shownEntries(this.ledger, this.pending);
    const entry = shown.entries.get(resolveRef(targetOf(intent), this.ledger.ids));
    const dependants = this.pending.slice(1).filter((i) => !isCreate(i) && targetOf(i) === targetOf(intent));
    this.pending = this.pending.filter((i) => i !== intent && !dependants.includes(i));
    this.refused.push(setAsideFor(intent, reason, entry));
    // Shown once, in the list of set-aside changes (with what to do about it), not again as an error.
    this.options.refresh();
    return 'setAside';
  }

  private msUntil(iso: string): number {
    return Date.parse(iso) - this.options.clock.now().getTime();
  }

  /**
   * Looks at the queue again after `ms` by the clock. The wait is checked against the clock each time, and
   * capped, so a clock that jumps (sleep, or a test's fake clock) is noticed within a second.
   */
  private wakeIn(ms: number): void {
    if (this.retryTimer) return;
    this.retryTimer = this.lifetime.timeout(
      () => {
        this.retryTimer = null;
        this.kick();
      },
      Math.min(ms, 1000),
    );
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, 60_000);
    this.syncLine.retryingAt(new Date(this.options.clock.now().getTime() + delay));
    this.retryTimer = this.lifetime.timeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
  }
}
