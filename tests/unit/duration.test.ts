// Table tests for shared/duration.ts: display in both Harvest styles, the timer clock, and typed durations.
import { describe, expect, it } from 'vitest';
import { formatElapsed, formatHours, parseDuration, shownHours } from '../../shared/duration';

describe('formatHours', () => {
  it.each([
    [1.5, '1.50', '1:30'],
    [0, '0.00', '0:00'],
    [3.75, '3.75', '3:45'],
    [0.25, '0.25', '0:15'],
    [1 / 60, '0.02', '0:01'],
    // Decimal keeps Harvest's hundredths (as its web app shows them); hours:minutes rounds to the minute.
    [1.01, '1.01', '1:01'],
    [2.34, '2.34', '2:20'],
    [7.99, '7.99', '7:59'],
    [0.01, '0.01', '0:01'],
    [1.995, '2.00', '2:00'],
    [12.3333, '12.33', '12:20'],
    [25, '25.00', '25:00'],
  ])('%s hours → %s / %s', (hours, decimal, hoursMinutes) => {
    expect(formatHours(hours, 'decimal')).toBe(decimal);
    expect(formatHours(hours, 'hours_minutes')).toBe(hoursMinutes);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0:00:00'],
    [999, '0:00:00'],
    [1000, '0:00:01'],
    [312_000, '0:05:12'],
    [3_723_000, '1:02:03'],
    [36_000_000, '10:00:00'],
    [-5000, '0:00:00'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe('parseDuration', () => {
  it.each([
    ['1:30', 1.5],
    ['0:05', 5 / 60],
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['.25', 0.25],
    ['2', 2],
    ['90m', 1.5],
    ['45 min', 0.75],
    ['45 minutes', 0.75],
    ['1h 30m', 1.5],
    ['1h30', 1.5],
    ['1h30m', 1.5],
    ['2h', 2],
    ['1.5h', 1.5],
    ['  2 H  ', 2],
    ['24', 24],
    ['0', 0],
    // Decimal hours keep Harvest's 0.01 h: what is typed is what is saved.
    ['1.01', 1.01],
    ['7.99', 7.99],
    ['2.345', 2.35],
    // Minutes are whole minutes.
    ['1:01', 61 / 60],
    ['1h 30', 1.5],
    ['1 h 30 min', 1.5],
    ['1hr 15m', 1.25],
    ['1 hour 30 minutes', 1.5],
    ['2 hours', 2],
    ['90 mins', 1.5],
    ['1H30M', 1.5],
    ['0:45', 0.75],
    ['10:00', 10],
  ])('%j → %s hours', (text, hours) => {
    const parsed = parseDuration(text);
    expect(parsed).toEqual({ ok: true, hours: expect.closeTo(hours, 10) });
  });

  it.each([
    ['', /like 1:30/],
    ['   ', /like 1:30/],
    ['-1', /negative/],
    ['-0:30', /negative/],
    ['24:01', /at most 24 hours/],
    ['25h', /at most 24 hours/],
    ['1500m', /at most 24 hours/],
    ['abc', /"abc" isn't a duration.*1:30, 1.5, 90m or 1h 30m/],
    ['1:75', /isn't a duration/],
    ['1h 75m', /isn't a duration/],
    ['1:30:00', /isn't a duration/],
    ['1..5', /isn't a duration/],
    ['m', /isn't a duration/],
    ['h30', /isn't a duration/],
    ['1h30x', /isn't a duration/],
    ['1:30pm', /isn't a duration/],
    ['an hour', /isn't a duration/],
  ])('rejects %j', (text, message) => {
    const parsed = parseDuration(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('shownHours', () => {
  it('rounds to what formatHours writes, so both give the same text, in either format', () => {
    for (let i = 0; i < 2000; i++) {
      const hours = i * 0.00731;
      for (const format of ['decimal', 'hours_minutes'] as const) {
        expect(formatHours(shownHours(hours, format), format)).toBe(formatHours(hours, format));
      }
    }
    expect(shownHours(1.234, 'decimal')).toBe(1.23);
    expect(shownHours(1.009, 'hours_minutes')).toBe(61 / 60);
  });
});
