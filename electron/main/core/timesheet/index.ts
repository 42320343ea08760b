// Owns one person's timesheet on one account as the rest of Sheaf sees it: it builds the ledger (Harvest's last
// word), the sync queue (changes on their way, saved before they are shown), the commands (checked, then
// queued) and the view, gives them one lifetime, and hands each call to the part that owns it.
import type { WeekStartDay } from '../../../../shared/calendar';
import type { ClockStyle } from '../../../../shared/format';
import type { AssignmentOption, EntryView, LinkedWork } from '../../../../shared/state';
import type { CachedEntry, EntryRef } from './entries';
import type { HarvestApi } from '../harvest/api';
import type { HarvestError } from '../harvest/errors';
import { DisposableStore } from '../base/lifecycle';
import type { Outbox } from './outbox';
import type { Clock } from '../ports';
import { Commands, type EntryEdit } from './commands';
import { lastPairFor, referenceOf } from './linked-work';
import { readWorkItem } from '../../../../shared/work-items';
import { Ledger } from './ledger';
import { SyncLine } from './sync-line';
import { SyncQueue } from './sync-queue';
import { TimeAwayAnswers, type AwayEntry, type TimeAway, type TimeAwayOptions } from './time-away';
import { entryIn, runningIn, shownEntries, timesheetView, type TimerView } from './view';

export type { AwayEntry, TimeAway, TimeAwayOptions } from './time-away';
export type { TimerView } from './view';

export interface TimerOptions {
  api: HarvestApi;
  clock: Clock;
  userId: number;
  timestampTimers: boolean;
  /** The company's clock ("12h" / "24h"): the style Harvest answers times in, and Sheaf sends them in. */
  clockStyle: ClockStyle;
  weekStartDay: WeekStartDay;
  /** Learn the timer style and clock from entries when /company was not readable (members get 403 there). */
  learnTimerStyle: boolean;
  /** Where unsent changes are kept; none for the demo account. */
  outbox?: Outbox;
  onChange: () => void;
  onUnauthorized: (error: HarvestError) => void;
  log?: (line: string) => void;
  /** Log whole changes, notes included (off: log lines never carry what the person wrote). */
  debug?: boolean;
  /** First retry delay after a failed send; doubles up to a minute. */
  retryDelayMs?: number;
}

/** What a cold start shows before Harvest answers. */
export interface TimerCache {
  savedAt: string;
  assignments: AssignmentOption[];
  entries: CachedEntry[];
}

export class Timesheet {
  private api: HarvestApi;
  private readonly clock: Clock;
  private readonly onChange: () => void;
  /** Everything the timesheet starts (its retry and wake-up timers), stopped together by dispose(). */
  private readonly lifetime = new DisposableStore();
  private readonly syncLine = new SyncLine();
  private readonly ledger: Ledger;
  private readonly queue: SyncQueue;
  private readonly commands: Commands;
  private readonly timeAway: TimeAwayAnswers;

  constructor(options: TimerOptions) {
    this.api = options.api;
    this.clock = options.clock;
    this.onChange = options.onChange;
    this.ledger = new Ledger({
      api: () => this.api,
      clock: options.clock,
      userId: options.userId,
      style: { timestampTimers: options.timestampTimers, clock: options.clockStyle },
      weekStartDay: options.weekStartDay,
      learnTimerStyle: options.learnTimerStyle,
      syncLine: this.syncLine,
      onUnauthorized: options.onUnauthorized,
    });
    this.queue = new SyncQueue({
      api: () => this.api,
      clock: options.clock,
      ledger: this.ledger,
      syncLine: this.syncLine,
      outbox: options.outbox,
      lifetime: this.lifetime,
      onChange: () => this.changed(),
      onUnauthorized: options.onUnauthorized,
      refresh: () => void this.refresh(),
      log: options.log,
      debug: options.debug,
      retryDelayMs: options.retryDelayMs,
    });
    this.commands = new Commands(options.clock, this.ledger, this.queue);
    this.timeAway = new TimeAwayAnswers({
      commands: this.commands,
      now: () => this.clock.now(),
      entry: (ref) => this.entry(ref),
      running: () => this.running(),
      style: () => this.ledger.style,
    });
  }

  get userId(): number {
    return this.ledger.userId;
  }

  get weekStartDay(): WeekStartDay {
    return this.ledger.weekStartDay;
  }

  /** The week now starts on another day (a member chose it in Settings): read that week from Harvest. */
  useWeekStartDay(day: WeekStartDay): void {
    this.ledger.useWeekStartDay(day);
    void this.refresh();
  }

  /** A fresh sign-in to the same account brings a new client (new token); queued changes carry on. */
  replaceApi(api: HarvestApi): void {
    this.api = api;
  }

  // ---- opening and closing -------------------------------------------------------------------

  /** Reads the outbox left by the last run (after a crash too) and the cached last known state. */
  async restore(cache: TimerCache | null): Promise<void> {
    if (cache) {
      this.ledger.restore(cache.assignments, cache.entries);
      this.syncLine.restoredFrom(cache.savedAt);
    }
    await this.queue.restore();
    this.changed();
  }

  cache(): TimerCache {
    return {
      savedAt: this.syncLine.lastSyncedAt ?? this.clock.now().toISOString(),
      assignments: this.ledger.assignments,
      entries: this.ledger.cachedEntries(),
    };
  }

  /** Resolves when every queued change has been sent (or set aside). For tests and shutdown. */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  /** Like whenIdle, but gives up after `ms` (sign-out and quit must not hang on a dead network). */
  whenIdleOrTimeout(ms: number): Promise<void> {
    return this.queue.whenIdleOrTimeout(ms);
  }

  /** After a sign-in with the same account, carry on sending. */
  carryOnSending(): void {
    this.queue.carryOnSending();
  }

