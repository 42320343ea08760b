// Owns turning one intent into Harvest requests, exactly once: creates are looked for before being resent,
// and time sent late is put back where the person spent it.
import { sameTimeOfDay, type ClockStyle } from '../../../shared/format';
import { addedTimes, editInStyle, type AccountStyle } from './account-style';
import { localDate, msPerHour, wallClockTime } from './dates';
import { fromHarvest, hoursUntil, type EntryRef, type LocalEntry } from './entries';
import type { CreateByDuration, CreateByStartEnd, HarvestApi } from './harvest/api';
import { HarvestError, NetworkError, OutcomeUnknownError } from './harvest/errors';
import type { TimeEntry } from '../../../shared/harvest/schemas';
import { isCreate, resolveRef, stopAt, targetOf, type CreateIntent, type Intent } from './intents';
import type { Clock } from './ports';

/** Harvest keeps hours to 0.01 h; a send later than this (36 s) is corrected to when the person acted. */
const lateThresholdHours = 0.01;
const maxEntryHours = 23.99;
/** How far before our send a created entry may claim to be created and still be ours (Harvest's clock behind). */
const clockSkewMs = 2 * 60_000;

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
  /** The company's clock: Harvest answers times in it, so Sheaf sends them in it too. */
  clock: ClockStyle;
  userId: number;
}

