// Owns how the popover writes hours, dates, money and ages, per the account's time_format. One module, so every
// view says things the same way; times of day are wall-clock.ts's, the one place they are read and written.
import { formatElapsed, formatHours, shownHours, type TimeFormat } from './duration';
import { msPerMinute } from './elapsed';

export { formatElapsed, formatHours, shownHours, type TimeFormat };
export type { ClockStyle } from './wall-clock';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const weekdayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Today", "Yesterday", "Tomorrow", else "Mon 3 Jun". */
export function formatDay(date: string, today: string): string {
  const diff = Math.round((utc(date).getTime() - utc(today).getTime()) / 86_400_000);
  if (diff === 0) return 'Today';
  if (diff === -1) return 'Yesterday';
  if (diff === 1) return 'Tomorrow';
  return dayFormat.format(utc(date));
}

/** "Mon 3 Jun", whatever day it is. */
export const formatDate = (date: string): string => dayFormat.format(utc(date));
/** "Mon". */
export const formatWeekday = (date: string): string => weekdayFormat.format(utc(date));
/** "June 2025". */
export const formatMonth = (date: string): string => monthFormat.format(utc(date));

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const year = (date: string) => date.slice(0, 4);

/** A week's title: "30 Nov – 6 Dec 2026", with both years when it spans New Year ("29 Dec 2025 – 4 Jan 2026"). */
export function formatRange(from: string, to: string): string {
  const first = dayMonth.format(utc(from)) + (year(from) === year(to) ? '' : ` ${year(from)}`);
  return `${first} – ${dayMonth.format(utc(to))} ${year(to)}`;
}

/**
 * Which days a month's report covers while the month is still going: "1–6 December so far" when Harvest was
 * asked on the 6th. Null once the month had ended by then: the title says it all.
 */
export function formatSoFar(from: string, to: string, fetchedOn: string): string | null {
  if (fetchedOn >= to || fetchedOn < from) return null;
  const day = (d: string) => String(Number(d.slice(8, 10)));
  const days = fetchedOn === from ? day(from) : `${day(from)}–${day(fetchedOn)}`;
  return `${days} ${longMonth.format(utc(from))} so far`;
}

/** An amount in the currency Harvest named ("$1,234.50", "€80.00"); a code Intl doesn't know is shown as is. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** How old something saved is: "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAge(sinceIso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(sinceIso)) / msPerMinute);
  if (!Number.isFinite(minutes) || minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
