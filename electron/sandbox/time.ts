// Owns the sandbox's date conventions: local calendar dates, second-precision ISO stamps, and the hour rounding
// Harvest applies in responses. Times of day ("9:05am" or "09:05") are shared/wall-clock.ts's, as on every side.
import { roundHours } from '../../shared/elapsed';

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

/** Adds whole days to a YYYY-MM-DD date: the calendar's own, which core and the popover use too. */
export { addDays } from '../../shared/calendar';

/** Harvest's 0.01 h, the one rounding every side uses. */
export const round2 = roundHours;

export function hoursBetweenMs(startMs: number, endMs: number): number {
  return Math.max(0, endMs - startMs) / 3_600_000;
}
