// Owns wall-clock time: reading and writing a time of day in Harvest's two styles, the order of two times, and
// the hours between them on a spent date in a zone. Core, the renderer and the sandbox all read times here.
//
// What is a time: "H:MM" with two-digit minutes and an hour of one or two digits, then optionally am/pm (either
// case, one space allowed before it). With am/pm the hour is 1–12 ("9:00am", "9:00 AM", "12:30pm"); without,
// 0–23 ("14:30", "09:05", "9:05"). Nothing else: not "1:5", "1:00p", "1:00 p.m.", "13:00pm" or "0:30am".
// Harvest itself writes only "9:00am" / "14:30" (the API's time type is "14:59" or "2:59pm"), so a stricter
// reader loses nothing Harvest sends and refuses a typo before Harvest does. The popover's form is kinder
// (readTypedTime: "9", "930", "2pm"), but it only rewrites those shorthands into this grammar, then reads them here.
//
// DST: the hours between two times are the real time between the two moments those clock faces name on that
// date in that zone, so on 2026-03-08 in New York 1:00am–4:00am is 2 h and on 2026-11-01 it is 4 h. A face the
// day skips (2:30am on a spring-forward day) is read an hour on, a face the day shows twice (1:30am on a
// fall-back day) as its first showing: JavaScript's Date and Temporal's "compatible" rule, so the zone given
// here and the process's own zone agree. Why real time: a Harvest timer counts from timer_started_at, a UTC
// instant, so a span timed across the change is real hours; typed times should give what the timer gave.
// Harvest states no rule of its own (see README "Time"); Sheaf keeps Harvest's returned hours once synced.
// The limit of bare times: a face in a repeated hour always means its first showing, so a span ending in the
// second showing can't be written, and reads back that much shorter.
//
// Order: an end may not come before its start on the clock face (Harvest's times are one day's, never past
// midnight). An equal end is allowed: it is a zero-length entry, which Harvest itself writes when a timer stops
// in the minute it started, so refusing it would refuse Harvest's own data.

import { msPerHour, msPerMinute } from './elapsed';

export type ClockStyle = '12h' | '24h';

const minutesPerDay = 24 * 60;
const timePattern = /^(\d{1,2}):(\d{2})(?: ?([ap]m))?$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes after midnight of a time in Harvest's styles ("9:00am", "9:00 AM", "14:30"); null when it is none. */
export function readTime(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const match = timePattern.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const half = match[3]?.toLowerCase();
  if (minute > 59) return null;
  if (half) return hour < 1 || hour > 12 ? null : ((hour % 12) + (half === 'pm' ? 12 : 0)) * 60 + minute;
  return hour > 23 ? null : hour * 60 + minute;
}

/** Whether the text is a time of day Sheaf and Harvest both read. */
export const isTime = (text: string | null | undefined): boolean => readTime(text) !== null;

/** The clock a time is written on ("2:30pm" 12h, "14:30" 24h), so an account's clock can be learned; null if none. */
export function clockOf(text: string | null | undefined): ClockStyle | null {
  if (readTime(text) === null) return null;
  return timePattern.exec(text!.trim())![3] ? '12h' : '24h';
}

/**
 * Minutes after midnight in the company's clock: "2:30pm" (12h, hour unpadded) or "14:30" (24h, padded), the
 * way Harvest answers whatever style was sent. Every recorded 12h body has "9:00am" / "11:37am" (the docs and
 * becoded/go-harvest's fixtures); go-harvest reads 24h times as "15:04" / "07:34". Minutes outside the day wrap.
 */
export function writeTime(minutes: number, clock: ClockStyle): string {
  const m = ((Math.round(minutes) % minutesPerDay) + minutesPerDay) % minutesPerDay;
  const hour = Math.floor(m / 60);
  if (clock === '24h') return `${pad(hour)}:${pad(m % 60)}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad(m % 60)}${hour < 12 ? 'am' : 'pm'}`;
}

/** A time in the company's clock ("14:30" → "2:30pm"); text that is no time goes as it came. */
export function restyle(time: string, clock: ClockStyle): string {
  const minutes = readTime(time);
  return minutes === null ? time : writeTime(minutes, clock);
}

/** Whether two times name the same minute whatever their style ("2:30pm" = "14:30"); unreadable never does. */
export function sameTime(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  const left = readTime(a);
  return left !== null && left === readTime(b);
}

/** This process's IANA zone, the one Sheaf's local dates and times are in unless told otherwise. */
export function processZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at `ms`, written as if it were UTC (so its difference from `ms` is the offset). */
function wallMs(zone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormat(zone).formatToParts(ms))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year, month, day, hour, minute, second } = parts as Record<string, number>;
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
}

