// Owns the timer: the person's commands applied at once (optimistic), sent to Harvest through one serial
// queue, Harvest's view merged back, and today's and this week's totals. The server is the truth: a refresh
// picks up timers started, stopped or changed on the web or a phone.
import type { AssignmentOption, EntryView, SyncStatus } from '../../../shared/state';
import { findOption, toOptions } from './assignments';
import { localDate, msPerHour, weekRange } from './dates';
import { fromHarvest, hoursUntil, round, toView, type EntryRef, type LocalEntry } from './entries';
import type { CreateByDuration, CreateByStartEnd, HarvestApi } from './harvest/api';
import { HarvestError, NetworkError, OutcomeUnknownError, ValidationError } from './harvest/errors';
import type { TimeEntry, WeekStartDay } from './harvest/schemas';
import { applyIntents, resolveRef, stopAt, type Intent } from './intents';
import type { Clock } from './ports';
import { Serial } from './serial';
import { wallClockTime } from './dates';

export interface TimerOptions {
  api: HarvestApi;
  clock: Clock;
  userId: number;
  timestampTimers: boolean;
  weekStartDay: WeekStartDay;
  /** Learn the timer style from entries when /company was not readable (members get 403 there). */
  learnTimerStyle: boolean;
  onChange: () => void;
  onUnauthorized: (error: HarvestError) => void;
  log?: (line: string) => void;
  /** First retry delay after a failed send; doubles up to a minute. */
  retryDelayMs?: number;
}

export interface TimerView {
  running: EntryView | null;
  today: { date: string; entries: EntryView[]; totalHours: number };
  week: { start: string; end: string; totalHours: number };
  sync: SyncStatus;
  error: string | null;
  assignmentsVersion: number;
  timestampTimers: boolean;
}

/** Harvest keeps hours to 0.01 h; a send later than this (36 s) is corrected to when the person acted. */
const lateThresholdHours = 0.01;

function hoursBetween(from: Date, to: Date): number {
  return Math.max(0, to.getTime() - from.getTime()) / msPerHour;
}

