// Owns the account's other people, as the Team report shows them to an administrator: who they are, their weekly
// capacity, and the hours they tracked. Their entries aren't modelled one by one (Sheaf never lists other
// people's entries), so their hours come from a steady pattern per weekday; the person's own hours are real.
import { addDays, weekday } from '../../shared/calendar';
import { daysBetween } from './time';

export interface Teammate {
  id: number;
  name: string;
  isContractor: boolean;
  /** Seconds per week, as Harvest sends weekly_capacity (126000 = 35 h). */
  weeklyCapacity: number;
  /** Hours tracked on Monday … Friday of every week; weekends none. */
  weekdayHours: readonly [number, number, number, number, number];
}

export const DEMO_TEAMMATES: Teammate[] = [
  {
    id: 4_100_001,
    name: 'Priya Patel',
    isContractor: false,
    weeklyCapacity: 144_000,
    weekdayHours: [8, 7.5, 8.25, 7, 6],
  },
  {
    id: 4_100_002,
    name: 'Tomás Ruiz',
    isContractor: false,
    weeklyCapacity: 126_000,
    weekdayHours: [6.5, 7, 7.25, 7, 5.5],
  },
  {
    id: 4_100_003,
    name: 'Ada Okafor',
    isContractor: true,
    weeklyCapacity: 72_000,
    weekdayHours: [4, 0, 4.5, 0, 4],
  },
];

/** A teammate's hours from `from` to `to` (dates, inclusive), counting no day after `today`. */
export function teammateHours(teammate: Teammate, from: string, to: string, today: string): number {
  const last = to < today ? to : today;
  let hours = 0;
  for (let n = 0; n <= daysBetween(from, last); n++) {
    const date = addDays(from, n);
    const day = weekday(date); // 0 Sunday … 6 Saturday
    if (day >= 1 && day <= 5) hours += teammate.weekdayHours[day - 1]!;
  }
  return hours;
}
