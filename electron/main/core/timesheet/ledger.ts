// Owns Harvest's last word on the person's timesheet: the confirmed entries, the local ids Harvest has since
// named, the weeks held (this one, and the one of a day stepped to) and when they were read (the next
// `updated_since`), the project/task pairs the person may track, and the account's timer style and clock.
// Reads and sends take turns here, so a week read never lands between a create's answer and its id.
import { addDays, weekOf, type WeekStartDay } from '../../../../shared/calendar';
import { msPerMinute } from '../../../../shared/elapsed';
import { clockOf } from '../../../../shared/wall-clock';
import type { TimeEntry } from '../../../../shared/harvest/schemas';
import { pairKey, type AssignmentOption } from '../../../../shared/state';
import { toOptions } from './assignments';
import { localDate, weekRange } from '../base/dates';
import {
  fromCached,
  fromHarvest,
  toCached,
  type CachedEntry,
  type EntryRef,
  type LocalEntry,
} from './entries';
import type { HarvestApi } from '../harvest/api';
import { HarvestError } from '../harvest/errors';
import type { Clock } from '../ports';
import { Serial } from '../base/serial';
import type { AccountStyle } from './account-style';
import { stopAt, type IdMap } from './intents';
import type { SyncLine } from './sync-line';

/** What the sender may read: it reports what Harvest answered, and the ledger keeps it. */
export interface LedgerReading {
  readonly entries: ReadonlyMap<EntryRef, LocalEntry>;
  readonly ids: IdMap;
  readonly style: AccountStyle;
  readonly userId: number;
  /** Whether Harvest's entries were read in this run: until then they are the cache's, which may be behind. */
  readonly hasRead: boolean;
}

/** Harvest's answer about one entry. `othersStopAt`: it runs now, so whatever else ran stopped then. */
export interface EntryNews {
  entry: TimeEntry;
  othersStopAt?: Date;
}

export type Heard = EntryNews | { deleted: number };

export interface LedgerOptions {
  api: () => HarvestApi;
  clock: Clock;
  userId: number;
  style: AccountStyle;
  weekStartDay: WeekStartDay;
  /** Learn the timer style and clock from entries when /company was not readable (members get 403 there). */
  learnTimerStyle: boolean;
  syncLine: SyncLine;
  onUnauthorized: (error: HarvestError) => void;
}

export class Ledger implements LedgerReading {
  private confirmed = new Map<EntryRef, LocalEntry>();
  private readonly harvestIds = new Map<string, number>();
  private accountStyle: AccountStyle;
  private assignmentOptions: AssignmentOption[] = [];
  private optionByPair = new Map<string, AssignmentOption>();
  /** Counts the times the assignments were replaced, so the popover rebuilds its list only then. */
  private assignmentsRead = 0;
  private weekStart: WeekStartDay;
  /** The day the person stepped to; null follows today. */
  private dayShown: string | null = null;
  /** First days of the weeks whose entries `confirmed` holds (besides running timers). */
  private loadedWeeks = new Set<string>();
  private weekBeingRead: string | null = null;
  /** When the last full or incremental read began: the next `updated_since`. */
  private lastReadAt: Date | null = null;
  private readonly turns = new Serial();
  private readonly api: () => HarvestApi;
  private readonly clock: Clock;
  private readonly personId: number;
  private readonly learnsStyle: boolean;
  private readonly syncLine: SyncLine;
  private readonly onUnauthorized: (error: HarvestError) => void;

  constructor(options: LedgerOptions) {
    this.api = options.api;
    this.clock = options.clock;
    this.personId = options.userId;
    this.learnsStyle = options.learnTimerStyle;
    this.syncLine = options.syncLine;
    this.onUnauthorized = options.onUnauthorized;
    this.accountStyle = options.style;
    this.weekStart = options.weekStartDay;
  }

  get entries(): ReadonlyMap<EntryRef, LocalEntry> {
    return this.confirmed;
  }

  get ids(): IdMap {
    return this.harvestIds;
  }

  get style(): AccountStyle {
    return this.accountStyle;
  }

