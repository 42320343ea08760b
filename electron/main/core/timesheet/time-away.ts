// Owns what the person's answer about time away from the computer does to the timesheet: the entry that ran
// while they were gone ends when they left (or loses the time away and runs on), the same work may carry on from
// when they came back, and the time away may become its own entry on the project/task it was really spent on.
// Each answer is built from the timer's ordinary commands, so it is saved, shown and sent like any other change.
import { hoursBetween, liveHours, msPerMinute, roundHours } from '../../../../shared/elapsed';
import { sameTime, timeAt } from '../../../../shared/wall-clock';
import type { EntryView } from '../../../../shared/state';
import type { EntryRef } from './entries';
import type { AccountStyle } from './account-style';
import { endsAtMidnight, partsByDay } from './away-days';
import type { Commands } from './commands';

/** Time away from the computer while a timer ran (the idle detector notices it; this is what it hands over). */
export interface TimeAway {
  /** When the person left. */
  since: Date;
  /** The entry that ran while they were gone. */
  entryId: EntryRef;
  /** The entry's hours when they left: what a discard trims a stopped entry back to. */
  hoursAtSince: number;
}

export interface TimeAwayOptions {
  /** When the person came back: the same work carries on from then (a discard answered later keeps that work). */
  continueAt?: Date;
}

/** The project/task (and notes) the time away was really spent on. */
export interface AwayEntry {
  projectId: number;
  taskId: number;
  notes?: string;
}

/** What the answers read of the timesheet as shown now, and the commands they are made of. */
export interface TimeAwayDeps {
  commands: Commands;
  now(): Date;
  entry(ref: EntryRef): EntryView | null;
  running(): EntryView | null;
  style(): AccountStyle;
}

export class TimeAwayAnswers {
  constructor(private readonly deps: TimeAwayDeps) {}

  /** Discard the time away: the entry ends when the person left; `continueAt` starts the same work again. */
  async discard(away: TimeAway, options: TimeAwayOptions = {}): Promise<void> {
    const left = await this.endWhenLeft(away);
    if (left && options.continueAt) await this.continueFrom(left, options.continueAt);
  }

  /**
   * Add as a new entry: the timer ends when the person left, and the time away, `since` to `back`, is a finished
   * entry on `on`. That entry is recorded whatever became of the timer meanwhile (stopped, replaced or deleted
   * elsewhere): it is the person's own word on where those minutes went, and it overlaps nothing kept.
   */
  async addAsNew(away: TimeAway, on: AwayEntry, back: Date): Promise<void> {
    // Recorded first: a pair Harvest no longer assigns refuses the whole answer before the timer is touched.
    await this.recordAway(away, on, back);
    await this.endWhenLeft(away);
  }

  /**
   * Give it to something else and continue: the time away becomes a finished entry on `on`, and the timer that
   * ran carries on without those minutes.
   */
  async giveToOther(away: TimeAway, on: AwayEntry, back: Date): Promise<void> {
    await this.recordAway(away, on, back);
    const entry = this.deps.entry(away.entryId);
    if (entry?.isRunning && !entry.isLocked && !this.deps.style().timestampTimers) {
      await this.takeAwayFromRunning(entry, away, back);
      return;
    }
    // A start/end-time entry is one stretch with no gap inside it, so the minutes can't be cut out of the middle:
    // it ends when the person left and the same work starts again from when they came back (the time away sits
    // between the two). The same holds when the timer was stopped or replaced elsewhere meanwhile: trimmed back,
    // and carried on only if nothing else runs now.
    await this.discard(away, { continueAt: back });
  }

  /**
   * A running duration entry's hours keep growing, so the new hours are worked out for this moment (what it has
   * now less the time away it holds) and the edit counts on from here. Only the time away the entry really holds
   * is taken: one restarted after the person left holds less of it.
   */
  private async takeAwayFromRunning(entry: EntryView, away: TimeAway, back: Date): Promise<void> {
    const now = liveHours(entry, this.deps.now().getTime());
    const held = Math.min(hoursBetween(away.since, back), Math.max(0, now - away.hoursAtSince));
    if (held < 0.005) return;
    await this.deps.commands.editEntry(entry.id, { hours: roundHours(now - held) });
  }

  /** The time away as finished entries on `on`, one per day it touches. */
  private async recordAway(away: TimeAway, on: AwayEntry, back: Date): Promise<void> {
    const style = this.deps.style();
    const pair = { projectId: on.projectId, taskId: on.taskId, ...(on.notes ? { notes: on.notes } : {}) };
    for (const part of partsByDay(away.since, back)) {
      if (part.to.getTime() - part.from.getTime() < msPerMinute) continue; // Seconds past midnight: no entry.
      if (!style.timestampTimers) {
        const hours = roundHours(hoursBetween(part.from, part.to));
        await this.deps.commands.addEntry({ ...pair, spentDate: part.spentDate, hours });
        continue;
      }
      // Harvest's times are minutes within the entry's own day: midnight as an end would read as that day's
      // start (an end before the start), so a part that runs to midnight ends at 11:59pm.
      const end = endsAtMidnight(part) ? new Date(part.to.getTime() - msPerMinute) : part.to;
      await this.deps.commands.addEntry({
        ...pair,
        spentDate: part.spentDate,
        startedTime: timeAt(part.from, style.clock),
        endedTime: timeAt(end, style.clock),
      });
    }
  }

  /**
   * Stops the entry as of when the person left, or trims it back there if it was stopped (or replaced)
   * elsewhere meanwhile. Returns the entry as it was, or null when it was deleted elsewhere: nothing to trim.
   */
  private async endWhenLeft(away: TimeAway): Promise<EntryView | null> {
    const entry = this.deps.entry(away.entryId);
    if (!entry) return null;
    if (entry.isRunning) await this.deps.commands.stopTimerAt(entry.id, away.since);
    const stopped = this.deps.entry(entry.id);
    if (stopped && !stopped.isRunning && !stopped.isLocked) await this.trimToSince(stopped, away);
    return entry;
  }

  /**
   * A stop alone can't reach back past the timer's own start as Harvest records it (a create sent late is
   * backdated by its hours), so the hours, or the end time, are set to what they were when the person left.
   */
  private async trimToSince(entry: EntryView, away: TimeAway): Promise<void> {
    const style = this.deps.style();
    if (style.timestampTimers) {
      const end = timeAt(away.since, style.clock);
      // Harvest writes times in the company's clock ("14:30" for "2:30pm"): compare minutes, not text.
      if (!sameTime(entry.endedTime, end)) await this.deps.commands.editEntry(entry.id, { endedTime: end });
    } else if (entry.hours > away.hoursAtSince + 0.005) {
      await this.deps.commands.editEntry(entry.id, { hours: roundHours(away.hoursAtSince) });
    }
  }

  /**
   * The same project, task and notes run again from `at`, only when nothing else runs now: a timer started
   * elsewhere meanwhile is the person's choice.
   */
  private async continueFrom(entry: EntryView, at: Date): Promise<void> {
    if (this.deps.running()) return;
    await this.deps.commands.startTimer({
      projectId: entry.projectId,
      taskId: entry.taskId,
      ...(entry.notes ? { notes: entry.notes } : {}),
      at,
    });
  }
}
