// Owns Harvest's Time Rounding rule, for the sandbox that applies it and the popover that shows billed time:
// how one entry's hours become its rounded_hours, and which rule an account uses, read from its entries (the
// preference itself isn't in Harvest's API). Harvest's help ("How does time rounding work?",
// support.getharvest.com/hc/en-us/articles/360053116772): an account rounds to the nearest or up to the nearest
// 6, 15 or 30 minutes; each entry is rounded on its own before entries are totalled; timesheets keep raw hours.
import { formatHours, type TimeFormat } from './duration';
import { roundHours as round2 } from './elapsed';

export interface TimeRounding {
  minutes: 6 | 15 | 30;
  mode: 'up' | 'nearest';
}

/** What rounded_hours says for `hours` under the account's rule; with rounding off, the hours as they are. */
export function roundedHours(hours: number, rounding: TimeRounding | null): number {
  const exact = round2(hours);
  if (!rounding) return exact;
  const steps = (exact * 60) / rounding.minutes;
  // The small epsilon keeps 0.25 h on a 15-minute step from rounding up to 0.5 through float noise.
  const whole = rounding.mode === 'up' ? Math.ceil(steps - 1e-9) : Math.round(steps);
  // "+ 0" turns -0 into 0: JSON sends both as 0, but tests compare them apart.
  return round2((whole * rounding.minutes) / 60) + 0;
}

/** Every rule Harvest offers, the likelier first (a quarter hour is the common choice, rounding up the usual). */
const everyRule: TimeRounding[] = ([15, 6, 30] as const).flatMap((minutes) =>
  (['up', 'nearest'] as const).map((mode) => ({ minutes, mode })),
);

/**
 * The rule an account's entries were rounded by: null when nothing was rounded (rounding off, or no entry told),
 * undefined when the entries fit no single rule (Harvest changed the setting midway; then trust only its figures).
 * Entries that didn't move fit every rule, so only those that did decide; where several rules still fit, the
 * likelier one is taken, and the figure stays a guess until Harvest answers with its own.
 */
export function readRounding(
  entries: readonly { hours: number; roundedHours: number | null }[],
): TimeRounding | null | undefined {
  const told = entries.filter((e) => e.roundedHours !== null) as { hours: number; roundedHours: number }[];
  if (told.every((e) => round2(e.hours) === e.roundedHours)) return null;
  const fits = everyRule.filter((rule) => told.every((e) => roundedHours(e.hours, rule) === e.roundedHours));
  return fits[0];
}

/** Which figure leads where both show: the hours worked, or the hours Harvest will bill. */
export type LeadingHours = 'tracked' | 'billed';

/** "7:48 (8:00 billed)", or "8:00 billed (7:48 tracked)"; one figure alone when they agree or nothing rounds. */
export function trackedAndBilled(
  tracked: number,
  billed: number | null,
  format: TimeFormat,
  lead: LeadingHours = 'tracked',
): string {
  const worked = formatHours(tracked, format);
  if (billed === null || formatHours(billed, format) === worked) return worked;
  const invoiced = formatHours(billed, format);
  return lead === 'tracked' ? `${worked} (${invoiced} billed)` : `${invoiced} billed (${worked} tracked)`;
}
