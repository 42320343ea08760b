// Owns calendar arithmetic on spent dates ("2025-03-30"): days, weeks by the company's week_start_day, months.
// Dates are plain calendar days, so the math runs in UTC and never trips over a DST change in local time.
/** Harvest's help: a company's week may start on any day (the API page lists only three). Sunday first, like getDay(). */
export const WEEK_START_DAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
export type WeekStartDay = (typeof WEEK_START_DAYS)[number];

/** 0 = Sunday … 6 = Saturday, as date-fns' weekStartsOn and Date.getDay() count. */
export function weekdayIndex(day: WeekStartDay): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  return WEEK_START_DAYS.indexOf(day) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}
const msPerDay = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The years a spent date may fall in: any working life, with room; nothing a typo like 0025 or 9999 makes. */
export const spentYears = { first: 1900, last: 2999 } as const;

/** A real calendar day written "YYYY-MM-DD" in `spentYears`: not 2025-02-30, 2025-12-32 or 0000-00-00. */
export function isSpentDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < spentYears.first || year > spentYears.last || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is this month's last. setUTCFullYear, unlike Date.UTC, never reads 0–99 as 19xx.
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return day <= last.getUTCDate();
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * msPerDay);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** The week (first and last day, inclusive) containing `date`. */
export function weekOf(date: string, startDay: WeekStartDay): { start: string; end: string } {
  const back = (weekday(date) - weekdayIndex(startDay) + 7) % 7;
  const start = addDays(date, -back);
  return { start, end: addDays(start, 6) };
}

/** The seven days of the week starting on `start`. */
export function weekDates(start: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

export function monthOf(date: string): { start: string; end: string } {
  const [y, m] = date.split('-').map(Number);
  const start = fromUtc(Date.UTC(y!, m! - 1, 1));
  return { start, end: fromUtc(Date.UTC(y!, m!, 0)) };
}

/** The same day of the month `months` later (earlier when negative), kept inside that month: 31 Jan + 1 → 28 Feb. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(0);
  first.setUTCFullYear(y, m - 1 + months, 1);
  const last = new Date(first.getTime());
  last.setUTCMonth(last.getUTCMonth() + 1, 0);
  first.setUTCDate(Math.min(d, last.getUTCDate()));
  return fromUtc(first.getTime());
}

/** A report's span: a week (by `startDay`) or a month, `back` of them before the one containing `date`. */
export function periodOf(
  date: string,
  period: 'week' | 'month',
  startDay: WeekStartDay,
  back = 0,
): { start: string; end: string } {
  return period === 'week' ? weekOf(addDays(date, -7 * back), startDay) : monthOf(addMonths(date, -back));
}

/** The person's local calendar date at `at` (Harvest's spent_date is local, not UTC). */
export function localSpentDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
