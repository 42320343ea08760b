// Owns turning one intent into Harvest requests, exactly once: creates are looked for before being resent, and
// time sent late is put back where the person spent it. It reports what happened; it edits nothing it is given.
// A create's body is made in create-body.ts.
import { editInStyle } from './account-style';
import { readTime, timeAt } from '../../../../shared/wall-clock';
import { hoursBetween, roundHours } from '../../../../shared/elapsed';
import { hoursUntil, type EntryRef } from './entries';
import type { HarvestApi, TimeEntryUpdate } from '../harvest/api';
import { HarvestError, NetworkError, OutcomeUnknownError } from '../harvest/errors';
import type { TimeEntry } from '../../../../shared/harvest/schemas';
import { LostAnswers } from './lost-answers';
import { createBody, maxEntryHours, referenceBody } from './create-body';
import { followersOf } from './queue-rules';
import {
  isCreate,
  resolveRef,
  targetOf,
  type CreateIntent,
  type CreateNote,
  type Intent,
  type Replaces,
  type SendNote,
} from './intents';
import type { EntryNews, Heard, LedgerReading } from './ledger';
import type { Clock } from '../ports';

/** Harvest keeps hours to 0.01 h; a send later than this (36 s) is corrected to when the person acted. */
const lateThresholdHours = 0.01;

/**
 * How the sender tells the sync queue what happens while one intent is sent. Answers are reported as they
 * come, not at the end: a later request of the same send may fail, and what Harvest said before it still holds.
 */
export interface SendReport {
  /**
   * What was learned about the intent being sent, kept and saved before this resolves, so it is on disk before
   * the request it describes leaves: after a crash a create is looked for rather than sent again, and a
   * correction is computed from the same numbers.
   */
  annotate(intent: Intent, note: SendNote): Promise<void>;
  /** Harvest's answer about an entry (or that it is gone), for the ledger. */
  heard(news: Heard): void;
  /** A create landed: `localRef` now names Harvest's entry. Saved before this resolves, so it is never resent. */
  created(localRef: string, news: EntryNews): Promise<void>;
}

export interface SendResult {
  /** Ids of later intents that travelled with this one (a start and its stop become one entry). */
  consumed: string[];
  /** Nothing was sent: this intent must go first (and be saved), then the current one. */
  insertBefore?: Intent;
  /** Harvest answered a restart with a new entry (start/end-time accounts): later changes go to that one. */
  moved?: { from: number; to: number };
}

/** Minutes from `b` to `a`, two times of one day ("7:13am", "07:12"); 0 when either can't be read. */
function minutesAfter(a: string | null | undefined, b: string): number {
  const [from, to] = [readTime(b), readTime(a)];
  return from === null || to === null ? 0 : to - from;
}

function isHarvest(err: unknown, ...codes: string[]): err is HarvestError {
  return err instanceof HarvestError && codes.includes(err.code);
}

export class Sender {
  private readonly lost: LostAnswers;

  constructor(
    private readonly api: () => HarvestApi,
    private readonly clock: Clock,
    private readonly ledger: LedgerReading,
  ) {
    this.lost = new LostAnswers(api, clock, ledger);
  }

