// Owns how the popover writes hours, times of day, dates, money and ages, per the account's time_format and
// clock; and reads the times of day people type. One module, so every view says things the same way.
import { formatElapsed, formatHours, shownHours, type TimeFormat } from './duration';
import { msPerMinute } from './elapsed';

export { formatElapsed, formatHours, shownHours, type TimeFormat };
export type ClockStyle = '12h' | '24h';

const pad = (n: number) => String(n).padStart(2, '0');

function clockText(hour24: number, minute: number, clock: ClockStyle): string {
  if (clock === '24h') return `${pad(hour24)}:${pad(minute)}`;
  const suffix = hour24 < 12 ? 'am' : 'pm';
  return `${hour24 % 12 === 0 ? 12 : hour24 % 12}:${pad(minute)}${suffix}`;
}

/** A moment's local time of day: "2:05pm" (12h) or "14:05" (24h). */
export function formatTimeOfDay(at: Date, clock: ClockStyle): string {
  return clockText(at.getHours(), at.getMinutes(), clock);
}

/** Minutes after midnight of a time as Harvest writes it ("8:00am", "12:30pm") or as 24 h ("14:30"). */
export function minutesOfDay(time: string): number | null {
  const match = /^(\d{1,2}):(\d{2})\s*([ap]m)?$/i.exec(time.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const suffix = match[3]?.toLowerCase();
  if (minute > 59) return null;
  if (suffix) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return hour * 60 + minute;
}

/**
 * Minutes after midnight as Harvest writes a time on an account with this clock ("2:30pm" or "14:30"). Harvest
 * answers in the company's clock whatever style was sent, so what Sheaf sends is written the same way.
 */
export function harvestTime(minutes: number, clock: ClockStyle): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return clockText(Math.floor(m / 60), m % 60, clock);
}

/**
 * Whether two times of day name the same minute, whichever style each is written in ("2:30pm" = "14:30").
 * Harvest rewrites times into the company's clock, so comparing the strings would miss its own echo.
 */
export function sameTimeOfDay(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  const left = minutesOfDay(a);
  return left !== null && left === minutesOfDay(b);
}

/** A Harvest time ("8:00am") the account's way; what can't be read is shown as it came. */
export function formatWallClock(time: string, clock: ClockStyle): string {
  const minutes = minutesOfDay(time);
  return minutes === null ? time : clockText(Math.floor(minutes / 60), minutes % 60, clock);
}

export type ParsedTime = { ok: true; time: string; minutes: number } | { ok: false; message: string };

const acceptedTimes = 'Enter a time like 9:00, 9:30am, 2pm or 14:30';

/**
 * Reads a typed time of day into Harvest's form ("9:30am"): "9", "930", "9.30", "9:30", "9:30 am", "2pm",
 * "14:30". A bare hour is read on the 24 h clock ("9" is morning, "21" evening).
 */
export function parseTimeOfDay(text: string): ParsedTime {
  const input = text.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?([ap]\.?m?\.?)?$/.exec(input);
  if (!match) return { ok: false, message: `"${text.trim()}" isn't a time. ${acceptedTimes}.` };
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.[0];
  if (minute > 59) return { ok: false, message: `Minutes go up to 59. ${acceptedTimes}.` };
  if (half) {
    if (hour < 1 || hour > 12)
      return { ok: false, message: `With am/pm the hour is 1 to 12. ${acceptedTimes}.` };
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return { ok: false, message: `Hours go up to 23. ${acceptedTimes}.` };
  return { ok: true, time: clockText(hour, minute, '12h'), minutes: hour * 60 + minute };
}

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

/** "3 Jun – 9 Jun". */
export function formatRange(from: string, to: string): string {
  const short = (d: string) => formatDate(d).split(' ').slice(1).join(' ');
  return `${short(from)} – ${short(to)}`;
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
