// Owns the sandbox's date and time conventions: local calendar dates, wall-clock times in the company's clock
// ("9:05am" or "09:05"), second-precision ISO stamps, and the hour rounding Harvest applies in responses.
import { roundHours } from '../../shared/elapsed';

import type { ClockStyle } from '../../shared/harvest/schemas';

export type { ClockStyle };

const DAY_MS = 86_400_000;

/** Harvest sends stamps without milliseconds ("2017-06-27T15:50:15Z"). */
export function isoStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The process's local calendar date, which is what spent_date means for the person at the keyboard. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** YYYY-MM-DD or YYYYMMDD (the reports accept both) to YYYY-MM-DD, or null when it is no real date. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Whole days from one YYYY-MM-DD to another (to - from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Minutes since midnight as Harvest writes a wall-clock time on an account with this clock: "9:05am" /
 * "12:30pm" (12h) or "09:05" / "14:30" (24h). Harvest answers in the company's clock whatever style was sent.
 * 12h hours are not padded: every recorded body seen has "9:00am" / "11:37am" (the docs' examples and the
 * fixtures of becoded/go-harvest). 24h hours are zero-padded: becoded/go-harvest's harvest/time_test.go reads
 * Harvest's 24h times as "15:04" and "07:34" (layout "15:04"), keeping "7:34" only as a tolerance. No recorded
 * 24h body turned up (fastruby/harvesting's VCR cassettes are all duration entries), so clients must still
 * compare minutes, never strings.
 */
export function formatWallClock(minutes: number, clock: ClockStyle = '12h'): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  const h24 = Math.floor(m / 60);
  if (clock === '24h') return `${pad(h24)}:${pad(m % 60)}`;
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h12}:${pad(m % 60)}${h24 < 12 ? 'am' : 'pm'}`;
}

export function wallClockOf(d: Date, clock: ClockStyle = '12h'): string {
  return formatWallClock(d.getHours() * 60 + d.getMinutes(), clock);
}

/** Any style a client may send or an admin may have stored, rewritten in the company's clock; null stays null. */
export function inClock(time: string | null, clock: ClockStyle): string | null {
  if (time === null) return null;
  const minutes = parseWallClock(time);
  return minutes === null ? time : formatWallClock(minutes, clock);
}

/** "8:00am", "8:00 PM", "2:30 p.m." or 24h "8:00" / "13:30" to minutes since midnight; null when malformed. */
export function parseWallClock(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?$/i.exec(value.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (minute > 59) return null;
  const meridiem = m[3]?.replace(/\./g, '').toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    return ((hour % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + minute;
  }
  if (hour > 23) return null;
  return hour * 60 + minute;
}

/** The instant a wall-clock time on a local calendar date stands for. */
export function instantAt(date: string, minutes: number): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, mo - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
}

/** Harvest's 0.01 h, the one rounding every side uses. */
export const round2 = roundHours;

/** Harvest's rounded_hours under a "round up to 15 minutes" preference. */
export function roundUpToQuarter(hours: number): number {
  // "+ 0" turns Math.ceil(-1e-9)'s -0 into 0: JSON would send it as 0 anyway, but tests compare -0 and 0 apart.
  return Math.ceil(round2(hours) * 4 - 1e-9) / 4 + 0;
}

export function hoursBetween(startMs: number, endMs: number): number {
  return Math.max(0, endMs - startMs) / 3_600_000;
}
