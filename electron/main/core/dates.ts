// Owns core's reading of moments as Harvest's dates and times: the person's local spent date, the week around a
// moment, and Harvest's "8:00am" wall-clock times on a spent date. The calendar rules themselves live in shared/.
import { isValid, parse } from 'date-fns';
import { localSpentDate, weekOf, type WeekStartDay } from '../../../shared/calendar';
import { formatTimeOfDay, type ClockStyle } from '../../../shared/format';

export { msPerHour } from '../../../shared/elapsed';

/** Harvest's spent_date is the person's local calendar date, not UTC. */
export const localDate = localSpentDate;

/** The week containing `at`, as spent dates (inclusive), starting on the company's week_start_day. */
export function weekRange(at: Date, weekStartDay: WeekStartDay): { start: string; end: string } {
  return weekOf(localSpentDate(at), weekStartDay);
}

/** A moment's time of day as Harvest writes it on an account with this clock: "8:00am" or "08:00". */
export function wallClockTime(at: Date, clock: ClockStyle = '12h'): string {
  return formatTimeOfDay(at, clock);
}

/** Parses Harvest's "8:00am" (or a 24 h "14:30") on the given spent date; null when unreadable. */
export function parseWallClockTime(spentDate: string, time: string): Date | null {
  const reference = parse(spentDate, 'yyyy-MM-dd', new Date(0));
  const text = time.trim().toLowerCase().replace(/\s+/g, '');
  for (const pattern of ['h:mmaaa', 'h:mma', 'H:mm']) {
    const d = parse(text, pattern, reference);
    if (isValid(d)) return d;
  }
  return null;
}
