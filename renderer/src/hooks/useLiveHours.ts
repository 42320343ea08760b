// Owns a total of hours live with the timers counting into it, as shown: it re-renders when the shown figure
// changes (every minute, or every 36 s in decimal), not on every one-second tick.
import { runningBilled } from '../../../shared/billed-hours';
import { extraHours, liveHours } from '../../../shared/elapsed';
import { shownHours, type TimeFormat } from '../../../shared/format';
import type { EntryView, ShownDay } from '../../../shared/state';
import type { LeadingHours } from '../../../shared/time-rounding';
import { useApp } from '../state/StoreContext';
import { useLive } from './useNow';

/** `base` excludes the running timers' time since their snapshot, as every total in AppState does. */
export function useLiveHours(base: number, running: readonly EntryView[], timeFormat: TimeFormat): number {
  return useLive(
    (now) =>
      shownHours(
        running.reduce((sum, entry) => sum + extraHours(entry, now), base),
        timeFormat,
      ),
    running.length > 0,
  );
}

/**
 * Where the company rounds, the shown day's and week's billed hours with the running timer's counted live by the
 * account's rule (shared/billed-hours.ts), and which figure leads; null elsewhere.
 */
export function useLiveBilled(
  day: ShownDay,
): { dayHours: number; weekHours: number; lead: LeadingHours } | null {
  const running = useApp((app) => app.running);
  const lead = useApp((app) => app.desktop.hoursLead) ?? 'tracked';
  const billed = day.billed ?? null;
  const counts = billed !== null && running !== null;
  const extra = useLive(
    (now) => (counts ? runningBilled(liveHours(running, now), billed.rounding) : 0),
    counts,
  );
  if (!billed) return null;
  const inWeek = running !== null && running.spentDate >= day.week.start && running.spentDate <= day.week.end;
  return {
    dayHours: billed.dayHours + (running?.spentDate === day.date ? extra : 0),
    weekHours: billed.weekHours + (inWeek ? extra : 0),
    lead,
  };
}
