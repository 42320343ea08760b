// Owns the day's and week's billed hours where the company rounds time (Harvest's Time Rounding): the rule is
// read from the entries Harvest has answered (its preference isn't in the API), and finished entries are summed
// as Harvest's reports sum them, each rounded on its own. Pure: it reads what it is given.
import type { BilledTotals } from '../../../../shared/billed-hours';
import { entryBilled } from '../../../../shared/billed-hours';
import { readRounding } from '../../../../shared/time-rounding';
import { round, type EntryRef, type LocalEntry } from './entries';

/** Null where nothing shows the company rounds (rounding off, or no entry Harvest has answered moved). */
export function billedTotals(
  entries: readonly LocalEntry[],
  pendingRefs: ReadonlySet<EntryRef>,
  date: string,
  week: { start: string; end: string },
): BilledTotals | null {
  // Only Harvest's current word tells the rule: a running timer's or a changed entry's figure is out of date.
  const fresh = (e: LocalEntry) => !e.runningSince && !pendingRefs.has(e.ref);
  const answered = entries.map((e) => ({ hours: e.hours, roundedHours: fresh(e) ? e.roundedHours : null }));
  const rule = readRounding(answered);
  if (rule === null) return null;
  const rounding = rule ?? null;
  let dayHours = 0;
  let weekHours = 0;
  for (const e of entries) {
    if (e.runningSince || e.spentDate < week.start || e.spentDate > week.end) continue;
    const billed = entryBilled(e, fresh(e), rounding);
    weekHours += billed;
    if (e.spentDate === date) dayHours += billed;
  }
  return { rounding, dayHours: round(dayHours), weekHours: round(weekHours) };
}