  get userId(): number {
    return this.personId;
  }

  get hasRead(): boolean {
    return this.lastReadAt !== null;
  }

  get assignments(): AssignmentOption[] {
    return this.assignmentOptions;
  }

  /** The assigned pair, found by key rather than by walking 20,000 of them. */
  option(projectId: number, taskId: number): AssignmentOption | undefined {
    return this.optionByPair.get(pairKey({ projectId, taskId }));
  }

  get assignmentsVersion(): number {
    return this.assignmentsRead;
  }

  get weekStartDay(): WeekStartDay {
    return this.weekStart;
  }

  get shownDate(): string | null {
    return this.dayShown;
  }

  get readingWeek(): boolean {
    return this.weekBeingRead !== null;
  }

  useWeekStartDay(day: WeekStartDay): void {
    this.weekStart = day;
  }

  /** What the last run saw, shown until Harvest answers. */
  restore(assignments: AssignmentOption[], entries: readonly CachedEntry[]): void {
    this.keepAssignments(assignments);
    this.confirmed = new Map(entries.map((e) => [e.ref, fromCached(e)]));
  }

  /** Ids Harvest gave creates that changes still queued refer to (from the outbox). */
  restoreIds(ids: ReadonlyMap<string, number>): void {
    for (const [local, id] of ids) this.harvestIds.set(local, id);
  }

  cachedEntries(): CachedEntry[] {
    return [...this.confirmed.values()].map(toCached);
  }

  /** Runs `job` (a read, or sending one change) once no other is talking to Harvest. */
  oneAtATime<T>(job: () => Promise<T>): Promise<T> {
    return this.turns.run(job);
  }

  // ---- what Harvest answered while a change was sent ------------------------------------------

  hear(news: Heard): void {
    if ('deleted' in news) {
      this.confirmed.delete(news.deleted);
      return;
    }
    // Harvest stops the other running timer itself when one starts; mirror that without asking.
    const { entry, othersStopAt } = news;
    if (othersStopAt) {
      for (const [ref, e] of this.confirmed) {
        if (ref !== entry.id && e.runningSince) {
          this.confirmed.set(ref, stopAt(e, othersStopAt, this.accountStyle.timestampTimers));
        }
      }
    }
    this.confirmed.set(entry.id, fromHarvest(entry));
  }

  /** A create Sheaf sent landed: its local ref names Harvest's entry from now on. */
  hearCreated(localRef: string, news: EntryNews): void {
    this.harvestIds.set(localRef, news.entry.id);
    this.hear(news);
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** First load after sign-in: assignments and this week's entries (which include today's). Throws. */
  async load(): Promise<void> {
    await this.turns.run(async () => {
      const [assignments] = await Promise.all([this.api().listMyProjectAssignments(), this.readWeeks()]);
      this.keepAssignments(toOptions(assignments));
    });
  }

  /** This week's entries again (changes made elsewhere replace ours). False when Harvest could not be read. */
  async refresh(options: { assignments?: boolean } = {}): Promise<boolean> {
    try {
      await this.turns.run(async () => {
        await this.readWeeks();
        if (options.assignments) this.keepAssignments(toOptions(await this.api().listMyProjectAssignments()));
      });
      return true;
    } catch (err) {
      this.readFailed(err);
      return false;
    }
  }

  /**
   * Only what changed in Harvest since the last read (`updated_since`): cheap enough for every time the popover
   * opens. Deletions made elsewhere are only seen by the periodic full refresh. False when it failed.
   */
  async refreshChanges(): Promise<boolean> {
    // Nothing read yet since Sheaf opened (a cold start from the cache): there is no "since" to ask from.
    if (!this.lastReadAt) return this.refresh();
    // Harvest's clock and ours may differ a little; reading a minute back only repeats a few entries.
    const since = new Date(this.lastReadAt.getTime() - msPerMinute);
    try {
      await this.turns.run(async () => {
        const now = this.clock.now();
        const changed = await this.api().listTimeEntries({
          user_id: this.personId,
          updated_since: since.toISOString(),
        });
        const held = (date: string) =>
          [...this.loadedWeeks].some((start) => date >= start && date <= addDays(start, 6));
        for (const e of changed) {
          if (e.is_running || held(e.spent_date)) this.confirmed.set(e.id, fromHarvest(e));
          else this.confirmed.delete(e.id);
        }
        this.lastReadAt = now;
        this.syncLine.heard(now);
      });
      return true;
    } catch (err) {
      this.readFailed(err);
      return false;
    }
  }

