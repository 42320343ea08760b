// Owns how durations are written and read: hours as Harvest shows them, a running timer's clock, typed input.
export type TimeFormat = 'decimal' | 'hours_minutes';

export type ParsedDuration = { ok: true; hours: number } | { ok: false; message: string };

const msPerSecond = 1000;
const secondsPerHour = 3600;
const maxHours = 24;
const accepted = 'Enter a duration like 1:30, 1.5, 90m or 1h 30m';

/** Harvest's two display styles: "1.50" (decimal) or "1:30" (hours_minutes). */
export function formatHours(hours: number, format: TimeFormat): string {
  const sign = hours < 0 ? '-' : '';
  // Decimal is Harvest's own precision (0.01 h), not whole minutes: 1.01 h must read "1.01", as on the web.
  if (format === 'decimal') return `${sign}${(Math.round(Math.abs(hours) * 100) / 100).toFixed(2)}`;
  const minutes = Math.round(Math.abs(hours) * 60);
  return `${sign}${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/**
 * Hours rounded to what `formatHours` writes (0.01 h, or whole minutes), so formatting either gives the same text.
 * A live figure that keeps this changes only when what the person sees does.
 */
export function shownHours(hours: number, format: TimeFormat): number {
  return format === 'decimal' ? Math.round(hours * 100) / 100 : Math.round(hours * 60) / 60;
}

/** A running timer's clock, "h:mm:ss"; time before the start (clock skew) shows as zero. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / msPerSecond));
  const h = Math.floor(seconds / secondsPerHour);
  const m = Math.floor((seconds % secondsPerHour) / 60);
  return `${h}:${pad(m)}:${pad(seconds % 60)}`;
}

/** A long stretch in words a notification can carry: "8:05" (hours and minutes, no seconds). */
export function formatElapsedMinutes(ms: number): string {
  return formatElapsed(ms).replace(/:\d\d$/, '');
}

const clockStyle = /^(\d{1,2}):(\d{1,2})$/;
// Both decimal separators: people type "1,5" where the comma is the decimal mark.
const decimalStyle = /^(\d+(?:[.,]\d*)?|[.,]\d+)$/;
const hoursUnit = '(?:h|hr|hrs|hour|hours)';
const minutesUnit = '(?:m|min|mins|minute|minutes)';
// "2h", "1h 30m", "1h30", "1.5h": minutes after hours may omit their unit.
const hoursThenMinutes = new RegExp(
  `^(\\d+(?:[.,]\\d+)?)\\s*${hoursUnit}(?:\\s*(\\d+)\\s*${minutesUnit}?)?$`,
);
const minutesOnly = new RegExp(`^(\\d+)\\s*${minutesUnit}$`);

/**
 * Reads what a person typed as a duration. Decimal hours ("1.01", "1.5h") keep Harvest's 0.01 h precision;
 * anything written in minutes ("1:30", "90m", "1h 30m") comes back rounded to the minute.
 */
export function parseDuration(text: string): ParsedDuration {
  const input = text.trim().toLowerCase();
  if (input === '') return { ok: false, message: `${accepted}.` };
  if (input.startsWith('-')) return { ok: false, message: `A duration can't be negative. ${accepted}.` };

  const hours = toHours(input);
  if (hours === null) return { ok: false, message: `"${text.trim()}" isn't a duration. ${accepted}.` };
  if (hours > maxHours) {
    return { ok: false, message: `A duration can be at most ${maxHours} hours. ${accepted}.` };
  }
  return { ok: true, hours };
}

const toHundredths = (hours: number) => Math.round(hours * 100) / 100;
const fromMinutes = (minutes: number) => Math.round(minutes) / 60;

function toHours(input: string): number | null {
  let match = clockStyle.exec(input);
  if (match) {
    const m = Number(match[2]);
    return m < 60 ? fromMinutes(Number(match[1]) * 60 + m) : null;
  }
  match = decimalStyle.exec(input);
  if (match) return toHundredths(decimal(input));
  match = hoursThenMinutes.exec(input);
  if (match) {
    if (match[2] === undefined) return toHundredths(decimal(match[1] ?? '0'));
    const m = Number(match[2]);
    return m < 60 ? fromMinutes(decimal(match[1] ?? '0') * 60 + m) : null;
  }
  match = minutesOnly.exec(input);
  if (match) return fromMinutes(Number(match[1]));
  return null;
}

function decimal(text: string): number {
  return Number(text.replace(',', '.'));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
