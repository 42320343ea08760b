// Owns what the person's answer about time away from the computer does to the timesheet: the entry that ran
// while they were gone ends when they left, and the same work may carry on from when they came back. Each
// answer is built from the timer's ordinary commands, so it is saved, shown and sent like any other change.
import { roundHours } from '../../../../shared/elapsed';
import { sameTimeOfDay } from '../../../../shared/format';
import type { EntryView } from '../../../../shared/state';
import { wallClockTime } from '../dates';
import type { EntryRef } from '../entries';
import type { AccountStyle } from './account-style';
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

/** What the answers read of the timesheet as shown now, and the commands they are made of. */
export interface TimeAwayDeps {
  commands: Commands;
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
      const end = wallClockTime(away.since, style.clock);
      // Harvest writes times in the company's clock ("14:30" for "2:30pm"): compare minutes, not text.
      if (!sameTimeOfDay(entry.endedTime, end))
        await this.deps.commands.editEntry(entry.id, { endedTime: end });
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