  /** How many changes wait to reach Harvest (those it refused are not counted: they wait on the person). */
  get unsent(): number {
    return this.queue.queued.length;
  }

  /** Tries to send what waits now, not after a back-off, for up to `ms`; resolves with how many still wait. */
  async sendNow(ms: number): Promise<number> {
    this.queue.kick();
    await this.queue.whenIdleOrTimeout(ms);
    return this.unsent;
  }

  /** Drops every change still waiting (signing out, the person said so): from memory and from the outbox. */
  discardUnsent(): Promise<void> {
    return this.queue.discardWaiting('Your unsent changes were not discarded.');
  }

  dispose(): void {
    this.lifetime.dispose();
  }

  // ---- reading -------------------------------------------------------------------------------

  assignments(): AssignmentOption[] {
    return this.ledger.assignments;
  }

  /** Any entry Sheaf knows (this week's, or a timer left running from earlier), as the popover shows it. */
  entry(ref: EntryRef): EntryView | null {
    return entryIn(this.shown(), ref, this.ledger.ids);
  }

  /** What runs now, for callers that need only that (cheaper than the whole view). */
  running(): EntryView | null {
    return runningIn(this.shown());
  }

  view(): TimerView {
    return timesheetView({
      now: this.clock.now(),
      ledger: this.ledger,
      queued: this.queue.queued,
      setAside: this.queue.setAside,
      sync: this.syncLine.shown(this.queue.queued.length),
    });
  }

  /** What the sync queue has to tell the person (the app's Notices lists them with its own). */
  notices(): readonly string[] {
    return this.queue.notices;
  }

  dismissNotices(): void {
    this.queue.dismissNotices();
    this.changed();
  }

  // ---- loading -------------------------------------------------------------------------------

  /** First load after sign-in: assignments and this week's entries (which include today's). */
  async load(): Promise<void> {
    await this.ledger.load();
    this.changed();
    this.queue.kick();
  }

  /** Asks Harvest for this week's entries; changes made elsewhere replace ours. Never throws. */
  async refresh(options: { assignments?: boolean } = {}): Promise<void> {
    if (await this.ledger.refresh(options)) this.queue.kick();
    this.changed();
  }

  /** Only what changed in Harvest since the last read (see Ledger.refreshChanges). Never throws. */
  async refreshChanges(): Promise<void> {
    if (await this.ledger.refreshChanges()) this.queue.kick();
    this.changed();
  }

  /** Steps to another day; its week's entries come from Harvest unless they are here already. */
  async showDay(date: string): Promise<void> {
    const reading = this.ledger.showDay(date);
    this.changed();
    if (!reading) return;
    await reading;
    this.changed();
  }

  /** The work an address names, and the project and task last used with its group (still assigned), or null. */
  linkedWork(address: string): LinkedWork | null {
    const item = readWorkItem(address);
    if (!item) return null;
    const pair = lastPairFor(item.groupId, this.shown().entries.values());
    const option = pair ? this.ledger.option(pair.projectId, pair.taskId) : undefined;
    return { link: referenceOf(item), suggestion: option ?? null };
  }

  // ---- commands (resolve once applied locally and saved; sending happens behind) ----------------

  startTimer(input: Parameters<Commands['startTimer']>[0]): Promise<void> {
    return this.commands.startTimer(input);
  }

  stopTimer(): Promise<void> {
    return this.commands.stopTimer();
  }

  toggleTimer(): Promise<void> {
    return this.commands.toggleTimer();
  }

  restartEntry(ref: EntryRef): Promise<void> {
    return this.commands.restartEntry(ref);
  }

  restartLast(): ReturnType<Commands['restartLast']> {
    return this.commands.restartLast();
  }

  updateNotes(ref: EntryRef, notes: string): Promise<void> {
    return this.commands.updateNotes(ref, notes);
  }

  addEntry(input: Parameters<Commands['addEntry']>[0]): Promise<void> {
    return this.commands.addEntry(input);
  }

  editEntry(ref: EntryRef, changes: EntryEdit): Promise<void> {
    return this.commands.editEntry(ref, changes);
  }

  deleteEntry(ref: EntryRef, options: { undoable?: boolean } = {}): Promise<void> {
    return this.commands.deleteEntry(ref, options);
  }

  undoDelete(ref: EntryRef): Promise<void> {
    return this.commands.undoDelete(ref);
  }

  resolveSetAside(id: string, action: 'discard' | 'applyElsewhere'): Promise<void> {
    return this.commands.resolveSetAside(id, action);
  }

  // ---- answers about time away from the computer (see time-away.ts) -----------------------------

  /** The time away is not worked: its entry ends when the person left; `continueAt` carries the work on. */
  discardTimeAway(away: TimeAway, options: TimeAwayOptions = {}): Promise<void> {
    return this.timeAway.discard(away, options);
  }

  /** Stops `ref` as of `at` (the computer went to sleep then); false when it no longer runs. */
  stopTimerAt(ref: EntryRef, at: Date): Promise<boolean> {
    return this.commands.stopTimerAt(ref, at);
  }

  /** The timer ends when the person left; the time away until `back` is its own entry on `on`. */
  addTimeAwayAsEntry(away: TimeAway, on: AwayEntry, back: Date): Promise<void> {
    return this.timeAway.addAsNew(away, on, back);
  }

  /** The time away until `back` goes to `on`; the timer carries on without it. */
  giveTimeAwayTo(away: TimeAway, on: AwayEntry, back: Date): Promise<void> {
    return this.timeAway.giveToOther(away, on, back);
  }

  private shown() {
    return shownEntries(this.ledger, this.queue.queued);
  }

  private changed(): void {
    if (!this.lifetime.isDisposed) this.onChange();
  }
}
