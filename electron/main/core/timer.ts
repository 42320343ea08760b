// Owns the timer as the person sees it: their commands applied at once (optimistic), saved to the outbox
// before they are acknowledged, sent to Harvest one at a time, and Harvest's view merged back, with today's
// and this week's totals. The server is the truth: a refresh picks up changes made on the web or a phone.
import { addDays, weekOf } from '../../../shared/calendar';
import type {
  AssignmentOption,
  AssignmentRef,
  EntryView,
  SetAsideView,
  ShownDay,
  SyncStatus,
} from '../../../shared/state';
import { minutesOfDay, type ClockStyle } from '../../../shared/format';
import { findOption, toOptions } from './assignments';
import { newestWorkedOn, recentPairs, shownDay } from './days';
import { localDate, parseWallClockTime, weekRange } from './dates';
import {
  fromCached,
  fromHarvest,
  round,
  toCached,
  toView,
  type CachedEntry,
  type EntryRef,
  type LocalEntry,
} from './entries';
import { endBeforeStart, timesInOrder, undoDeleteMs } from '../../../shared/ipc';
import type { HarvestApi } from './harvest/api';
import { HarvestError, ValidationError } from './harvest/errors';
import type { TimeEntry } from '../../../shared/harvest/schemas';
import type { WeekStartDay } from '../../../shared/calendar';
import {
  applyIntents,
  type CreateFields,
  isCreate,
  resolveRef,
  targetOf,
  type EntryChanges,
  type EntryNames,
  type Intent,
} from './intents';
import type { Outbox, SetAside } from './outbox';
import type { Clock } from './ports';
import { hoursBetween, Sender, type SenderState } from './sender';
import { DiskError } from './disk';
import { refusedFor } from './errors';
import { DisposableStore, type Disposable } from './lifecycle';
import { queueWith, retarget } from './queue-rules';
import { Serial } from './serial';

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

export interface TimerView {
  running: EntryView | null;
  today: { date: string; entries: EntryView[]; totalHours: number };
  week: { start: string; end: string; totalHours: number };
  sync: SyncStatus;
  error: string | null;
  notices: string[];
  setAside: SetAsideView[];
  assignmentsVersion: number;
  timestampTimers: boolean;
  clock: ClockStyle;
  day: ShownDay;
  recent: AssignmentRef[];
}

/** What a cold start shows before Harvest answers. */
export interface TimerCache {
  savedAt: string;
  assignments: AssignmentOption[];
  entries: CachedEntry[];
}

/** Failures worth retrying as they are: Harvest or the network will likely answer next time. */
const transient = new Set(['network', 'timeout', 'server', 'rate_limited', 'outcome_unknown']);

export class TimerService {
  private readonly state: SenderState;
  private pending: Intent[] = [];
  private setAside: SetAside[] = [];
  private options: AssignmentOption[] = [];
  private assignmentsVersion = 0;
  private readonly serial = new Serial();
  private readonly sender: Sender;
  private draining: Promise<void> | null = null;
  /** Everything this service starts (its retry and wake-up timers), stopped together by dispose(). */
  private readonly lifetime = new DisposableStore();
  private retryTimer: Disposable | null = null;
  /** Outbox writes one at a time, each from the queue as it is when its turn comes. */
  private readonly saves = new Serial();
  /** A background save failed (a full disk): the outbox on disk is behind memory until the next one works. */
  private unsaved = false;
  /** The intent being sent right now (it can no longer be taken back). */
  private inFlight: Intent | null = null;
  private retryDelay: number;
  private sync: SyncStatus = { state: 'idle', pending: 0, lastSyncedAt: null, message: null };
  private error: string | null = null;
  private notices: string[] = [];
  private paused = false;
  private disposed = false;
  private nextLocal = 1;
  /** The day the person stepped to; null follows today. */
  private shownDate: string | null = null;
  /** First days of the weeks whose entries `confirmed` holds (besides running timers). */
  private loadedWeeks = new Set<string>();
  private loadingWeek: string | null = null;
  /** When the last full or incremental read began: the next `updated_since`. */
  private lastReadAt: Date | null = null;

