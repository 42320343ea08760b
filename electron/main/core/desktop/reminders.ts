// Owns the nudges: "timer still running" after the set hours (once per timer) and "no timer running" while the
// person is at the computer during their working hours, at most once per interval; and their snooze, after which
// the snoozed one comes back once (or, snoozed for today, not until the next local day).
import { formatElapsedMinutes } from '../../../../shared/duration';
import { elapsedMs, msPerHour, msPerMinute } from '../../../../shared/elapsed';
import { minuteOfDayAt, readTime } from '../../../../shared/wall-clock';
import type { NotificationKind, Settings, SnoozeFor } from '../../../../shared/settings';
import type { EntryView } from '../../../../shared/state';

/** Input in the last minute counts as "at the computer". */
export const activeWithinSeconds = 60;

export interface Reminder {
  kind: Extract<NotificationKind, 'stillRunning' | 'noTimer'>;
  title: string;
  body: string;
}

export interface ReminderCheck {
  now: Date;
  settings: Settings;
  signedIn: boolean;
  running: EntryView | null;
  idleSeconds: number;
}

/** True during the person's set working days and hours (local time; the end minute itself is outside). */
export function inWorkingHours(now: Date, reminder: Settings['noTimerReminder']): boolean {
  if (!reminder.days.includes(now.getDay())) return false;
  const minute = minuteOfDayAt(now);
  // Settings hold these as "09:00"; one that can't be read keeps no working hours rather than all of them.
  const start = readTime(reminder.start) ?? Infinity;
  const end = readTime(reminder.end) ?? -Infinity;
  return minute >= start && minute < end;
}

/** The snoozes a reminder offers, as its notification's buttons. */
export const snoozeChoices: ReadonlyArray<{ id: SnoozeFor; label: string }> = [
  { id: '15m', label: 'Snooze 15 min' },
  { id: '1h', label: 'Snooze 1 hour' },
  { id: 'today', label: 'Not again today' },
];

export const isSnooze = (id: string): id is SnoozeFor => snoozeChoices.some((c) => c.id === id);

/** When a snooze begun at `now` ends: the next local midnight for "today". */
export function snoozeEnds(now: Date, length: SnoozeFor): number {
  if (length === '15m') return now.getTime() + 15 * msPerMinute;
  if (length === '1h') return now.getTime() + msPerHour;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
}

export class Reminders {
  /** The running entry already told about, so a long timer is mentioned once. */
  private toldStillRunning: EntryView['id'] | null = null;
  private lastNoTimerAt: number | null = null;
  private lastShown: Reminder['kind'] | null = null;
  /** Quiet until `until`; then `comesBack` is told again once, if it still applies. */
  private snoozed: { until: number; comesBack: Reminder['kind'] | null } | null = null;

  /**
   * No reminder until the snooze ends. The last one shown then comes back once (its "once per timer" or interval
   * rule set aside that one time); snoozed for today, it doesn't: the next day's rules decide.
   */
  snooze(now: Date, length: SnoozeFor): void {
    this.snoozed = { until: snoozeEnds(now, length), comesBack: length === 'today' ? null : this.lastShown };
  }

  /** The reminder due now, if any (at most one per check). */
  check(c: ReminderCheck): Reminder | null {
    if (!c.signedIn) return null;
    if (this.snoozed) {
      if (c.now.getTime() < this.snoozed.until) return null;
      this.comeBack(this.snoozed.comesBack);
      this.snoozed = null;
    }
    const due = this.due(c);
    if (due) this.lastShown = due.kind;
    return due;
  }

  /** The snoozed reminder may be told again: its guard is lifted, and the usual rules say whether it applies. */
  private comeBack(kind: Reminder['kind'] | null): void {
    if (kind === 'stillRunning') this.toldStillRunning = null;
    if (kind === 'noTimer') this.lastNoTimerAt = null;
  }

  private due(c: ReminderCheck): Reminder | null {
    if (c.running) return this.stillRunning(c, c.running);
    this.toldStillRunning = null;
    return this.noTimer(c);
  }

  private stillRunning(c: ReminderCheck, running: EntryView): Reminder | null {
    if (!c.settings.notifications.stillRunning || this.toldStillRunning === running.id) return null;
    const elapsed = elapsedMs(running, c.now.getTime());
    if (elapsed < c.settings.stillRunningHours * msPerHour) return null;
    this.toldStillRunning = running.id;
    return {
      kind: 'stillRunning',
      title: `Timer still running (${formatElapsedMinutes(elapsed)})`,
      body: `${running.projectName} — ${running.taskName}. Stop it if you're done.`,
    };
  }

  private noTimer(c: ReminderCheck): Reminder | null {
    const r = c.settings.noTimerReminder;
    if (!c.settings.notifications.noTimer || c.idleSeconds >= activeWithinSeconds) return null;
    if (!inWorkingHours(c.now, r)) return null;
    const now = c.now.getTime();
    if (this.lastNoTimerAt !== null && now - this.lastNoTimerAt < r.intervalMinutes * msPerMinute)
      return null;
    this.lastNoTimerAt = now;
    return {
      kind: 'noTimer',
      title: 'No timer running',
      body: 'Start one from Sheaf so your time is tracked.',
    };
  }
}
