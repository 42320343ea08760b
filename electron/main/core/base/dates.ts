// Owns core's reading of moments as Harvest's dates: the person's local spent date and the week around a moment.
// The calendar rules live in shared/calendar.ts; times of day ("8:00am") in shared/wall-clock.ts.
import { localSpentDate, periodOf, weekOf, type WeekStartDay } from '../../../../shared/calendar';

export { msPerHour } from '../../../../shared/elapsed';

/** Harvest's spent_date is the person's local calendar date, not UTC. */
export const localDate = localSpentDate;

/** The week containing `at`, as spent dates (inclusive), starting on the company's week_start_day. */
export function weekRange(at: Date, weekStartDay: WeekStartDay): { start: string; end: string } {
  return weekOf(localSpentDate(at), weekStartDay);
}

/** The week or month `back` of them before the one containing `at`, as spent dates (inclusive). */
export function reportRange(
  at: Date,
  period: 'week' | 'month',
  weekStartDay: WeekStartDay,
  back = 0,
): { start: string; end: string } {
  return periodOf(localSpentDate(at), period, weekStartDay, back);
}