  constructor(private readonly o: TimerOptions) {
    this.state = {
      confirmed: new Map(),
      ids: new Map(),
      timestampTimers: o.timestampTimers,
      clock: o.clockStyle,
      userId: o.userId,
    };
    this.sender = new Sender(o.api, o.clock, this.state);
    this.retryDelay = o.retryDelayMs ?? 1000;
  }

  get userId(): number {
    return this.o.userId;
  }

  get weekStartDay(): WeekStartDay {
    return this.o.weekStartDay;
  }

  /** The week now starts on another day (a member chose it in Settings): read that week from Harvest. */
  useWeekStartDay(day: WeekStartDay): void {
    this.o.weekStartDay = day;
    void this.refresh();
  }

  /** A fresh sign-in to the same account brings a new client (new token); queued changes carry on. */
  replaceApi(api: HarvestApi): void {
    this.o.api = api;
    this.sender.useApi(api);
  }

  // ---- restoring -----------------------------------------------------------------------------

  /** Reads the outbox left by the last run (after a crash too) and the cached last known state. */
  async restore(cache: TimerCache | null): Promise<void> {
    if (cache) {
      this.options = cache.assignments;
      this.assignmentsVersion++;
      this.state.confirmed = new Map(cache.entries.map((e) => [e.ref, fromCached(e)]));
      this.sync = { ...this.sync, lastSyncedAt: cache.savedAt };
    }
    if (this.o.outbox) {
      const saved = await this.o.outbox.load();
      this.pending = saved.intents;
      this.setAside = saved.setAside;
      for (const [local, id] of saved.ids) this.state.ids.set(local, id);
      this.notices.push(...saved.problems);
    }
    this.changed();
  }

  cache(): TimerCache {
    return {
      savedAt: this.sync.lastSyncedAt ?? this.nowIso(),
      assignments: this.options,
      entries: [...this.state.confirmed.values()].map(toCached),
    };
  }

  // ---- reading -------------------------------------------------------------------------------

  assignments(): AssignmentOption[] {
    return this.options;
  }

  /** Any entry Sheaf knows (this week's, or a timer left running from earlier), as the popover shows it. */
  entry(ref: EntryRef): EntryView | null {
    const { entries, pendingRefs } = this.entries();
    const found = entries.get(resolveRef(ref, this.state.ids));
    return found ? toView(found, pendingRefs.has(found.ref)) : null;
  }

  /** The last `limit` distinct project/task pairs worked on, newest first (the tray's quick starts). */
  recentPairs(limit: number): AssignmentOption[] {
    return recentPairs([...this.entries().entries.values()], Number.MAX_SAFE_INTEGER)
      .map((p) => findOption(this.options, p.projectId, p.taskId))
      .filter((o): o is AssignmentOption => o !== undefined)
      .slice(0, limit);
  }

  private entries() {
    return applyIntents(this.state.confirmed, this.pending, this.state.ids, this.state.timestampTimers);
  }

