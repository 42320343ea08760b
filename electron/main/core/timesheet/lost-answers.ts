// Owns finding in Harvest what a request whose answer was lost (or that was in flight when Sheaf died) did: the
// entry a create made, the timer a restart started. It only reads; the sender decides what to send after.
import { sameTime } from '../../../../shared/wall-clock';
import { hoursBetween } from '../../../../shared/elapsed';
import { localDate } from '../base/dates';
import type { LocalEntry } from './entries';
import type { HarvestApi } from '../harvest/api';
import type { TimeEntry } from '../../../../shared/harvest/schemas';
import type { CreateIntent } from './intents';
import type { LedgerReading } from './ledger';
import type { Clock } from '../ports';

/** Harvest keeps hours to 0.01 h: hours closer than that are the same hours. */
const hourStep = 0.01;
/** How far before our send a created entry may claim to be created and still be ours (Harvest's clock behind). */
const clockSkewMs = 2 * 60_000;

/** What an entry must be to be the one a create made: only the parts both Harvest's answer and the ledger hold. */
export interface CreatedCandidate {
  id: number;
  projectId: number;
  taskId: number;
  notes: string;
  createdAt: string;
}

/**
 * Whether `e` may be the entry `intent` made when its answer was lost: not known before it was sent, the same
 * project, task and notes, and made no earlier than it was sent (less Harvest's clock being a little behind).
 * Measured from when the create was sent, not when the person acted: a create sent an hour late must not match
 * an entry made on the web in that hour.
 */
export function mayHaveMade(
  intent: CreateIntent,
  notes: string,
  e: CreatedCandidate,
  known: ReadonlySet<number>,
): boolean {
  const since = Date.parse(intent.sentAt ?? intent.at) - clockSkewMs;
  return (
    !known.has(e.id) &&
    e.projectId === intent.projectId &&
    e.taskId === intent.taskId &&
    e.notes === notes &&
    Date.parse(e.createdAt) >= since
  );
}

export class LostAnswers {
  constructor(
    private readonly api: () => HarvestApi,
    private readonly clock: Clock,
    private readonly ledger: LedgerReading,
  ) {}

  /**
   * Whether a restart whose answer was lost took: the entry itself runs again (duration accounts), or, on
   * start/end-time accounts where Harvest answers a restart with a new entry, a new running entry of the same
   * project and task made since the person pressed it. Harvest runs one timer per person, so at most one.
   */
  async findRestarted(ref: number, before: LocalEntry | undefined, at: Date): Promise<TimeEntry | undefined> {
    const running = await this.api().listTimeEntries({ user_id: this.ledger.userId, is_running: true });
    const since = at.getTime() - clockSkewMs;
    return running.find(
      (e) =>
        e.id === ref ||
        (before !== undefined &&
          !this.ledger.entries.has(e.id) &&
          e.project.id === before.projectId &&
          e.task.id === before.taskId &&
          Date.parse(e.created_at) >= since),
    );
  }

  /**
   * Reconciles a create whose answer was lost (or that was in flight when Sheaf died): that day's entries
   * changed since just before the person acted, with the same project, task and notes, created no earlier
   * than that, and not already mapped to another change of ours. Never marks the person's notes.
   */
  async findCreated(intent: CreateIntent, notes: string): Promise<TimeEntry | undefined> {
    const sent = Date.parse(intent.sentAt ?? intent.at);
    const since = sent - clockSkewMs;
    const day = intent.kind === 'add' ? intent.spentDate : localDate(new Date(intent.at));
    const candidates = await this.api().listTimeEntries({
      user_id: this.ledger.userId,
      from: day,
      to: day,
      updated_since: new Date(since).toISOString(),
    });
    // Entries already known then (ours or made elsewhere) can't be the one this create made.
    const known = new Set([...this.ledger.ids.values(), ...(intent.knownIds ?? [])]);
    return candidates
      .filter(
        (e) =>
          mayHaveMade(
            intent,
            notes,
            {
              id: e.id,
              projectId: e.project.id,
              taskId: e.task.id,
              notes: e.notes ?? '',
              createdAt: e.created_at,
            },
            known,
          ) && this.sameTime(intent, e, sent),
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
    if (intent.sentStartedTime) return sameTime(e.started_time, intent.sentStartedTime);
    if (intent.sentHours !== undefined) return Math.abs(e.hours - intent.sentHours) < hourStep;
    if (!intent.sentAt) return true; // Sent by an older version that kept no record: match as before.
    return e.hours <= hoursBetween(new Date(sent), this.clock.now()) + 2 * hourStep;
  }
}
