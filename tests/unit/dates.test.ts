import { describe, expect, it } from 'vitest';
import { localDate, weekRange } from '../../electron/main/core/base/dates';

describe('dates', () => {
  it('uses the local calendar date for spent_date', () => {
    const lateEvening = new Date(2026, 10, 25, 23, 59);
    expect(localDate(lateEvening)).toBe('2026-11-25');
  });

  it('starts the week on the company week_start_day', () => {
    const wednesday = new Date(2026, 10, 25, 12, 0);
    expect(weekRange(wednesday, 'Monday')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(weekRange(wednesday, 'Sunday')).toEqual({ start: '2026-11-22', end: '2026-11-28' });
    expect(weekRange(wednesday, 'Saturday')).toEqual({ start: '2026-11-21', end: '2026-11-27' });
  });
});
