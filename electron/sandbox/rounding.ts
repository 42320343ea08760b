// Owns Harvest's Time Rounding preference: how one entry's hours become its rounded_hours, the hours summary
// reports and invoices count. Harvest's help ("How does time rounding work?",
// support.getharvest.com/hc/en-us/articles/360053116772): an account rounds to the nearest or up to the nearest
// 6, 15 or 30 minutes; each entry is rounded on its own before entries are totalled; timesheets keep raw hours.
import { round2 } from './time';

export interface TimeRounding {
  minutes: 6 | 15 | 30;
  mode: 'up' | 'nearest';
}

/** What rounded_hours says for `hours` under the account's preference; with rounding off, the hours as they are. */
export function roundedHours(hours: number, rounding: TimeRounding | null): number {
  const exact = round2(hours);
  if (!rounding) return exact;
  const steps = (exact * 60) / rounding.minutes;
  // The small epsilon keeps 0.25 h on a 15-minute step from rounding up to 0.5 through float noise.
  const whole = rounding.mode === 'up' ? Math.ceil(steps - 1e-9) : Math.round(steps);
  // "+ 0" turns -0 into 0: JSON sends both as 0, but tests compare them apart.
  return round2((whole * rounding.minutes) / 60) + 0;
}