  /** Steps to `date`. Returns the read of its week when Harvest must be asked; null when it is here already. */
  showDay(date: string): Promise<void> | null {
    const now = this.clock.now();
    this.dayShown = date === localDate(now) ? null : date;
    const week = weekOf(date, this.weekStart);
    if (this.loadedWeeks.has(week.start) || week.start === weekRange(now, this.weekStart).start) return null;
    this.weekBeingRead = week.start;
    return this.readShownWeek(week);
  }

  private async readShownWeek(week: { start: string; end: string }): Promise<void> {
    try {
      await this.turns.run(async () => {
        const entries = await this.api().listTimeEntries({
          user_id: this.personId,
          from: week.start,
          to: week.end,
        });
        // Another week's entries replace what was held for it; today's week and running timers stay.
        for (const [id, e] of this.confirmed) {
          if (e.spentDate >= week.start && e.spentDate <= week.end) this.confirmed.delete(id);
        }
        for (const e of entries) this.confirmed.set(e.id, fromHarvest(e));
        this.loadedWeeks.add(week.start);
      });
    } catch (err) {
      // Offline: the day shows what Sheaf has (maybe nothing) and the sync line says why.
      this.readFailed(err);
    } finally {
      if (this.weekBeingRead === week.start) this.weekBeingRead = null;
    }
  }

  private async readWeeks(): Promise<void> {
    const now = this.clock.now();
    const userId = this.personId;
    const week = weekRange(now, this.weekStart);
    // The week of a day the person stepped to is read again too, so it stays complete.
    const shown = this.dayShown ? weekOf(this.dayShown, this.weekStart) : week;
    const [inWeek, running, inShownWeek] = await Promise.all([
      this.api().listTimeEntries({ user_id: userId, from: week.start, to: week.end }),
      // A timer left running from an earlier week still belongs on screen.
      this.api().listTimeEntries({ user_id: userId, is_running: true }),
      shown.start === week.start
        ? []
        : this.api().listTimeEntries({ user_id: userId, from: shown.start, to: shown.end }),
    ]);
    const all = [...inWeek, ...inShownWeek, ...running];
    this.confirmed = new Map(all.map((e) => [e.id, fromHarvest(e)]));
    this.loadedWeeks = new Set([week.start, shown.start]);
    this.lastReadAt = now;
    if (this.learnsStyle) this.learnTimerStyle(all);
    this.syncLine.heard(now);
  }

  /**
   * A member can't read /company, so the account's style is read off what Harvest returns: entries with start
   * and end times mean a start/end-time account, and Harvest writes those times in the company's clock
   * ("2:30pm" on 12-hour accounts, "14:30" on 24-hour ones).
   */
  private learnTimerStyle(entries: TimeEntry[]): void {
    const sample = entries.find((e) => e.started_time || e.timer_started_at);
    const written = entries
      .map((e) => clockOf(e.started_time ?? e.ended_time))
      .find((clock) => clock !== null);
    this.accountStyle = {
      timestampTimers: sample ? Boolean(sample.started_time) : this.accountStyle.timestampTimers,
      clock: written ?? this.accountStyle.clock,
    };
  }

  private keepAssignments(options: AssignmentOption[]): void {
    this.assignmentOptions = options;
    this.optionByPair = new Map(options.map((o) => [pairKey(o), o]));
    this.assignmentsRead++;
  }

  /** A signed-out token signs the person out; anything else shows on the sync line. */
  private readFailed(err: unknown): void {
    if (err instanceof HarvestError && err.code === 'unauthorized') this.onUnauthorized(err);
    else this.syncLine.failed(err);
  }
}