function round2(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Failures worth retrying as they are: Harvest or the network will likely answer next time. */
const transient = new Set(['network', 'timeout', 'server', 'rate_limited']);

export class TimerService {
  private confirmed = new Map<EntryRef, LocalEntry>();
  private pending: Intent[] = [];
  private readonly ids = new Map<string, number>();
  private options: AssignmentOption[] = [];
  private assignmentsVersion = 0;
  private readonly serial = new Serial();
  private draining: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number;
  private sync: SyncStatus = { state: 'idle', pending: 0, lastSyncedAt: null, message: null };
  private error: string | null = null;
  private paused = false;
  private disposed = false;
  private nextLocal = 1;
  private timestampTimers: boolean;

  private api: HarvestApi;

  constructor(private readonly o: TimerOptions) {
    this.api = o.api;
    this.timestampTimers = o.timestampTimers;
    this.retryDelay = o.retryDelayMs ?? 1000;
  }

  get userId(): number {
    return this.o.userId;
  }

  /** A fresh sign-in to the same account brings a new client (new token); queued changes carry on. */
  replaceApi(api: HarvestApi): void {
    this.api = api;
  }

  // ---- reading -------------------------------------------------------------------------------

  assignments(): AssignmentOption[] {
    return this.options;
  }

  view(): TimerView {
    const now = this.o.clock.now();
    const { entries, pendingRefs } = applyIntents(
      this.confirmed,
      this.pending,
      this.ids,
      this.timestampTimers,
    );
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
      assignmentsVersion: this.assignmentsVersion,
      timestampTimers: this.timestampTimers,
    };
  }

  // ---- loading -------------------------------------------------------------------------------

  /** First load after sign-in: assignments and this week's entries (which include today's). */
  async load(): Promise<void> {
    await this.serial.run(async () => {
      const [assignments] = await Promise.all([this.api.listMyProjectAssignments(), this.fetchWeek()]);
      this.options = toOptions(assignments);
      this.assignmentsVersion++;
    });
    this.changed();
  }

  /** Asks Harvest for this week's entries; changes made elsewhere replace ours. Never throws. */
  async refresh(options: { assignments?: boolean } = {}): Promise<void> {
    try {
      await this.serial.run(async () => {
        await this.fetchWeek();
        if (options.assignments) {
          this.options = toOptions(await this.api.listMyProjectAssignments());
          this.assignmentsVersion++;
        }
      });
      this.kick();
    } catch (err) {
      this.noteFailure(err);
    }
    this.changed();
  }

  private async fetchWeek(): Promise<void> {
    const now = this.o.clock.now();
    const week = weekRange(now, this.o.weekStartDay);
    const [inWeek, running] = await Promise.all([
      this.api.listTimeEntries({ user_id: this.o.userId, from: week.start, to: week.end }),
      // A timer left running from an earlier week still belongs on screen.
      this.api.listTimeEntries({ user_id: this.o.userId, is_running: true }),
    ]);
    const next = new Map<EntryRef, LocalEntry>();
    for (const e of [...inWeek, ...running]) next.set(e.id, fromHarvest(e));
    this.confirmed = next;
    if (this.o.learnTimerStyle) this.learnTimerStyle([...inWeek, ...running]);
    this.sync = { ...this.sync, state: 'idle', lastSyncedAt: now.toISOString(), message: null };
  }

  private learnTimerStyle(entries: TimeEntry[]): void {
    const sample = entries.find((e) => e.started_time || e.timer_started_at);
    if (sample) this.timestampTimers = Boolean(sample.started_time);
  }

  // ---- commands (resolve once applied locally; sending happens behind) ---------------------------

  startTimer(input: { projectId: number; taskId: number; notes?: string }): void {
    const option = findOption(this.options, input.projectId, input.taskId);
    if (!option) {
      throw new ValidationError(
        "That project and task aren't among your Harvest assignments. Pick another one.",
        0,
      );
    }
    this.enqueue({
      kind: 'start',
      id: this.newId(),
      at: this.nowIso(),
      localRef: `local-${Date.now().toString(36)}-${this.nextLocal++}`,
      projectId: option.projectId,
      taskId: option.taskId,
      notes: input.notes?.trim() ?? '',
      names: {
        clientName: option.clientName,
        projectName: option.projectName,
        projectCode: option.projectCode,
        taskName: option.taskName,
      },
    });
  }

  stopTimer(): void {
    const running = this.view().running;
    if (!running) return;
    this.enqueue({ kind: 'stop', id: this.newId(), at: this.nowIso(), ref: running.id });
  }

  /** Stop what runs, else restart the entry worked on last. */
  toggleTimer(): void {
    const v = this.view();
    if (v.running) return this.stopTimer();
    const last = this.lastEntry();
    if (!last) throw new ValidationError('Nothing to restart yet: pick a project and task, then Start.', 0);
    this.restartEntry(last.ref);
  }

  /**
   * Today's entry continues (Harvest's restart); an older one becomes a new entry today with the same
   * project, task and notes. Timestamp accounts always get a new entry: one start/end pair per entry.
   */
  restartEntry(ref: EntryRef): void {
    const { entries } = applyIntents(this.confirmed, this.pending, this.ids, this.timestampTimers);
    const entry = entries.get(resolveRef(ref, this.ids));
    if (!entry) throw new ValidationError('That entry is no longer there. Refresh and try again.', 0);
    if (entry.runningSince) return;
    const today = localDate(this.o.clock.now());
    if (entry.spentDate === today && !this.timestampTimers && !entry.isLocked) {
      this.enqueue({ kind: 'resume', id: this.newId(), at: this.nowIso(), ref: entry.ref });
      return;
    }
    if (!findOption(this.options, entry.projectId, entry.taskId)) {
      throw new ValidationError(`${entry.projectName} — ${entry.taskName} is no longer assigned to you.`, 0);
    }
    this.startTimer({ projectId: entry.projectId, taskId: entry.taskId, notes: entry.notes });
  }

  updateNotes(ref: EntryRef, notes: string): void {
    const { entries } = applyIntents(this.confirmed, this.pending, this.ids, this.timestampTimers);
    const entry = entries.get(resolveRef(ref, this.ids));
    if (!entry) throw new ValidationError('That entry is no longer there. Refresh and try again.', 0);
    if (entry.isLocked)
      throw new ValidationError(`This entry is locked: ${entry.lockedReason ?? 'locked in Harvest'}.`, 0);
    this.enqueue({ kind: 'updateNotes', id: this.newId(), at: this.nowIso(), ref: entry.ref, notes });
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  /** After a sign-in with the same account, carry on sending. */
  resume(): void {
    this.paused = false;
    this.kick();
  }

  // ---- the queue -----------------------------------------------------------------------------

  private enqueue(intent: Intent): void {
    this.pending.push(intent);
    this.error = null;
    this.changed();
    this.kick();
  }

  private kick(): void {
    if (this.draining || this.paused || this.disposed || this.pending.length === 0) return;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.paused && !this.disposed) {
      const intent = this.pending[0]!;
      this.sync = { ...this.sync, state: 'syncing' };
      this.changed();
      try {
        await this.serial.run(() => this.send(intent));
        this.pending.shift();
        this.retryDelay = this.o.retryDelayMs ?? 1000;
        this.sync = { ...this.sync, state: 'idle', message: null, lastSyncedAt: this.nowIso() };
      } catch (err) {
        if (this.setAsideOrRetry(intent, err) === 'retry') {
          this.changed();
          this.scheduleRetry();
          return;
        }
      }
      this.changed();
    }
  }

  /** 'retry' keeps the intent first in line; otherwise it is dropped with a message for the person. */
  private setAsideOrRetry(intent: Intent, err: unknown): 'retry' | 'dropped' {
    if (!(err instanceof HarvestError)) {
      this.o.log?.(`sending ${intent.kind} failed unexpectedly: ${String(err)}`);
      this.pending.shift();
      this.error = 'Sheaf could not send a change to Harvest. Refresh to see what Harvest has.';
      return 'dropped';
    }
    if (err.code === 'unauthorized') {
      this.paused = true;
      this.o.onUnauthorized(err);
      return 'retry';
    }
    if (transient.has(err.code)) {
      this.noteFailure(err);
      return 'retry';
    }
    this.pending.shift();
    this.dropIntentsOf(intent);
    this.error = err.message;
    void this.refresh();
    return 'dropped';
  }

  /** A start Harvest refused leaves nothing for later changes to its entry to apply to. */
  private dropIntentsOf(intent: Intent): void {
    if (intent.kind !== 'start') return;
    this.pending = this.pending.filter((i) => i.kind === 'start' || i.ref !== intent.localRef);
  }

  private noteFailure(err: unknown): void {
    const offline = err instanceof HarvestError && (err.code === 'network' || err.code === 'timeout');
    this.sync = {
      ...this.sync,
      state: offline ? 'offline' : 'error',
      message: err instanceof Error ? err.message : String(err),
    };
  }

  private scheduleRetry(): void {
    if (this.disposed || this.retryTimer) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, 60_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
  }

  private async send(intent: Intent): Promise<void> {
    const api = this.api;
    if (intent.kind === 'start') return this.sendStart(intent);
    const ref = resolveRef(intent.ref, this.ids);
    if (typeof ref !== 'number') return; // Its start was refused; nothing to change.
    switch (intent.kind) {
      case 'stop': {
        const before = this.confirmed.get(ref);
        try {
          const stopped = await api.stopTimeEntry(ref);
          this.accept(stopped);
          await this.correctStop(before, stopped, new Date(intent.at));
        } catch (err) {
          // Stopped (or deleted) elsewhere meanwhile: Harvest's view wins, nothing to tell the person.
          if (!(err instanceof HarvestError) || (err.code !== 'validation' && err.code !== 'not_found'))
            throw err;
          await this.reloadEntry(ref);
        }
        return;
      }
      case 'resume': {
        let entry: TimeEntry;
        try {
          entry = await api.restartTimeEntry(ref);
        } catch (err) {
          // The client never repeats a restart blindly; look whether it took before trying again.
          if (!(err instanceof OutcomeUnknownError)) throw err;
          entry = await api.getTimeEntry(ref);
          if (!entry.is_running) throw new NetworkError(err);
        }
        this.stopOthersConfirmed(entry.id, new Date(intent.at));
        this.accept(entry);
        const late = hoursBetween(new Date(intent.at), this.o.clock.now());
        if (late >= lateThresholdHours) {
          this.accept(await api.updateTimeEntry(ref, { hours: round2((entry.hours_without_timer ?? 0) + late) }));
        }
        return;
      }
      case 'updateNotes':
        this.accept(await api.updateTimeEntry(ref, { notes: intent.notes }));
        return;
    }
  }

  private async sendStart(intent: Extract<Intent, { kind: 'start' }>): Promise<void> {
    if (this.ids.has(intent.localRef)) return;
    const at = new Date(intent.at);
    // Changes to this entry queued right behind its start travel with it: a start and stop made while
    // offline become one finished entry, with the time the person really spent.
    const followers = this.followersOf(intent.localRef);
    const notes = followers.notes ?? intent.notes;
    const stoppedAt = followers.stop ? new Date(followers.stop.at) : null;
    const body: CreateByDuration | CreateByStartEnd = {
      project_id: intent.projectId,
      task_id: intent.taskId,
      spent_date: localDate(at),
      ...(notes ? { notes } : {}),
      ...(this.timestampTimers
        ? { started_time: wallClockTime(at), ...(stoppedAt ? { ended_time: wallClockTime(stoppedAt) } : {}) }
        : stoppedAt
          ? { hours: hoursBetween(at, stoppedAt) }
          : {}),
    };
    let created: TimeEntry;
    try {
      created = await this.api.createTimeEntry(body);
    } catch (err) {
      if (!(err instanceof OutcomeUnknownError)) throw err;
      // The POST may have landed. Look before sending it again, so nothing is created twice.
      const found = await this.findCreated(intent, notes);
      if (!found) throw err;
      created = found;
    }
    this.ids.set(intent.localRef, created.id);
    this.stopOthersConfirmed(created.id, at);
    this.accept(created);
    // The followers are done too; drain() drops the start itself.
    this.pending.splice(1, followers.count);
    if (!stoppedAt && !this.timestampTimers) await this.backdateRunning(created, at);
  }

  /** The intents right behind a start that only touch its entry: notes edits and a stop. */
  private followersOf(localRef: string): { count: number; notes?: string; stop?: Intent } {
    let count = 0;
    let notes: string | undefined;
    for (const next of this.pending.slice(1)) {
      if (next.kind === 'start' || next.ref !== localRef) break;
      if (next.kind === 'updateNotes') notes = next.notes;
      else if (next.kind === 'stop') return { count: count + 1, notes, stop: next };
      else break;
      count++;
    }
    return { count, notes };
  }

  /**
   * A duration timer sent later than the person started it would count from when Harvest heard of it;
   * setting its hours to the time already spent makes it count from when they really started.
   */
  private async backdateRunning(entry: TimeEntry, startedAt: Date): Promise<void> {
    const late = hoursBetween(startedAt, this.o.clock.now()) - (entry.hours_without_timer ?? 0);
    if (!entry.is_running || late < lateThresholdHours) return;
    this.accept(await this.api.updateTimeEntry(entry.id, { hours: round2(hoursBetween(startedAt, this.o.clock.now())) }));
  }

  /** After /stop: if Harvest ended it later than the person did (sent late), put the end where they acted. */
  private async correctStop(before: LocalEntry | undefined, stopped: TimeEntry, at: Date): Promise<void> {
    if (!before?.runningSince) return;
    const target = hoursUntil(before, at);
    if (Math.abs(stopped.hours - target) < lateThresholdHours) return;
    const fix = this.timestampTimers ? { ended_time: wallClockTime(at) } : { hours: round2(target) };
    this.accept(await this.api.updateTimeEntry(stopped.id, fix));
  }

  /**
   * Reconciles a create whose answer was lost: that day's entries changed since just before the person
   * acted, with the same project, task and notes, created no earlier than that, and not already ours.
   */
  private async findCreated(
    intent: Extract<Intent, { kind: 'start' }>,
    notes: string,
  ): Promise<TimeEntry | undefined> {
    const at = new Date(intent.at);
    const since = new Date(at.getTime() - 120_000);
    const candidates = await this.api.listTimeEntries({
      user_id: this.o.userId,
      from: localDate(at),
      to: localDate(at),
      updated_since: since.toISOString(),
    });
    const known = new Set(this.ids.values());
    return candidates
      .filter(
        (e) =>
          !known.has(e.id) &&
          e.project.id === intent.projectId &&
          e.task.id === intent.taskId &&
          (e.notes ?? '') === notes &&
          new Date(e.created_at).getTime() >= since.getTime(),
      )
      .sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
  }

  private async reloadEntry(id: number): Promise<void> {
    try {
      this.accept(await this.api.getTimeEntry(id));
    } catch (err) {
      if (err instanceof HarvestError && err.code === 'not_found') this.confirmed.delete(id);
      else throw err;
    }
  }

  private accept(entry: TimeEntry): void {
    this.confirmed.set(entry.id, fromHarvest(entry));
  }

  /** Harvest stops the other running timer itself when one starts; mirror that without asking. */
  private stopOthersConfirmed(keep: number, at: Date): void {
    for (const [ref, e] of this.confirmed) {
      if (ref !== keep && e.runningSince) this.confirmed.set(ref, stopAt(e, at, this.timestampTimers));
    }
  }

  private lastEntry(): LocalEntry | undefined {
    const { entries } = applyIntents(this.confirmed, this.pending, this.ids, this.timestampTimers);
    return [...entries.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  }

  private nowIso(): string {
    return this.o.clock.now().toISOString();
  }

  private newId(): string {
    return `${this.o.clock.now().getTime().toString(36)}-${this.nextLocal++}`;
  }

  private changed(): void {
    if (!this.disposed) this.o.onChange();
  }
}
