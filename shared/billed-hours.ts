// Owns what the day and week will bill where the company rounds time: each entry's billed hours (Harvest's
// rounded_hours while it is current, else the account's rule applied here) and the running timer's billed
// hours as it counts. Core sums the finished entries; the popover adds the running one live, by the same rule.
import { roundedHours, type TimeRounding } from './time-rounding';

/** What a snapshot tells the popover about billed time; absent where the company doesn't round. */
export interface BilledTotals {
  /** The rule read from the entries; null when they fit no single rule (only Harvest's figures are trusted). */
  rounding: TimeRounding | null;
  /** Billed hours of the shown day and its week, without running timers (the popover adds those live). */
  dayHours: number;
  weekHours: number;
}

/** A running timer's billed hours at `hours` elapsed: rounded by the rule, or as they are without one. */
export function runningBilled(hours: number, rounding: TimeRounding | null): number {
  return rounding ? roundedHours(hours, rounding) : hours;
}

/**
 * A stopped entry's billed hours: Harvest's own figure while it is current (`fresh`: no change of the person's
 * is waiting to reach Harvest), else the rule applied to its hours.
 */
export function entryBilled(
  entry: { hours: number; roundedHours: number | null },
  fresh: boolean,
  rounding: TimeRounding | null,
): number {
  if (fresh && entry.roundedHours !== null) return entry.roundedHours;
  return runningBilled(entry.hours, rounding);
}