export interface SendResult {
  /** Ids of later intents that travelled with this one (a start and its stop become one entry). */
  consumed: string[];
  /** Nothing was sent: this intent must go first (and be saved), then the current one. */
  insertBefore?: Intent;
  /** Harvest answered a restart with a new entry (start/end-time accounts): later changes go to that one. */
  moved?: { from: number; to: number };
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
   * Sends `queue[0]`. `save` is awaited (it writes the outbox) before anything leaves the machine once the
   * intent has been annotated, so after a crash a create is looked for rather than sent again and a
   * correction is computed from the same numbers.
   */
  async send(queue: readonly Intent[], save: () => Promise<void>): Promise<SendResult> {
    const intent = queue[0]!;
    const at = new Date(intent.at);
    // Starting anything makes Harvest stop the running timer when it hears of it; if that is later than the
    // person acted, stop it explicitly first, at the right moment.
    if (intent.kind === 'start' || intent.kind === 'resume') {
      const target = resolveRef(targetOf(intent), this.s.ids);
      const other = [...this.s.confirmed.values()].find((e) => e.runningSince && e.ref !== target);
      if (other && this.isLate(at)) {
        return {
          consumed: [],
          insertBefore: { kind: 'stop', id: `${intent.id}-stop`, at: intent.at, ref: other.ref },
        };
      }
    }
    if (isCreate(intent)) return this.sendCreate(intent, queue, save);
    const ref = resolveRef(intent.ref, this.s.ids);
    if (typeof ref !== 'number') return { consumed: [] }; // Its create was refused; nothing to change.
    switch (intent.kind) {
      case 'stop':
        await this.stop(intent, ref, at, save);
        break;
      case 'resume':
        return this.resume(intent, ref, at, save, queue);
      case 'updateNotes':
        this.accept(await this.api.updateTimeEntry(ref, { notes: intent.notes }));
        break;
      case 'edit': {
        const c = intent.changes;
        const edited = await this.api.updateTimeEntry(
          ref,
          editInStyle(this.style(), this.s.confirmed.get(ref), c, at),
        );
        this.accept(edited);
        // Hours set on a running timer count on from when they were set, not from when Harvest heard of them.
        if (c.hours !== undefined) await this.countFrom(edited, c.hours, at);
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
    return { consumed: [] };
  }

  private style(): AccountStyle {
    return { timestampTimers: this.s.timestampTimers, clock: this.s.clock };
  }

  private isLate(at: Date): boolean {
    return hoursBetween(at, this.clock.now()) >= lateThresholdHours;
  }

  private async stop(
    intent: Extract<Intent, { kind: 'stop' }>,
    ref: number,
    at: Date,
    save: () => Promise<void>,
  ) {
    const before = this.s.confirmed.get(ref);
    if (intent.targetHours === undefined && before?.runningSince) {
      intent.targetHours = hoursUntil(before, at);
      await save();
    }
    let stopped: TimeEntry;
    try {
      stopped = await this.api.stopTimeEntry(ref);
    } catch (err) {
      // Stopped elsewhere meanwhile, or our earlier stop landed and its answer was lost: look.
      if (!isHarvest(err, 'validation')) throw err;
      stopped = await this.api.getTimeEntry(ref);
      if (stopped.is_running) throw err;
      // Stopped by someone else at another time: Harvest's view wins; only our own late stop is corrected.
      if (intent.targetHours === undefined) {
        this.accept(stopped);
        return;
      }
    }
    this.accept(stopped);
    // Sent late: Harvest ended it when it heard of it; put the end where the person pressed Stop.
    if (this.s.timestampTimers) {
      const pressed = wallClockTime(at, this.s.clock);
      if (stopped.ended_time && !sameTimeOfDay(stopped.ended_time, pressed) && this.isLate(at)) {
        this.accept(await this.api.updateTimeEntry(ref, { ended_time: pressed }));
      }
      return;
    }
    const target = intent.targetHours;
    if (target === undefined || Math.abs(stopped.hours - target) < lateThresholdHours) return;
    this.accept(await this.api.updateTimeEntry(ref, { hours: round2(target) }));
  }

  private async resume(
    intent: Extract<Intent, { kind: 'resume' }>,
    ref: number,
    at: Date,
    save: () => Promise<void>,
    queue: readonly Intent[],
  ): Promise<SendResult> {
    const before = this.s.confirmed.get(ref);
    if (intent.baseHours === undefined) {
      intent.baseHours = before?.hours ?? 0;
      await save();
    }
    // Sent late, with its end already waiting behind it (its own stop, or the next timer started): the resumed
    // stretch is over, so it becomes one edit of the hours the person ran. Restarting a timer a day late and
    // stopping it again would leave the answer to Harvest's 24 h cap instead.
    const end = this.s.timestampTimers || before?.runningSince ? undefined : this.endOf(queue, ref);
    if (end && this.isLate(at)) {
      const hours = Math.min(maxEntryHours, round2(intent.baseHours + hoursBetween(at, new Date(end.at))));
      this.accept(await this.api.updateTimeEntry(ref, { hours }));
      return { consumed: end.stopId ? [end.stopId] : [] };
    }
    let entry: TimeEntry;
    try {
      entry = await this.api.restartTimeEntry(ref);
    } catch (err) {
      // The client never repeats a restart blindly; look whether it took before trying again.
      if (!isHarvest(err, 'outcome_unknown', 'validation')) throw err;
      const restarted = await this.findRestarted(ref, before, at);
      if (!restarted) throw err instanceof OutcomeUnknownError ? new NetworkError(err) : err;
      entry = restarted;
    }
    this.stopOthers(entry.id, at);
    this.accept(entry);
    await this.countFrom(entry, intent.baseHours, at);
    return { consumed: [], ...(entry.id !== ref ? { moved: { from: ref, to: entry.id } } : {}) };
  }

  /**
   * When what `queue[0]` restarts ended, if the queue already says: its own stop, or the next start or restart
   * of anything else (Harvest runs one timer at a time). Any other change to the entry first: not known here.
   */
  private endOf(queue: readonly Intent[], ref: number): { at: string; stopId?: string } | undefined {
    for (const next of queue.slice(1)) {
      if (!isCreate(next) && resolveRef(next.ref, this.s.ids) === ref) {
        return next.kind === 'stop' ? { at: next.at, stopId: next.id } : undefined;
      }
      if (next.kind === 'start' || next.kind === 'resume') return { at: next.at };
    }
    return undefined;
  }

  /**
   * Whether a restart whose answer was lost took: the entry itself runs again (duration accounts), or, on
   * start/end-time accounts where Harvest answers a restart with a new entry, a new running entry of the same
   * project and task made since the person pressed it. Harvest runs one timer per person, so at most one.
   */
  private async findRestarted(
    ref: number,
    before: LocalEntry | undefined,
    at: Date,
  ): Promise<TimeEntry | undefined> {
    const running = await this.api.listTimeEntries({ user_id: this.s.userId, is_running: true });
    const since = at.getTime() - clockSkewMs;
    return running.find(
      (e) =>
        e.id === ref ||
        (before !== undefined &&
          !this.s.confirmed.has(e.id) &&
          e.project.id === before.projectId &&
          e.task.id === before.taskId &&
          Date.parse(e.created_at) >= since),
    );
  }

  /**
   * A running duration timer should show `base` hours plus the time since the person acted. Harvest counts
   * from when it heard of it; when that was late, set the hours so it counts from the person's moment.
   * The check is on Harvest's own numbers, so repeating it after a crash changes nothing twice.
   */
  private async countFrom(entry: TimeEntry, base: number, at: Date): Promise<void> {
    if (this.s.timestampTimers || !entry.is_running || !entry.timer_started_at) return;
    const lateBy = hoursBetween(at, new Date(entry.timer_started_at));
    const credited = (entry.hours_without_timer ?? 0) - base;
    if (Math.abs(lateBy - credited) < lateThresholdHours || (entry.hours_without_timer ?? 0) >= maxEntryHours)
      return;
    // Harvest takes at most 24 h in an entry; a timer left running offline longer than that is capped.
    const hours = Math.min(maxEntryHours, round2(base + hoursBetween(at, this.clock.now())));
    this.accept(await this.api.updateTimeEntry(entry.id, { hours }));
  }

  private async sendCreate(
    intent: CreateIntent,
    queue: readonly Intent[],
    save: () => Promise<void>,
  ): Promise<SendResult> {
    const at = new Date(intent.at);
    const known = this.s.ids.get(intent.localRef);
    if (known !== undefined) {
      // Created before a crash or a failed follow-up: only the backdating may be left to do.
      if (intent.kind === 'start') await this.countFrom(await this.api.getTimeEntry(known), 0, at);
      return { consumed: [] };
    }
    // Changes queued right behind a create that only touch its entry travel with it: a start and stop
    // made offline become one finished entry with the time really spent.
    const followers = intent.kind === 'start' ? followersOf(queue, intent.localRef) : { consumed: [] };
    const notes = followers.notes ?? intent.notes;
    const stoppedAt = followers.endAt ? new Date(followers.endAt) : null;
    let created: TimeEntry | undefined;
    let consumed = followers.consumed;
    if (intent.attempted) {
      // Sent before a crash: look for it with the notes it was sent with. The changes that travelled with
      // it then may differ from today's queue, so none are taken as done; they follow as they are.
      created = await this.findCreated(intent, intent.sentNotes ?? notes);
      if (created) consumed = [];
    }
    if (!created) {
      const body = this.createBody(intent, notes, stoppedAt);
      // What identifies this create if its answer is lost, saved before it leaves (see findCreated).
      intent.attempted = true;
      intent.sentNotes = notes;
      intent.sentAt = this.clock.now().toISOString();
      intent.sentHours = 'hours' in body ? body.hours : undefined;
      intent.sentStartedTime = 'started_time' in body ? body.started_time : undefined;
      intent.knownIds = [...this.s.confirmed.keys()].filter((k): k is number => typeof k === 'number');
      await save();
      try {
        created = await this.api.createTimeEntry(body);
      } catch (err) {
        if (!(err instanceof OutcomeUnknownError)) throw err;
        // The POST may have landed. Look before sending it again, so nothing is created twice.
        created = await this.findCreated(intent, notes);
        if (!created) throw err;
      }
    }
    this.s.ids.set(intent.localRef, created.id);
    if (intent.kind === 'start' && created.is_running) this.stopOthers(created.id, at);
    this.accept(created);
    // Saved before the follow-up, so a crash now never creates it again.
    await save();
    if (intent.kind === 'start') await this.countFrom(created, 0, at);
    return { consumed };
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
      // Only the account's own style reaches Harvest (it ignores the other): times there, hours here.
      if (!this.s.timestampTimers) return { ...common, hours: round2(intent.hours) };
      return { ...common, ...addedTimes(this.s.clock, intent, at) };
    }
    if (this.s.timestampTimers) {
      return {
        ...common,
        started_time: wallClockTime(at, this.s.clock),
        ...(stoppedAt ? { ended_time: wallClockTime(stoppedAt, this.s.clock) } : {}),
      };
    }
    return stoppedAt
      ? { ...common, hours: Math.min(maxEntryHours, round2(hoursBetween(at, stoppedAt))) }
      : common;
  }

  /**
   * Reconciles a create whose answer was lost (or that was in flight when Sheaf died): that day's entries
   * changed since just before the person acted, with the same project, task and notes, created no earlier
   * than that, and not already mapped to another change of ours. Never marks the person's notes.
   */
  private async findCreated(intent: CreateIntent, notes: string): Promise<TimeEntry | undefined> {
    // Measured from when the create was sent (not when the person acted: a create sent an hour late must not
    // match an entry made on the web in that hour), allowing for Harvest's clock being a little behind ours.
    const sent = Date.parse(intent.sentAt ?? intent.at);
    const since = sent - clockSkewMs;
    const day = intent.kind === 'add' ? intent.spentDate : localDate(new Date(intent.at));
    const candidates = await this.api.listTimeEntries({
      user_id: this.s.userId,
      from: day,
      to: day,
      updated_since: new Date(since).toISOString(),
    });
    // Entries already known then (ours or made elsewhere) can't be the one this create made.
    const known = new Set([...this.s.ids.values(), ...(intent.knownIds ?? [])]);
    return candidates
      .filter(
        (e) =>
          !known.has(e.id) &&
          e.project.id === intent.projectId &&
          e.task.id === intent.taskId &&
          (e.notes ?? '') === notes &&
          Date.parse(e.created_at) >= since &&
          this.sameTime(intent, e, sent),
      )
      .sort(
        (a, b) => Math.abs(Date.parse(a.created_at) - sent) - Math.abs(Date.parse(b.created_at) - sent),
      )[0];
  }

  /**
   * The time a candidate carries must be what the create sent: its start time, its hours, or (a timer) no more
   * than has passed since it was sent. An entry logged by hand elsewhere with the same project, task and notes
   * therefore isn't taken for ours.
   */
  private sameTime(intent: CreateIntent, e: TimeEntry, sent: number): boolean {
    // Harvest writes times back in the company's clock ("14:30" for "2:30pm"): compare the minute, not the text.
    if (intent.sentStartedTime) return sameTimeOfDay(e.started_time, intent.sentStartedTime);
    if (intent.sentHours !== undefined) return Math.abs(e.hours - intent.sentHours) < lateThresholdHours;
    if (!intent.sentAt) return true; // Sent by an older version that kept no record: match as before.
    return e.hours <= hoursBetween(new Date(sent), this.clock.now()) + 2 * lateThresholdHours;
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

/**
 * What later intents say about a start not yet sent: its notes edits, and when it ended — its own stop, or
 * the next start or resume of anything else (Harvest runs one timer at a time). Those intents travel with it.
 */
function followersOf(
  queue: readonly Intent[],
  localRef: string,
): { consumed: string[]; notes?: string; endAt?: string } {
  const consumed: string[] = [];
  let notes: string | undefined;
  let endAt: string | undefined;
  for (const next of queue.slice(1)) {
    if (!isCreate(next) && next.ref === localRef) {
      if (next.kind === 'updateNotes') notes = next.notes;
      else if (next.kind === 'stop' && endAt === undefined) endAt = next.at;
      else break; // An edit, resume or delete of it: send what we have and let that follow as it is.
      consumed.push(next.id);
    } else if (endAt === undefined && (next.kind === 'start' || next.kind === 'resume')) {
      endAt = next.at;
    }
  }
  return { consumed, notes, endAt };
}