  /** Sends `queue[0]`, reading the ledger as it is and telling `report` what happens. */
  async send(queue: readonly Intent[], report: SendReport): Promise<SendResult> {
    const intent = queue[0]!;
    const at = new Date(intent.at);
    // Starting anything makes Harvest stop the running timer when it hears of it; if that is later than the
    // person acted, stop it explicitly first, at the right moment.
    let replaces: Replaces | undefined;
    if (intent.kind === 'start' || intent.kind === 'restart') {
      // The cache is saved a moment after a change, so after a crash it may not show a timer the last run had
      // just started: until Harvest's entries are read again, ask it which timer this one will stop.
      if (!this.ledger.hasRead) {
        const running = await this.api().listTimeEntries({ user_id: this.ledger.userId, is_running: true });
        for (const entry of running) report.heard({ entry });
      }
      const target = resolveRef(targetOf(intent), this.ledger.ids);
      // A start sent before whose answer was lost may have made a running entry Sheaf has since read: one it
      // didn't know when it sent the start may be that very entry, not a timer the start replaces.
      const mayBeItself = (ref: EntryRef) =>
        intent.kind === 'start' && typeof target === 'string' && intent.knownIds !== undefined
          ? !intent.knownIds.includes(ref as number)
          : false;
      const other = [...this.ledger.entries.values()].find(
        (e) => e.runningSince && e.ref !== target && !mayBeItself(e.ref),
      );
      if (other && this.isLate(at)) {
        return {
          consumed: [],
          insertBefore: { kind: 'stop', id: `${intent.id}-stop`, at: intent.at, ref: other.ref },
        };
      }
      // On time now, but the request itself may reach Harvest late (429s, retries): note what it will stop.
      if (other && typeof other.ref === 'number') replaces = { ref: other.ref, hours: hoursUntil(other, at) };
    }
    if (isCreate(intent)) return this.sendCreate(intent, queue, report, replaces);
    const ref = resolveRef(intent.ref, this.ledger.ids);
    if (typeof ref !== 'number') return { consumed: [] }; // Its create was refused; nothing to change.
    switch (intent.kind) {
      case 'stop':
        await this.stop(intent, ref, at, report);
        break;
      case 'restart':
        return this.restart(intent, ref, at, report, queue, replaces);
      case 'updateNotes':
        report.heard({ entry: await this.api().updateTimeEntry(ref, { notes: intent.notes }) });
        break;
      case 'edit': {
        const c = intent.changes;
        const body = editInStyle(this.ledger.style, this.ledger.entries.get(ref), c, at);
        if (c.reference) body.external_reference = referenceBody(c.reference);
        // "Remove link" is its own request; a repeat after a lost answer removes nothing twice.
        if (c.reference === null) await this.api().deleteExternalReference(ref);
        const edited =
          Object.keys(body).length > 0 || c.reference !== null
            ? await this.api().updateTimeEntry(ref, body)
            : await this.api().getTimeEntry(ref);
        report.heard({ entry: edited });
        // Hours set on a running timer count on from when they were set, not from when Harvest heard of them.
        if (c.hours !== undefined) await this.countFrom(edited, c.hours, at, report);
        break;
      }
      case 'delete':
        try {
          await this.api().deleteTimeEntry(ref);
        } catch (err) {
          if (!isHarvest(err, 'not_found')) throw err; // Already gone (a retry after a lost answer): done.
        }
        report.heard({ deleted: ref });
        break;
      default:
        // A new kind of change fails to compile here until the sender knows what to ask of Harvest for it.
        intent satisfies never;
    }
    return { consumed: [] };
  }

  private isLate(at: Date): boolean {
    return hoursBetween(at, this.clock.now()) >= lateThresholdHours;
  }

  private async stop(intent: Extract<Intent, { kind: 'stop' }>, ref: number, at: Date, report: SendReport) {
    const before = this.ledger.entries.get(ref);
    let targetHours = intent.targetHours;
    if (targetHours === undefined && before?.runningSince) {
      targetHours = hoursUntil(before, at);
      await report.annotate(intent, { targetHours });
    }
    let stopped: TimeEntry;
    try {
      stopped = await this.api().stopTimeEntry(ref);
    } catch (err) {
      // Stopped elsewhere meanwhile, or our earlier stop landed and its answer was lost: look.
      if (!isHarvest(err, 'validation')) throw err;
      stopped = await this.api().getTimeEntry(ref);
      if (stopped.is_running) throw err;
      // Stopped by someone else at another time: Harvest's view wins; only our own late stop is corrected.
      if (targetHours === undefined) {
        report.heard({ entry: stopped });
        return;
      }
    }
    report.heard({ entry: stopped });
    // Sent late: Harvest ended it when it heard of it; put the end back where the person pressed Stop.
    if (!this.isLate(at) || !this.endedLate(stopped, at, targetHours)) return;
    report.heard({ entry: await this.api().updateTimeEntry(ref, this.endAt(at, targetHours!)) });
  }

