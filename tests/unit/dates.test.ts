import { describe, expect, it } from 'vitest';
import { localDate, reportRange, weekRange } from '../../electron/main/core/base/dates';
import { addMonths } from '../../shared/calendar';

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

  it('steps reports back by whole weeks on the company week_start_day, over a DST change', () => {
    // Sunday 1 Nov 2026 in the evening: the clocks went back that morning in New York, a week earlier in Europe.
    const dstSunday = new Date(2026, 10, 1, 22, 30);
    expect(reportRange(dstSunday, 'week', 'Monday')).toEqual({ start: '2026-10-26', end: '2026-11-01' });
    expect(reportRange(dstSunday, 'week', 'Monday', 1)).toEqual({ start: '2026-10-19', end: '2026-10-25' });
    expect(reportRange(dstSunday, 'week', 'Sunday')).toEqual({ start: '2026-11-01', end: '2026-11-07' });
    expect(reportRange(dstSunday, 'week', 'Sunday', 1)).toEqual({ start: '2026-10-25', end: '2026-10-31' });
    expect(reportRange(dstSunday, 'week', 'Saturday', 52)).toEqual({
      start: '2025-11-01',
      end: '2025-11-07',
    });
  });

  it('steps reports back by months, across a year and a short February', () => {
    // Sunday 29 March 2026 just after midnight: Europe's clocks went forward that night.
    const afterChange = new Date(2026, 2, 29, 0, 30);
    expect(reportRange(afterChange, 'month', 'Monday')).toEqual({ start: '2026-03-01', end: '2026-03-31' });
    expect(reportRange(afterChange, 'month', 'Monday', 1)).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
    });
    expect(reportRange(afterChange, 'month', 'Monday', 3)).toEqual({
      start: '2025-12-01',
      end: '2025-12-31',
    });
    expect(reportRange(afterChange, 'month', 'Monday', 26)).toEqual({
      start: '2024-01-01',
      end: '2024-01-31',
    });
  });

  it('keeps a month step inside the month it lands on', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });
});
