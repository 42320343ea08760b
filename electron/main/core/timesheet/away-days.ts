// Owns cutting a stretch of time at local midnight into one part per day: a Harvest entry sits on one spent date,
// so time away from 11:30pm to 12:40am is two entries, each on its own day.
import { localDate } from '../base/dates';

export interface DayPart {
  spentDate: string;
  from: Date;
  to: Date;
}

/** The stretch `from`–`to` as parts that each stay within one local day, in order; none when it is empty. */
export function partsByDay(from: Date, to: Date): DayPart[] {
  const parts: DayPart[] = [];
  let start = from;
  while (start < to) {
    // The next local midnight, by the calendar rather than +24 h, so a daylight-saving day still ends at midnight.
    const midnight = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
    const end = midnight < to ? midnight : to;
    parts.push({ spentDate: localDate(start), from: start, to: end });
    start = end;
  }
  return parts;
}

/** Whether a part runs up to the midnight that ends its day (rather than stopping earlier). */
export function endsAtMidnight(part: DayPart): boolean {
  return localDate(part.to) !== part.spentDate;
}
