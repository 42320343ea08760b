// Owns what the popover's day and week views are made of: the shown day's entries and total, each day's total
// in the week around it, and the recent project/task pairs, all from the entries Sheaf holds.
import { weekDates, weekOf, type WeekStartDay } from '../../../../shared/calendar';
import { pairKey, type AssignmentRef, type EntryView, type ShownDay } from '../../../../shared/state';
import { round, type LocalEntry } from './entries';

const recentCount = 8;

/** `entries` newest first; `loading` while Harvest is asked for that week. */
export function shownDay(
  entries: readonly LocalEntry[],
  view: (e: LocalEntry) => EntryView,
  date: string,
  today: string,
  weekStartDay: WeekStartDay,
  loading: boolean,
): ShownDay {
  const week = weekOf(date, weekStartDay);
  const totals = new Map(weekDates(week.start).map((d) => [d, 0]));
  for (const e of entries) {
    const sum = totals.get(e.spentDate);
    if (sum !== undefined) totals.set(e.spentDate, sum + e.hours);
  }
  const days = [...totals].map(([d, hours]) => ({ date: d, totalHours: round(hours) }));
  const onDay = entries.filter((e) => e.spentDate === date);
  return {
    date,
    isToday: date === today,
    entries: onDay.map(view),
    totalHours: totals.get(date) === undefined ? 0 : round(totals.get(date)!),
    week: { ...week, totalHours: round(days.reduce((t, d) => t + d.totalHours, 0)), days },
    loading,
  };
}

/** Entries in the order the recent pairs follow: running first, then by day, then by when the entry was made. */
export function newestWorkedOn(entries: readonly LocalEntry[]): LocalEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(Boolean(b.runningSince)) - Number(Boolean(a.runningSince)) ||
      b.spentDate.localeCompare(a.spentDate) ||
      b.createdAt.localeCompare(a.createdAt),
  );
}

/** The last few distinct pairs worked on, newest first (by day, then by when the entry was made). */
export function recentPairs(entries: readonly LocalEntry[], limit = recentCount): AssignmentRef[] {
  const seen = new Set<string>();
  const pairs: AssignmentRef[] = [];
  for (const e of newestWorkedOn(entries)) {
    const key = pairKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push({ projectId: e.projectId, taskId: e.taskId });
    if (pairs.length >= limit) break;
  }
  return pairs;
}
