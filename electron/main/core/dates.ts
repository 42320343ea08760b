// Owns calendar math in the person's local time: spent dates, week ranges, Harvest's "8:00am" wall-clock times.
import { addDays, format, isValid, parse, startOfWeek } from 'date-fns';
import { weekdayIndex, type WeekStartDay } from '../../../shared/calendar';
import { formatTimeOfDay, type ClockStyle } from '../../../shared/format';

/** Harvest's spent_date is the person's local calendar date, not UTC. */
export function localDate(at: Date): string {
  return format(at, 'yyyy-MM-dd');
}

/** The week containing `at`, as spent dates (inclusive), starting on the company's week_start_day. */
export function weekRange(at: Date, weekStartDay: WeekStartDay): { start: string; end: string } {
  const start = startOfWeek(at, { weekStartsOn: weekdayIndex(weekStartDay) });
  return { start: localDate(start), end: localDate(addDays(start, 6)) };
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

export const msPerHour = 3_600_000;
