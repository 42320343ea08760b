// Week math by every week_start_day and across DST changes, and how hours, days, money and ages are written
// (both time formats; times of day are wall-clock.test.ts's). Runs in Berlin time, where clocks change in late
// March and October.
process.env.TZ = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import { localDate, weekRange } from '../../electron/main/core/base/dates';
import {
  addDays,
  WEEK_START_DAYS,
  isSpentDate,
  localSpentDate,
  monthOf,
  weekDates,
  weekday,
  weekOf,
  type WeekStartDay,
} from '../../shared/calendar';
import {
  formatAge,
  formatDay,
  formatHours,
  formatMoney,
  formatRange,
  formatSoFar,
} from '../../shared/format';

// Harvest's help: the week may start on any day, so every weekday is a start day.
const startDays: WeekStartDay[] = [...WEEK_START_DAYS];
const startIndex = Object.fromEntries(WEEK_START_DAYS.map((d, i) => [d, i])) as Record<WeekStartDay, number>;

describe('the test runs in Berlin time', () => {
  it('has the DST offsets it means to test', () => {
    expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 2, 30, 12).getTimezoneOffset()).toBe(-120);
    expect(new Date(2026, 9, 26, 12).getTimezoneOffset()).toBe(-60);
  });
});

describe('weekOf', () => {
  it.each(startDays)(
    'weeks starting on %s contain the day, start on that weekday and last 7 days',
    (start) => {
      for (let i = 0; i < 60; i++) {
        const date = addDays('2026-03-01', i);
        const week = weekOf(date, start);
        expect(weekday(week.start)).toBe(startIndex[start]);
        expect(date >= week.start && date <= week.end).toBe(true);
        expect(week.end).toBe(addDays(week.start, 6));
        expect(weekDates(week.start)).toHaveLength(7);
        expect(new Set(weekDates(week.start)).size).toBe(7);
      }
    },
  );

  it.each([
    // Spring forward: Sunday 29 March 2026 has 23 hours in Berlin.
    ['2026-03-29', 'Monday', '2026-03-23', '2026-03-29'],
    ['2026-03-29', 'Sunday', '2026-03-29', '2026-04-04'],
    ['2026-03-29', 'Saturday', '2026-03-28', '2026-04-03'],
    // Fall back: Sunday 25 October 2026 has 25 hours.
    ['2026-10-25', 'Monday', '2026-10-19', '2026-10-25'],
    ['2026-10-25', 'Sunday', '2026-10-25', '2026-10-31'],
    ['2026-10-25', 'Saturday', '2026-10-24', '2026-10-30'],
    // Across a month and a year end.
    ['2026-01-01', 'Monday', '2025-12-29', '2026-01-04'],
  ] as const)('%s with weeks from %s → %s … %s', (date, start, first, last) => {
    expect(weekOf(date, start)).toEqual({ start: first, end: last });
  });

  it('lists the seven days across a DST change without skipping or repeating one', () => {
    expect(weekDates('2026-03-23')).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(weekDates('2026-10-24').slice(0, 3)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  });

  it("agrees with the core's local-time week at every hour around both DST changes", () => {
    for (const day of [new Date(2026, 2, 27), new Date(2026, 9, 23)]) {
      for (let h = 0; h < 24 * 4; h++) {
        const at = new Date(day.getTime() + h * 3_600_000);
        for (const start of startDays) {
          expect(weekOf(localSpentDate(at), start), `${at.toString()} ${start}`).toEqual(
            weekRange(at, start),
          );
        }
        expect(localSpentDate(at)).toBe(localDate(at));
      }
    }
  });
});

describe('days and months', () => {
  it('steps over DST days and month ends', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('finds the month around a date, leap years too', () => {
    expect(monthOf('2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthOf('2026-10-25')).toEqual({ start: '2026-10-01', end: '2026-10-31' });
  });

  it('knows a real spent date', () => {
    expect(isSpentDate('2026-02-28')).toBe(true);
    expect(isSpentDate('2026-02-30')).toBe(false);
    expect(isSpentDate('26-2-3')).toBe(false);
  });

  it.each(['1900-01-01', '2000-02-29', '2024-02-29', '2025-12-31', '2999-12-31'])(
    'takes %s as a real spent date',
    (date) => expect(isSpentDate(date)).toBe(true),
  );

  it.each([
    '2025-02-30',
    '2025-02-29',
    '1900-02-29',
    '2025-12-32',
    '2025-13-01',
    '2025-00-10',
    '2025-04-00',
    '0000-00-00',
    '0099-01-01',
    '1899-12-31',
    '3000-01-01',
    '9999-12-31',
    '9999-99-99',
  ])('refuses %s: not a day, or outside the years 1900 to 2999', (date) =>
    expect(isSpentDate(date)).toBe(false),
  );
});

describe('formatting', () => {
  it.each([
    [1.5, '1.50', '1:30'],
    [0.75, '0.75', '0:45'],
    [8.25, '8.25', '8:15'],
  ])('%s hours in both time formats', (hours, decimal, hoursMinutes) => {
    expect(formatHours(hours, 'decimal')).toBe(decimal);
    expect(formatHours(hours, 'hours_minutes')).toBe(hoursMinutes);
  });

  it('names days relative to today, else by date', () => {
    expect(formatDay('2026-03-29', '2026-03-29')).toBe('Today');
    expect(formatDay('2026-03-28', '2026-03-29')).toBe('Yesterday');
    expect(formatDay('2026-03-30', '2026-03-29')).toBe('Tomorrow');
    expect(formatDay('2026-03-25', '2026-03-29')).toBe('Wed 25 Mar');
  });

  it('titles a week with its days and year, and both years when it spans New Year', () => {
    expect(formatRange('2026-03-23', '2026-03-29')).toBe('23 Mar – 29 Mar 2026');
    expect(formatRange('2026-11-30', '2026-12-06')).toBe('30 Nov – 6 Dec 2026');
    expect(formatRange('2025-12-29', '2026-01-04')).toBe('29 Dec 2025 – 4 Jan 2026');
  });

  it('says which days of a month still going a report covers, and nothing once the month is over', () => {
    expect(formatSoFar('2026-12-01', '2026-12-31', '2026-12-06')).toBe('1–6 December so far');
    expect(formatSoFar('2026-12-01', '2026-12-31', '2026-12-01')).toBe('1 December so far');
    expect(formatSoFar('2026-11-01', '2026-11-30', '2026-11-30')).toBeNull();
    expect(formatSoFar('2026-11-01', '2026-11-30', '2026-12-06')).toBeNull();
  });

  it('writes money in the currency Harvest named', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(80, 'EUR')).toBe('€80.00');
    expect(formatMoney(5, 'XQQ')).toMatch(/5\.00/);
  });

  it('says how old a saved copy is', () => {
    const now = Date.parse('2026-03-29T12:00:00Z');
    expect(formatAge('2026-03-29T11:59:30Z', now)).toBe('just now');
    expect(formatAge('2026-03-29T11:30:00Z', now)).toBe('30 min ago');
    expect(formatAge('2026-03-29T09:00:00Z', now)).toBe('3 h ago');
    expect(formatAge('2026-03-28T11:00:00Z', now)).toBe('1 day ago');
    expect(formatAge('2026-03-25T12:00:00Z', now)).toBe('4 days ago');
  });
});