const offsetMs = (zone: string, ms: number) => wallMs(zone, ms) - Math.floor(ms / 1000) * 1000;

/** The minute of the day a moment shows on the clock in `zone` (the process's zone unless given). */
export function minuteOfDayAt(at: Date, zone: string = processZone()): number {
  const wall = wallMs(zone, at.getTime());
  return Math.floor((((wall % 86_400_000) + 86_400_000) % 86_400_000) / msPerMinute);
}

/** A moment as the clock in `zone` shows it, in the company's style: "2:05pm" or "14:05". */
export function timeAt(at: Date, clock: ClockStyle, zone: string = processZone()): string {
  return writeTime(minuteOfDayAt(at, zone), clock);
}

/**
 * The moment a clock face names on a spent date ("2026-03-08", minutes after midnight) in `zone`: a skipped
 * face an hour on, a repeated face its first showing (see the module comment).
 */
export function momentOf(spentDate: string, minutes: number, zone: string = processZone()): Date {
  const [y, mo, d] = spentDate.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d) + minutes * msPerMinute;
  // Offsets change at most once around any one face, so the offsets a day either side are the only candidates.
  const before = offsetMs(zone, wall - 86_400_000);
  const after = offsetMs(zone, wall + 86_400_000);
  const fits = [wall - before, wall - after].filter((ms) => wallMs(zone, ms) === wall);
  // No fit is a skipped face: read with the offset before the change, which lands as far past it.
  return new Date(fits.length ? Math.min(...fits) : wall - before);
}

/** The one rule for two times, in minutes: the end may not come before the start (equal is allowed). */
export const minutesInOrder = (from: number, to: number): boolean => to >= from;

/** The one rule for two written times; true when either is missing or unreadable (that is isTime's to say). */
export function timesInOrder(start: string | null | undefined, end: string | null | undefined): boolean {
  const from = readTime(start);
  const to = readTime(end);
  return from === null || to === null || minutesInOrder(from, to);
}

export const endBeforeStart = "The end time can't be before the start time.";

/**
 * Real hours from one time to another on a spent date in `zone` (DST days included, see the module comment);
 * null when either is missing or unreadable or they are out of order. A span inside a skipped hour is 0.
 */
export function spanHours(
  spentDate: string,
  start: string | null | undefined,
  end: string | null | undefined,
  zone: string = processZone(),
): number | null {
  const from = readTime(start);
  const to = readTime(end);
  return from === null || to === null || !minutesInOrder(from, to)
    ? null
    : minutesSpanHours(spentDate, from, to, zone);
}

/** spanHours for times already read (minutes after midnight, `from` ≤ `to`): the sandbox keeps minutes. */
export function minutesSpanHours(
  spentDate: string,
  from: number,
  to: number,
  zone: string = processZone(),
): number {
  const ms = momentOf(spentDate, to, zone).getTime() - momentOf(spentDate, from, zone).getTime();
  return Math.max(0, ms) / msPerHour;
}

export type TypedTime = { ok: true; time: string; minutes: number } | { ok: false; message: string };

const acceptedTimes = 'Enter a time like 9:00, 9:30am, 2pm or 14:30';

/**
 * What a person typed in the form, as a time in Harvest's style ("9:30am"). The form's shorthands ("9", "930",
 * "9.30", "9h30", "2pm", "2 p.m.") are only rewritten into "H:MM[am|pm]" here; readTime decides what they mean.
 * A bare hour is on the 24 h clock ("9" is morning, "21" evening).
 */
export function readTypedTime(text: string): TypedTime {
  const shorthand = /^(\d{1,2})(?:[:.h]?(\d{2}))?(?:([ap])\.?m?\.?)?$/.exec(
    text.trim().toLowerCase().replace(/\s+/g, ''),
  );
  if (!shorthand) return { ok: false, message: `"${text.trim()}" isn't a time. ${acceptedTimes}.` };
  const [hour, minute, half] = [shorthand[1]!, shorthand[2] ?? '00', shorthand[3]];
  const minutes = readTime(`${hour}:${minute}${half ? `${half}m` : ''}`);
  if (minutes !== null) return { ok: true, time: writeTime(minutes, '12h'), minutes };
  if (Number(minute) > 59) return { ok: false, message: `Minutes go up to 59. ${acceptedTimes}.` };
  if (half) return { ok: false, message: `With am/pm the hour is 1 to 12. ${acceptedTimes}.` };
  return { ok: false, message: `Hours go up to 23. ${acceptedTimes}.` };
}