  /**
   * Whether Harvest ended `entry` later than `at`, when the person stopped or switched (and `hoursThen` had run):
   * then Sheaf puts the end back. Never when it ended earlier: Harvest can't hear of a stop before it happens,
   * so an earlier end was made elsewhere, and Harvest's view wins. The hours tell it best: Harvest counts a timer
   * to the second (a stop heard later in the same minute ran over too), and an end past midnight reads as an
   * earlier time of day. Only without them is the end time compared.
   */
  private endedLate(entry: TimeEntry, at: Date, hoursThen: number | undefined): boolean {
    if (hoursThen !== undefined) return entry.hours - hoursThen >= lateThresholdHours;
    const { timestampTimers, clock } = this.ledger.style;
    return timestampTimers && minutesAfter(entry.ended_time, timeAt(at, clock)) > 0;
  }

  /** The end put back to `at`: the end time on start/end-time accounts (Harvest counts the hours from it). */
  private endAt(at: Date, hoursThen: number): TimeEntryUpdate {
    const { timestampTimers, clock } = this.ledger.style;
    return timestampTimers ? { ended_time: timeAt(at, clock) } : { hours: roundHours(hoursThen) };
  }

  private async restart(
    intent: Extract<Intent, { kind: 'restart' }>,
    ref: number,
    at: Date,
    report: SendReport,
    queue: readonly Intent[],
    replacing: Replaces | undefined,
  ): Promise<SendResult> {
    const before = this.ledger.entries.get(ref);
    const baseHours = intent.baseHours ?? before?.hours ?? 0;
    // A retry after a crash keeps what the first try noted: Harvest may have stopped that timer since.
    const replaces = intent.replaces ?? replacing;
    if (intent.baseHours === undefined || intent.replaces !== replaces)
      await report.annotate(intent, { baseHours, ...(replaces ? { replaces } : {}) });
    // Sent late, with its end already waiting behind it (its own stop, or the next timer started): the resumed
    // stretch is over, so it becomes one edit of the hours the person ran. Restarting a timer a day late and
    // stopping it again would leave the answer to Harvest's 24 h cap instead.
    const end =
      this.ledger.style.timestampTimers || before?.runningSince ? undefined : this.endOf(queue, ref);
    if (end && this.isLate(at)) {
      const hours = Math.min(maxEntryHours, roundHours(baseHours + hoursBetween(at, new Date(end.at))));
      report.heard({ entry: await this.api().updateTimeEntry(ref, { hours }) });
      return { consumed: end.stopId ? [end.stopId] : [] };
    }
    let entry: TimeEntry;
    try {
      entry = await this.api().restartTimeEntry(ref);
    } catch (err) {
      // The client never repeats a restart blindly; look whether it took before trying again.
      if (!isHarvest(err, 'outcome_unknown', 'validation')) throw err;
      const restarted = await this.lost.findRestarted(ref, before, at);
      if (!restarted) throw err instanceof OutcomeUnknownError ? new NetworkError(err) : err;
      entry = restarted;
    }
    report.heard({ entry, othersStopAt: at });
    await this.countFrom(entry, baseHours, at, report);
    await this.endReplaced(replaces, at, report);
    return { consumed: [], ...(entry.id !== ref ? { moved: { from: ref, to: entry.id } } : {}) };
  }

  /**
   * When what `queue[0]` restarts ended, if the queue already says: its own stop, or the next start or restart
   * of anything else (Harvest runs one timer at a time). Any other change to the entry first: not known here.
   */
  private endOf(queue: readonly Intent[], ref: number): { at: string; stopId?: string } | undefined {
    for (const next of queue.slice(1)) {
      if (!isCreate(next) && resolveRef(next.ref, this.ledger.ids) === ref) {
        return next.kind === 'stop' ? { at: next.at, stopId: next.id } : undefined;
      }
      if (next.kind === 'start' || next.kind === 'restart') return { at: next.at };
    }
    return undefined;
  }

