// Owns turning one intent into Harvest requests, exactly once: creates are looked for before being resent,
// and time sent late is put back where the person spent it.
import { localDate, msPerHour, wallClockTime } from './dates';
import { fromHarvest, hoursUntil, type EntryRef, type LocalEntry } from './entries';
import type { CreateByDuration, CreateByStartEnd, HarvestApi, TimeEntryUpdate } from './harvest/api';
import { HarvestError, NetworkError, OutcomeUnknownError } from './harvest/errors';
import type { TimeEntry } from './harvest/schemas';
import { isCreate, resolveRef, stopAt, type CreateIntent, type Intent } from './intents';
import type { Clock } from './ports';

/** Harvest keeps hours to 0.01 h; a send later than this (36 s) is corrected to when the person acted. */
const lateThresholdHours = 0.01;
/** How far before the person acted a created entry may claim to be created and still be theirs (clock skew). */
const reconcileWindowMs = 5 * 60_000;

export function hoursBetween(from: Date, to: Date): number {
  return Math.max(0, to.getTime() - from.getTime()) / msPerHour;
}

function round2(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** What the sender reads and updates: Harvest's last word and the local→Harvest id map. */
export interface SenderState {
  confirmed: Map<EntryRef, LocalEntry>;
  ids: Map<string, number>;
  timestampTimers: boolean;
  userId: number;
}

export interface SendResult {
  /** How many intents right behind this one travelled with it (a start and its stop become one entry). */
  followersDone: number;
}

function isHarvest(err: unknown, ...codes: string[]): err is HarvestError {
  return err instanceof HarvestError && codes.includes(err.code);
}

export class Sender {
  constructor(
    private api: HarvestApi,
    private readonly clock: Clock,
    private readonly s: SenderState,
  ) {}

  useApi(api: HarvestApi): void {
    this.api = api;
  }

  /**
   * Sends `queue[0]`. `markAttempted` is awaited (it saves the outbox) before a create leaves the machine,
   * so after a crash the create is looked for rather than sent again.
   */
  async send(queue: readonly Intent[], markAttempted: () => Promise<void>): Promise<SendResult> {
    const intent = queue[0]!;
    if (isCreate(intent)) return this.sendCreate(intent, queue, markAttempted);
    const ref = resolveRef(intent.ref, this.s.ids);
    if (typeof ref !== 'number') return { followersDone: 0 }; // Its create was refused; nothing to change.
    const at = new Date(intent.at);
    switch (intent.kind) {
      case 'stop':
        await this.stop(ref, at);
        break;
      case 'resume':
        await this.resume(ref, at);
        break;
      case 'updateNotes':
        this.accept(await this.api.updateTimeEntry(ref, { notes: intent.notes }));
        break;
      case 'edit': {
        const c = intent.changes;
        const body: TimeEntryUpdate = {
          ...(c.projectId !== undefined ? { project_id: c.projectId } : {}),
          ...(c.taskId !== undefined ? { task_id: c.taskId } : {}),
          ...(c.notes !== undefined ? { notes: c.notes } : {}),
          ...(c.hours !== undefined ? { hours: round2(c.hours) } : {}),
          ...(c.startedTime !== undefined ? { started_time: c.startedTime } : {}),
          ...(c.endedTime !== undefined ? { ended_time: c.endedTime } : {}),
        };
        this.accept(await this.api.updateTimeEntry(ref, body));
        break;
      }
      case 'delete':
        try {
          await this.api.deleteTimeEntry(ref);
        } catch (err) {
          if (!isHarvest(err, 'not_found')) throw err; // Already gone (a retry after a lost answer): done.
        }
        this.s.confirmed.delete(ref);
        break;
    }
    return { followersDone: 0 };
  }

  private async stop(ref: number, at: Date): Promise<void> {
    const before = this.s.confirmed.get(ref);
    let stopped: TimeEntry;
    try {
      stopped = await this.api.stopTimeEntry(ref);
    } catch (err) {
      // Stopped elsewhere meanwhile (or our earlier stop landed and its answer was lost): Harvest's view wins.
      if (!isHarvest(err, 'validation')) throw err;
      stopped = await this.api.getTimeEntry(ref);
      if (stopped.is_running) throw err;
      this.accept(stopped);
      return;
    }
    this.accept(stopped);
    // Sent late: Harvest ended it when it heard of it; put the end where the person pressed Stop.
    if (!before?.runningSince) return;
    const target = hoursUntil(before, at);
    if (Math.abs(stopped.hours - target) < lateThresholdHours) return;
    const fix = this.s.timestampTimers ? { ended_time: wallClockTime(at) } : { hours: round2(target) };
    this.accept(await this.api.updateTimeEntry(ref, fix));
  }

  private async resume(ref: number, at: Date): Promise<void> {
    let entry: TimeEntry;
    try {
      entry = await this.api.restartTimeEntry(ref);
    } catch (err) {
      // The client never repeats a restart blindly; look whether it took before trying again.
      if (!isHarvest(err, 'outcome_unknown', 'validation')) throw err;
      entry = await this.api.getTimeEntry(ref);
      if (!entry.is_running) throw err instanceof OutcomeUnknownError ? new NetworkError(err) : err;
    }
    this.stopOthers(entry.id, at);
    this.accept(entry);
    const late = hoursBetween(at, this.clock.now());
    if (late >= lateThresholdHours && entry.timer_started_at) {
      const before = entry.hours_without_timer ?? 0;
      this.accept(await this.api.updateTimeEntry(ref, { hours: round2(before + late) }));
    }
  }

  private async sendCreate(
    intent: CreateIntent,
    queue: readonly Intent[],
    markAttempted: () => Promise<void>,
  ): Promise<SendResult> {
    const known = this.s.ids.get(intent.localRef);
    if (known !== undefined) return { followersDone: 0 };
    const at = new Date(intent.at);
    // Changes queued right behind a create that only touch its entry travel with it: a start and stop
    // made offline become one finished entry with the time really spent.
    const followers = intent.kind === 'start' ? followersOf(queue, intent.localRef) : { count: 0 };
    const notes = followers.notes ?? intent.notes;
    const stoppedAt = followers.stop ? new Date(followers.stop.at) : null;
    let created: TimeEntry | undefined;
    if (intent.attempted) created = await this.findCreated(intent, notes);
    if (!created) {
      intent.attempted = true;
      await markAttempted();
      try {
        created = await this.api.createTimeEntry(this.createBody(intent, notes, stoppedAt));
      } catch (err) {
        if (!(err instanceof OutcomeUnknownError)) throw err;
        // The POST may have landed. Look before sending it again, so nothing is created twice.
        created = await this.findCreated(intent, notes);
        if (!created) {
          intent.attempted = false;
          throw err;
        }
      }
    }
    this.s.ids.set(intent.localRef, created.id);
    if (intent.kind === 'start' && created.is_running) this.stopOthers(created.id, at);
    this.accept(created);
    if (intent.kind === 'start' && created.is_running && !this.s.timestampTimers) {
      await this.backdate(created, at);
    }
    return { followersDone: followers.count };
  }

  private createBody(
    intent: CreateIntent,
    notes: string,
    stoppedAt: Date | null,
  ): CreateByDuration | CreateByStartEnd {
    const at = new Date(intent.at);
    const common = {
      project_id: intent.projectId,
      task_id: intent.taskId,
      spent_date: intent.kind === 'add' ? intent.spentDate : localDate(at),
      ...(notes ? { notes } : {}),
    };
    if (intent.kind === 'add') {
      if (intent.startedTime && intent.endedTime) {
        return { ...common, started_time: intent.startedTime, ended_time: intent.endedTime };
      }
      return { ...common, hours: round2(intent.hours) };
    }
    if (this.s.timestampTimers) {
      return {
        ...common,
        started_time: wallClockTime(at),
        ...(stoppedAt ? { ended_time: wallClockTime(stoppedAt) } : {}),
      };
    }
    return stoppedAt ? { ...common, hours: round2(hoursBetween(at, stoppedAt)) } : common;
  }

  /**
   * A duration timer sent later than the person started it would count from when Harvest heard of it;
   * setting its hours to the time already spent makes it count from when they really started.
   */
  private async backdate(entry: TimeEntry, startedAt: Date): Promise<void> {
    const spent = hoursBetween(startedAt, this.clock.now());
    if (spent - (entry.hours_without_timer ?? 0) < lateThresholdHours) return;
    this.accept(await this.api.updateTimeEntry(entry.id, { hours: round2(spent) }));
  }

  /**
   * Reconciles a create whose answer was lost (or that was in flight when Sheaf died): that day's entries
   * changed since just before the person acted, with the same project, task and notes, created no earlier
   * than that, and not already mapped to another change of ours. Never marks the person's notes.
   */
  private async findCreated(intent: CreateIntent, notes: string): Promise<TimeEntry | undefined> {
    const at = new Date(intent.at);
    const since = new Date(at.getTime() - reconcileWindowMs);
    const day = intent.kind === 'add' ? intent.spentDate : localDate(at);
    const candidates = await this.api.listTimeEntries({
      user_id: this.s.userId,
      from: day,
      to: day,
      updated_since: since.toISOString(),
    });
    const ours = new Set(this.s.ids.values());
    return candidates
      .filter(
        (e) =>
          !ours.has(e.id) &&
          e.project.id === intent.projectId &&
          e.task.id === intent.taskId &&
          (e.notes ?? '') === notes &&
          Date.parse(e.created_at) >= since.getTime(),
      )
      .sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
  }

  accept(entry: TimeEntry): void {
    this.s.confirmed.set(entry.id, fromHarvest(entry));
  }

  /** Harvest stops the other running timer itself when one starts; mirror that without asking. */
  private stopOthers(keep: number, at: Date): void {
    for (const [ref, e] of this.s.confirmed) {
      if (ref !== keep && e.runningSince) this.s.confirmed.set(ref, stopAt(e, at, this.s.timestampTimers));
    }
  }
}

/** The intents right behind a start that only touch its entry: notes edits, ending at its stop. */
function followersOf(
  queue: readonly Intent[],
  localRef: string,
): { count: number; notes?: string; stop?: Intent } {
  let count = 0;
  let notes: string | undefined;
  for (const next of queue.slice(1)) {
    if (isCreate(next) || next.ref !== localRef) break;
    if (next.kind === 'updateNotes') notes = next.notes;
    else if (next.kind === 'stop') return { count: count + 1, notes, stop: next };
    else break;
    count++;
  }
  return { count, notes };
}
