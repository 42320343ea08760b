// Owns the focus session's policy (Pomodoro): work, then a break, a long break every so many work sessions, each
// phase ending at an instant fixed when it began. Pure but for the moments it is handed: where a session stands is
// read from the clock, never from counted ticks, so a computer that slept through a boundary wakes in the right phase.
import type { Settings } from '../../../../shared/settings';
import { noFocus, type FocusView } from '../../../../shared/state';
import type { FocusPhase } from '../../../../shared/focus';
import { msPerMinute } from '../../../../shared/elapsed';
import { localDate } from '../base/dates';

export type FocusIntervals = Pick<
  Settings['focus'],
  'workMinutes' | 'breakMinutes' | 'longBreakMinutes' | 'longBreakEvery'
>;

/** One phase change: `at` is when the phase ended by the clock, which may be well before it was noticed. */
export interface FocusBoundary {
  from: FocusPhase;
  to: FocusPhase;
  at: number;
}

/**
 * A boundary noticed this much after its moment was slept through (the one-shot timer is due within a second):
 * the work session that ended there isn't counted, since nobody can say it was worked.
 */
export const sleptThroughMs = msPerMinute;

interface Current {
  phase: FocusPhase;
  endsAt: number;
  /** Work sessions finished in this focus session, which decides when the long break comes. */
  worked: number;
}

export class FocusCycle {
  private current: Current | null = null;
  /** When each work session counted today ended (kept to today's by prune). */
  private completed: number[] = [];

  get phase(): FocusPhase | null {
    return this.current?.phase ?? null;
  }

  /** When the current phase ends, or null when no session runs. */
  get endsAt(): number | null {
    return this.current?.endsAt ?? null;
  }

  /** Starts with work from `now`; a session already running starts over. */
  start(now: number, intervals: FocusIntervals): void {
    this.current = { phase: 'work', endsAt: now + minutes(intervals.workMinutes), worked: 0 };
  }

  stop(): void {
    this.current = null;
  }

  /** Ends the current phase now. Skipped work isn't counted as done, and doesn't bring the long break nearer. */
  skip(now: number, intervals: FocusIntervals): FocusBoundary | null {
    const c = this.current;
    if (!c) return null;
    const to = c.phase === 'work' ? 'break' : 'work';
    this.current = { ...c, phase: to, endsAt: now + lengthOf(to, intervals) };
    return { from: c.phase, to, at: now };
  }

  /**
   * Every boundary the clock has passed by `now`, in order, each phase timed from the end of the one before (not
   * from when it was noticed). The intervals are read at each boundary: a changed setting applies from the next phase.
   */
  advance(now: number, intervals: FocusIntervals): FocusBoundary[] {
    const passed: FocusBoundary[] = [];
    let c = this.current;
    while (c && c.endsAt <= now) {
      const at = c.endsAt;
      let worked = c.worked;
      if (c.phase === 'work') {
        worked += 1;
        if (now - at < sleptThroughMs) this.completed.push(at);
      }
      const to = c.phase === 'work' ? this.breakAfter(worked, intervals) : 'work';
      passed.push({ from: c.phase, to, at });
      c = { phase: to, endsAt: at + lengthOf(to, intervals), worked };
    }
    this.current = c;
    this.prune(now);
    return passed;
  }

  /** Work sessions finished on `now`'s local day. */
  completedToday(now: number): number {
    const today = localDate(new Date(now));
    return this.completed.filter((at) => localDate(new Date(at)) === today).length;
  }

  view(now: number, beepAt: string | null): FocusView {
    const c = this.current;
    const completedToday = this.completedToday(now);
    if (!c) return { ...noFocus, completedToday, beepAt };
    return { phase: c.phase, endsAt: new Date(c.endsAt).toISOString(), completedToday, beepAt };
  }

  private breakAfter(worked: number, intervals: FocusIntervals): FocusPhase {
    return worked % intervals.longBreakEvery === 0 ? 'longBreak' : 'break';
  }

  /** Yesterday's sessions are no longer counted: drop them (local midnight resets the count). */
  private prune(now: number): void {
    const today = localDate(new Date(now));
    this.completed = this.completed.filter((at) => localDate(new Date(at)) === today);
  }
}

const minutes = (n: number) => n * msPerMinute;

function lengthOf(phase: FocusPhase, intervals: FocusIntervals): number {
  if (phase === 'work') return minutes(intervals.workMinutes);
  return minutes(phase === 'longBreak' ? intervals.longBreakMinutes : intervals.breakMinutes);
}