  /**
   * A running duration timer should show `base` hours plus the time since the person acted. Harvest counts
   * from when it heard of it; when that was late, set the hours so it counts from the person's moment.
   * The check is on Harvest's own numbers, so repeating it after a crash changes nothing twice.
   */
  private async countFrom(entry: TimeEntry, base: number, at: Date, report: SendReport): Promise<void> {
    if (this.ledger.style.timestampTimers || !entry.is_running || !entry.timer_started_at) return;
    const lateBy = hoursBetween(at, new Date(entry.timer_started_at));
    const credited = (entry.hours_without_timer ?? 0) - base;
    if (Math.abs(lateBy - credited) < lateThresholdHours || (entry.hours_without_timer ?? 0) >= maxEntryHours)
      return;
    // Harvest takes at most 24 h in an entry; a timer left running offline longer than that is capped.
    const hours = Math.min(maxEntryHours, roundHours(base + hoursBetween(at, this.clock.now())));
    report.heard({ entry: await this.api().updateTimeEntry(entry.id, { hours }) });
  }

  /**
   * Harvest stopped the timer a start or restart replaced when it heard of it. When that was late (sent on time,
   * but held up by 429s or retries), that timer ends where the person switched. Checked on Harvest's numbers, so
   * a repeat after a crash changes nothing twice; a timer that ended earlier (stopped elsewhere) keeps its end.
   */
  private async endReplaced(replaces: Replaces | undefined, at: Date, report: SendReport): Promise<void> {
    if (!replaces || !this.isLate(at)) return;
    let entry: TimeEntry;
    try {
      entry = await this.api().getTimeEntry(replaces.ref);
    } catch (err) {
      if (isHarvest(err, 'not_found')) return; // Deleted elsewhere meanwhile: nothing left to end.
      throw err;
    }
    if (entry.is_running || !this.endedLate(entry, at, replaces.hours)) return report.heard({ entry });
    report.heard({ entry: await this.api().updateTimeEntry(replaces.ref, this.endAt(at, replaces.hours)) });
  }

  private async sendCreate(
    intent: CreateIntent,
    queue: readonly Intent[],
    report: SendReport,
    replacing: Replaces | undefined,
  ): Promise<SendResult> {
    const at = new Date(intent.at);
    const known = this.ledger.ids.get(intent.localRef);
    if (known !== undefined) {
      // Created before a crash or a failed follow-up: only the backdating and the replaced timer's end may be
      // left to do.
      if (intent.kind === 'start') {
        await this.countFrom(await this.api().getTimeEntry(known), 0, at, report);
        await this.endReplaced(intent.replaces, at, report);
      }
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
      created = await this.lost.findCreated(intent, intent.sentNotes ?? notes);
      if (created) consumed = [];
    }
    if (!created) {
      const body = createBody(this.ledger.style, intent, notes, stoppedAt);
      // What identifies this create if its answer is lost, saved before it leaves (see LostAnswers.findCreated).
      const sent: CreateNote = {
        attempted: true,
        sentNotes: notes,
        sentAt: this.clock.now().toISOString(),
        sentHours: 'hours' in body ? body.hours : undefined,
        sentStartedTime: 'started_time' in body ? body.started_time : undefined,
        knownIds: [...this.ledger.entries.keys()].filter((k): k is number => typeof k === 'number'),
      };
      // A retry keeps what the first try noted: that one may have landed, and Harvest stopped the timer then.
      const replaces = intent.kind === 'start' ? (intent.replaces ?? replacing) : undefined;
      if (replaces) sent.replaces = replaces;
      await report.annotate(intent, sent);
      try {
        created = await this.api().createTimeEntry(body);
      } catch (err) {
        if (!(err instanceof OutcomeUnknownError)) throw err;
        // The POST may have landed. Look before sending it again, so nothing is created twice.
        created = await this.lost.findCreated({ ...intent, ...sent }, notes);
        if (!created) throw err;
      }
    }
    // Saved before the follow-up, so a crash now never creates it again.
    const runs = intent.kind === 'start' && created.is_running;
    await report.created(intent.localRef, { entry: created, ...(runs ? { othersStopAt: at } : {}) });
    if (intent.kind === 'start') {
      await this.countFrom(created, 0, at, report);
      if (runs) await this.endReplaced(intent.replaces, at, report);
    }
    return { consumed };
  }
}