  view(): TimerView {
    const now = this.o.clock.now();
    const { entries, pendingRefs } = this.entries();
    const today = localDate(now);
    const week = weekRange(now, this.o.weekStartDay);
    const all = [...entries.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const view = (e: LocalEntry) => toView(e, pendingRefs.has(e.ref));
    const running = all.find((e) => e.runningSince);
    const sum = (list: LocalEntry[]) => round(list.reduce((total, e) => total + e.hours, 0));
    const todays = all.filter((e) => e.spentDate === today);
    return {
      running: running ? view(running) : null,
      today: { date: today, entries: todays.map(view), totalHours: sum(todays) },
      week: {
        ...week,
        totalHours: sum(all.filter((e) => e.spentDate >= week.start && e.spentDate <= week.end)),
      },
      sync: { ...this.sync, pending: this.pending.length },
      error: this.error,
      notices: this.notices,
      setAside: this.setAside.map((s) => ({
        id: s.id,
        summary: s.summary,
        reason: s.reason,
        canApplyElsewhere: s.entry !== null,
      })),
      assignmentsVersion: this.assignmentsVersion,
      timestampTimers: this.state.timestampTimers,
      clock: this.state.clock,
      day: shownDay(
        all,
        view,
        this.shownDate ?? today,
        today,
        this.o.weekStartDay,
        this.loadingWeek !== null,
      ),
      recent: recentPairs(all),
    };
  }

  // ---- loading -------------------------------------------------------------------------------

  /** First load after sign-in: assignments and this week's entries (which include today's). */
  async load(): Promise<void> {
    await this.serial.run(async () => {
      const [assignments] = await Promise.all([this.o.api.listMyProjectAssignments(), this.fetchWeek()]);
      this.options = toOptions(assignments);
      this.assignmentsVersion++;
    });
    this.changed();
    this.kick();
  }

  /** Asks Harvest for this week's entries; changes made elsewhere replace ours. Never throws. */
  async refresh(options: { assignments?: boolean } = {}): Promise<void> {
    try {
      await this.serial.run(async () => {
        await this.fetchWeek();
        if (options.assignments) {
          this.options = toOptions(await this.o.api.listMyProjectAssignments());
          this.assignmentsVersion++;
        }
      });
      this.kick();
    } catch (err) {
      if (err instanceof HarvestError && err.code === 'unauthorized') this.o.onUnauthorized(err);
      else this.noteFailure(err);
    }
    this.changed();
  }

  private async fetchWeek(): Promise<void> {
    const now = this.o.clock.now();
    const week = weekRange(now, this.o.weekStartDay);
    // The week of a day the person stepped to is read again too, so it stays complete.
    const shown = this.shownDate ? weekOf(this.shownDate, this.o.weekStartDay) : week;
    const [inWeek, running, inShownWeek] = await Promise.all([
      this.o.api.listTimeEntries({ user_id: this.o.userId, from: week.start, to: week.end }),
      // A timer left running from an earlier week still belongs on screen.
      this.o.api.listTimeEntries({ user_id: this.o.userId, is_running: true }),
      shown.start === week.start
        ? []
        : this.o.api.listTimeEntries({ user_id: this.o.userId, from: shown.start, to: shown.end }),
    ]);
    const all = [...inWeek, ...inShownWeek, ...running];
    this.state.confirmed = new Map(all.map((e) => [e.id, fromHarvest(e)]));
    this.loadedWeeks = new Set([week.start, shown.start]);
    this.lastReadAt = now;
    if (this.o.learnTimerStyle) this.learnTimerStyle(all);
    this.sync = { ...this.sync, state: 'idle', lastSyncedAt: now.toISOString(), message: null };
  }

  /** Steps to another day; its week's entries come from Harvest unless they are here already. */
  async showDay(date: string): Promise<void> {
    const today = localDate(this.o.clock.now());
    this.shownDate = date === today ? null : date;
    const week = weekOf(date, this.o.weekStartDay);
    const current = weekRange(this.o.clock.now(), this.o.weekStartDay);
    if (this.loadedWeeks.has(week.start) || week.start === current.start) {
      this.changed();
      return;
    }
    this.loadingWeek = week.start;
    this.changed();
    try {
      await this.serial.run(async () => {
        const entries = await this.o.api.listTimeEntries({
          user_id: this.o.userId,
          from: week.start,
          to: week.end,
        });
        // Another week's entries replace what was held for it; today's week and running timers stay.
        for (const [id, e] of this.state.confirmed) {
          if (e.spentDate >= week.start && e.spentDate <= week.end) this.state.confirmed.delete(id);
        }
        for (const e of entries) this.state.confirmed.set(e.id, fromHarvest(e));
        this.loadedWeeks.add(week.start);
      });
    } catch (err) {
      // Offline: the day shows what Sheaf has (maybe nothing) and the sync line says why.
      if (err instanceof HarvestError && err.code === 'unauthorized') this.o.onUnauthorized(err);
      else this.noteFailure(err);
    } finally {
      if (this.loadingWeek === week.start) this.loadingWeek = null;
    }
    this.changed();
  }

  /**
   * Only what changed in Harvest since the last read (`updated_since`): cheap enough for every time the popover
   * opens. Deletions made elsewhere are only seen by the periodic full refresh. Never throws.
   */
  async refreshChanges(): Promise<void> {
    if (!this.lastReadAt) return this.refresh();
    // Harvest's clock and ours may differ a little; reading a minute back only repeats a few entries.
    const since = new Date(this.lastReadAt.getTime() - 60_000);
    try {
      await this.serial.run(async () => {
        const now = this.o.clock.now();
        const changed = await this.o.api.listTimeEntries({
          user_id: this.o.userId,
          updated_since: since.toISOString(),
        });
        const held = (date: string) =>
          [...this.loadedWeeks].some((start) => date >= start && date <= addDays(start, 6));
        for (const e of changed) {
          if (e.is_running || held(e.spent_date)) this.state.confirmed.set(e.id, fromHarvest(e));
          else this.state.confirmed.delete(e.id);
        }
        this.lastReadAt = now;
        this.sync = { ...this.sync, state: 'idle', lastSyncedAt: now.toISOString(), message: null };
      });
      this.kick();
    } catch (err) {
      if (err instanceof HarvestError && err.code === 'unauthorized') this.o.onUnauthorized(err);
      else this.noteFailure(err);
    }
    this.changed();
  }

  /**
   * A member can't read /company, so the account's style is read off what Harvest returns: entries with start
   * and end times mean a start/end-time account, and Harvest writes those times in the company's clock
   * ("2:30pm" on 12-hour accounts, "14:30" on 24-hour ones).
   */
  private learnTimerStyle(entries: TimeEntry[]): void {
    const sample = entries.find((e) => e.started_time || e.timer_started_at);
    if (sample) this.state.timestampTimers = Boolean(sample.started_time);
    const written = entries
      .map((e) => e.started_time ?? e.ended_time)
      .find((t) => t && minutesOfDay(t) !== null);
    if (written) this.state.clock = /[ap]m\s*$/i.test(written) ? '12h' : '24h';
  }

  // ---- commands (resolve once applied locally and saved; sending happens behind) ----------------

  /** `at`: when the person really began (e.g. came back from being away), if not now. */
  async startTimer(input: { projectId: number; taskId: number; notes?: string; at?: Date }): Promise<void> {
    await this.enqueue({ kind: 'start', ...this.createFields(input) });
  }

  /** The fields of a new entry for an assigned project/task (refused when it isn't among the assignments). */
  private createFields(input: {
    projectId: number;
    taskId: number;
    notes?: string;
    at?: Date;
  }): CreateFields {
    const option = this.assigned(input.projectId, input.taskId);
    return {
      id: this.newId(),
      at: input.at && input.at < this.o.clock.now() ? input.at.toISOString() : this.nowIso(),
      localRef: this.newLocalRef(),
      projectId: option.projectId,
      taskId: option.taskId,
      notes: input.notes?.trim() ?? '',
      names: namesOf(option),
    };
  }

  async stopTimer(): Promise<void> {
    const running = this.view().running;
    if (!running) return;
    await this.enqueue({ kind: 'stop', id: this.newId(), at: this.nowIso(), ref: running.id });
  }

  /**
   * Stops `ref` as of `at` (idle start: the time away is not counted), through the same durable stop as Stop;
   * the sender puts Harvest's end back to `at`. False when `ref` no longer runs (stopped or replaced elsewhere).
   */
  async stopTimerAt(ref: EntryRef, at: Date): Promise<boolean> {
    const running = this.view().running;
    if (!running || resolveRef(running.id, this.state.ids) !== resolveRef(ref, this.state.ids)) return false;
    const since = running.runningSince ? Date.parse(running.runningSince) : at.getTime();
    const when = Math.min(this.o.clock.now().getTime(), Math.max(at.getTime(), since));
    await this.enqueue({ kind: 'stop', id: this.newId(), at: new Date(when).toISOString(), ref: running.id });
    return true;
  }

  /**
   * Stop what runs, else restart the entry worked on last: the newest entry of the first recent pair, the one
   * the tray lists first (a week stepped back to, or an entry made late for an earlier day, doesn't jump ahead).
   */
  async toggleTimer(): Promise<void> {
    if (this.view().running) return this.stopTimer();
    const last = newestWorkedOn([...this.entries().entries.values()])[0];
    if (!last) throw new ValidationError('Nothing to restart yet: pick a project and task, then Start.', 0);
    await this.restartEntry(last.ref);
  }

  /**
   * Today's entry continues (Harvest's restart); an older one becomes a new entry today with the same
   * project, task and notes. Timestamp accounts always get a new entry: one start/end pair per entry.
   */
  async restartEntry(ref: EntryRef): Promise<void> {
    const entry = this.existing(ref);
    if (entry.runningSince) return;
    const today = localDate(this.o.clock.now());
    if (entry.spentDate === today && !this.state.timestampTimers && !entry.isLocked) {
      await this.enqueue({ kind: 'resume', id: this.newId(), at: this.nowIso(), ref: entry.ref });
      return;
    }
    await this.startTimer({ projectId: entry.projectId, taskId: entry.taskId, notes: entry.notes });
  }

  async updateNotes(ref: EntryRef, notes: string): Promise<void> {
    const entry = this.editable(ref);
    await this.enqueue({ kind: 'updateNotes', id: this.newId(), at: this.nowIso(), ref: entry.ref, notes });
  }

  /** Time added without a timer: hours, or a start and end on timestamp accounts. */
  async addEntry(input: {
    projectId: number;
    taskId: number;
    spentDate: string;
    hours?: number;
    startedTime?: string;
    endedTime?: string;
    notes?: string;
  }): Promise<void> {
    const fields = this.createFields(input);
    let hours = input.hours ?? 0;
    if (input.startedTime && input.endedTime) {
      const from = parseWallClockTime(input.spentDate, input.startedTime);
      const to = parseWallClockTime(input.spentDate, input.endedTime);
      if (!from || !to || to < from)
        throw new ValidationError('The end time must be after the start time.', 0);
      hours = hoursBetween(from, to);
    }
    await this.enqueue({
      kind: 'add',
      ...fields,
      spentDate: input.spentDate,
      hours,
      startedTime: input.startedTime ?? null,
      endedTime: input.endedTime ?? null,
    });
  }
  async editEntry(ref: EntryRef, changes: Omit<EntryChanges, 'names'>): Promise<void> {
    const entry = this.editable(ref);
    // The contract orders two new times; one new time is ordered against the entry's other (a running one has
    // no end yet), so a mistake is refused here rather than acknowledged and then refused by Harvest.
    const end = changes.endedTime ?? (entry.runningSince ? null : entry.endedTime);
    if (!timesInOrder(changes.startedTime ?? entry.startedTime, end))
      throw new ValidationError(endBeforeStart, 0);
    let names: EntryNames | undefined;
    if (changes.projectId !== undefined || changes.taskId !== undefined) {
      names = namesOf(this.assigned(changes.projectId ?? entry.projectId, changes.taskId ?? entry.taskId));
    }
    await this.enqueue({
      kind: 'edit',
      id: this.newId(),
      at: this.nowIso(),
      ref: entry.ref,
      changes: { ...changes, ...(names ? { names } : {}) },
    });
  }

  /**
   * `undoable`: the delete is saved at once (so a quit can't lose it, and the totals drop now) but waits
   * `undoDeleteMs` before it is sent, in which `undoDelete` takes it back.
   */
  async deleteEntry(ref: EntryRef, options: { undoable?: boolean } = {}): Promise<void> {
    const entry = this.editable(ref);
    const now = this.o.clock.now();
    await this.enqueue({
      kind: 'delete',
      id: this.newId(),
      at: now.toISOString(),
      ref: entry.ref,
      ...(options.undoable ? { holdUntil: new Date(now.getTime() + undoDeleteMs).toISOString() } : {}),
    });
  }

  /** Takes back an undoable delete that hasn't left for Harvest yet: the entry shows again. */
  async undoDelete(ref: EntryRef): Promise<void> {
    const target = resolveRef(ref, this.state.ids);
    const held = this.pending.find(
      (i) =>
        i.kind === 'delete' &&
        i.holdUntil !== undefined &&
        i !== this.inFlight &&
        resolveRef(i.ref, this.state.ids) === target,
    );
    if (!held)
      throw new ValidationError('Too late to undo: the entry has already been deleted in Harvest.', 0);
    const without = (queue: Intent[]) => queue.filter((i) => i !== held);
    await this.saveThen(without, () => (this.pending = without(this.pending)), 'The entry was not put back.');
  }

  /** A change Harvest refused: drop it, or redo it as a new entry today. */
  async resolveSetAside(id: string, action: 'discard' | 'applyElsewhere'): Promise<void> {
    const item = this.setAside.find((s) => s.id === id);
    if (!item) return;
    if (action === 'applyElsewhere' && item.entry) {
      const e = item.entry;
      // A new finished entry today keeps the time and words the person had; the refused one stays as Harvest has it.
      await this.addEntry({
        projectId: e.projectId,
        taskId: e.taskId,
        notes: e.notes,
        spentDate: localDate(this.o.clock.now()),
        hours: Math.round(e.hours * 100) / 100,
      });
    }
    const others = () => this.setAside.filter((s) => s !== item);
    await this.saveThen(
      (queue) => queue,
      () => (this.setAside = others()),
      'The change is still in the list.',
      others,
    );
  }

  dismissNotices(): void {
    this.notices = [];
    this.error = null;
    this.changed();
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

  dispose(): void {
    this.disposed = true;
    this.lifetime.dispose();
  }

  /** After a sign-in with the same account, carry on sending. */
  resume(): void {
    this.paused = false;
    this.kick();
  }

  // ---- checks ----------------------------------------------------------------------------------

  private assigned(projectId: number, taskId: number): AssignmentOption {
    const option = findOption(this.options, projectId, taskId);
    if (!option) {
      throw new ValidationError(
        "That project and task aren't among your Harvest assignments. Pick another one.",
        0,
      );
    }
    return option;
  }

  private existing(ref: EntryRef): LocalEntry {
    const entry = this.entries().entries.get(resolveRef(ref, this.state.ids));
    if (!entry) throw new ValidationError('That entry is no longer there. Refresh and try again.', 0);
    return entry;
  }

  private editable(ref: EntryRef): LocalEntry {
    const entry = this.existing(ref);
    if (entry.isLocked) {
      throw new ValidationError(`This entry is locked: ${entry.lockedReason ?? 'locked in Harvest'}.`, 0);
    }
    return entry;
  }

  // ---- the queue -----------------------------------------------------------------------------

  /** Acknowledged, and shown, only once it is on disk: a crash from then on loses nothing. */
  private async enqueue(intent: Intent): Promise<void> {
    await this.saveThen(
      (queue) => queueWith(queue, intent, this.inFlight),
      () => {
        this.pending = queueWith(this.pending, intent, this.inFlight);
        this.error = null;
      },
      intent.kind,
    );
    this.kick();
  }

  /**
   * Saved, then shown: writes the outbox as `next` would leave it and only then applies the change in memory.
   * A failed write changes nothing the person sees and refuses the command in their words ("Sheaf can't save to
   * ~/.config/Sheaf: the disk is full. Your timer was not started."). The queue is read when the write's turn
   * comes, and applied again after it, since the sync loop may have sent what was at its head meanwhile.
   */
  private async saveThen(
    next: (queue: Intent[]) => Intent[],
    apply: () => void,
    refusal: Intent['kind'] | string,
    setAside: () => SetAside[] = () => this.setAside,
  ): Promise<void> {
    await this.saves.run(async () => {
      try {
        await this.write(next(this.pending), setAside());
      } catch (err) {
        throw refusedFor(err, refusal);
      }
      apply();
      this.diskRecovered();
    });
    this.changed();
  }

  /** The outbox as memory has it now (the sender's annotations, a sent change gone). */
  private persist(): Promise<void> {
    return this.saves.run(async () => {
      await this.write(this.pending, this.setAside);
      this.diskRecovered();
    });
  }

  private async write(intents: Intent[], setAside: SetAside[]): Promise<void> {
    // After dispose another instance may own the file (a restart in the same process): never overwrite it.
    if (!this.o.outbox || this.disposed) return;
    // Only ids a queued change still refers to need remembering.
    const referenced = new Set(intents.map(targetOf).filter((r): r is string => typeof r === 'string'));
    const ids = new Map([...this.state.ids].filter(([local]) => referenced.has(local)));
    await this.o.outbox.save({ intents, ids, setAside });
  }

  /** A save worked again after a failed one: the sync line stops saying so, and the loop carries on. */
  private diskRecovered(): void {
    if (!this.unsaved) return;
    this.unsaved = false;
    this.sync = { ...this.sync, state: 'idle', message: null };
    this.changed();
  }

  /** A save behind the scenes failed: nothing is lost from memory; say so, and try again shortly. */
  private noteUnsaved(err: unknown): void {
    if (!(err instanceof DiskError)) throw err;
    this.unsaved = true;
    this.sync = { ...this.sync, state: 'error', message: `${err.message} Unsent changes wait until it can.` };
    this.changed();
    this.scheduleRetry();
  }

  private kick(): void {
    if (this.disposed) return;
    if (this.unsaved && !this.draining) {
      // Nothing else may be waiting to send: the outbox itself still has to catch up with memory.
      void this.persist().catch((err: unknown) => this.noteUnsaved(err));
    }
    if (this.draining || this.paused || this.pending.length === 0) return;
    this.lifetime.delete(this.retryTimer);
    this.retryTimer = null;
    // The sync loop never dies: whatever escapes it is reported, and the next kick starts it again.
    this.draining = this.drain()
      .catch((err: unknown) => {
        this.o.log?.(`sync loop stopped: ${err instanceof Error ? err.message : String(err)}`);
        this.scheduleRetry();
      })
      .finally(() => {
        this.draining = null;
      });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.paused && !this.disposed) {
      const intent = this.pending[0]!;
      const heldFor = intent.kind === 'delete' && intent.holdUntil ? this.msUntil(intent.holdUntil) : 0;
      if (heldFor > 0) {
        // Order is kept: what comes after a delete still open to undo waits behind it.
        this.wakeIn(heldFor);
        return;
      }
      this.sync = { ...this.sync, state: 'syncing' };
      this.changed();
      try {
        this.inFlight = intent;
        const result = await this.serial
          .run(() => this.sender.send(this.pending, () => this.persist()))
          .finally(() => (this.inFlight = null));
        // What the person wrote stays out of the log unless debugging is switched on.
        const what = this.o.debug
          ? JSON.stringify(intent)
          : `${intent.id} (entry ${String(targetOf(intent))})`;
        this.o.log?.(`sent ${intent.kind} ${what} ${result.insertBefore ? 'after a stop' : 'ok'}`);
        if (result.insertBefore) {
          this.pending.unshift(result.insertBefore);
          await this.persist().catch((e: unknown) => this.noteUnsaved(e));
          continue;
        }
        const consumed = new Set(result.consumed);
        this.pending = this.pending.filter((i) => i !== intent && !consumed.has(i.id));
        if (result.moved) this.pending = retarget(this.pending, result.moved.from, result.moved.to);
        this.retryDelay = this.o.retryDelayMs ?? 1000;
        this.sync = { ...this.sync, state: 'idle', message: null, lastSyncedAt: this.nowIso() };
        await this.persist().catch((e: unknown) => this.noteUnsaved(e));
      } catch (err) {
        if (this.setAsideOrRetry(intent, err) === 'retry') {
          this.changed();
          this.scheduleRetry();
          return;
        }
        await this.persist().catch((e: unknown) => this.noteUnsaved(e));
      }
      this.changed();
    }
  }

  /** 'retry' keeps the intent first in line; otherwise it is set aside with Harvest's reason. */
  private setAsideOrRetry(intent: Intent, err: unknown): 'retry' | 'setAside' {
    if (this.o.debug) this.o.log?.(`not sent ${intent.kind} ${intent.id}: ${String(err)}`);
    // The sender saves its notes on a create before sending it; with no disk to save on, it waits.
    if (err instanceof DiskError) {
      this.unsaved = true;
      this.sync = {
        ...this.sync,
        state: 'error',
        message: `${err.message} Unsent changes wait until it can.`,
      };
      return 'retry';
    }
    if (err instanceof HarvestError && err.code === 'unauthorized') {
      this.paused = true;
      this.o.onUnauthorized(err);
      return 'retry';
    }
    if (err instanceof HarvestError && transient.has(err.code)) {
      this.noteFailure(err);
      return 'retry';
    }
    if (!(err instanceof HarvestError))
      this.o.log?.(`sending ${intent.kind} failed unexpectedly: ${String(err)}`);
    const reason = err instanceof HarvestError ? err.message : 'Sheaf could not send this change.';
    // Conflicts are shown, never dropped: the change waits for the person to discard it or apply it elsewhere.
    const { entries } = this.entries();
    const entry = entries.get(resolveRef(targetOf(intent), this.state.ids));
    const dependants = this.pending.slice(1).filter((i) => !isCreate(i) && targetOf(i) === targetOf(intent));
    this.pending = this.pending.filter((i) => i !== intent && !dependants.includes(i));
    this.setAside.push({
      id: intent.id,
      intent,
      reason,
      summary: summarize(intent, entry),
      entry: entry
        ? {
            projectId: entry.projectId,
            taskId: entry.taskId,
            notes: entry.notes,
            hours: entry.runningSince
              ? entry.hours + (Date.parse(intent.at) - entry.runningSince.getTime()) / 3.6e6
              : entry.hours,
            names: {
              clientName: entry.clientName,
              projectName: entry.projectName,
              projectCode: entry.projectCode,
              taskName: entry.taskName,
            },
          }
        : null,
    });
    // Shown once, in the list of set-aside changes (with what to do about it), not again as an error.
    void this.refresh();
    return 'setAside';
  }

  private noteFailure(err: unknown): void {
    const offline = err instanceof HarvestError && (err.code === 'network' || err.code === 'timeout');
    this.sync = {
      ...this.sync,
      state: offline ? 'offline' : 'error',
      message: err instanceof Error ? err.message : String(err),
    };
  }

  private msUntil(iso: string): number {
    return Date.parse(iso) - this.o.clock.now().getTime();
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
    this.retryTimer = this.lifetime.timeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
  }

  private nowIso(): string {
    return this.o.clock.now().toISOString();
  }

  private newId(): string {
    return `${this.o.clock.now().getTime().toString(36)}-${process.pid.toString(36)}-${this.nextLocal++}`;
  }

  private newLocalRef(): string {
    return `local-${this.newId()}`;
  }

  private changed(): void {
    if (!this.disposed) this.o.onChange();
  }
}

function namesOf(o: AssignmentOption): EntryNames {
  return {
    clientName: o.clientName,
    projectName: o.projectName,
    projectCode: o.projectCode,
    taskName: o.taskName,
  };
}

function summarize(intent: Intent, entry: LocalEntry | undefined): string {
  const what = entry ? `${entry.projectName} — ${entry.taskName}` : 'an entry';
  switch (intent.kind) {
    case 'start':
      return `Start ${what}`;
    case 'add':
      return `Add ${intent.hours.toFixed(2)} h to ${what}`;
    case 'stop':
      return `Stop ${what}`;
    case 'resume':
      return `Restart ${what}`;
    case 'updateNotes':
      return `Notes on ${what}: “${intent.notes}”`;
    case 'edit':
      return `Edit ${what}`;
    case 'delete':
      return `Delete ${what}`;
  }
}
