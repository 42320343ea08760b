// Checks the hours between two times on the days clocks change, in zones named outright: New York and London
// (an hour), Lord Howe (half an hour), Kolkata (+5:30, no DST) and Chatham (+12:45). The process zone plays no
// part here except in the last block, which scripts/time-zones.sh runs under each of these zones in turn.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { momentOf, processZone, readTime, spanHours } from '../../shared/wall-clock';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-06-03T14:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const at = (date: string, time: string, zone: string) => momentOf(date, readTime(time)!, zone).toISOString();

describe('America/New_York', () => {
  const zone = 'America/New_York';

  it('counts 1:00am to 4:00am as 2 hours on 8 March 2026, when 2:00am never happens', () => {
    expect(spanHours('2026-03-08', '1:00am', '4:00am', zone)).toBe(2);
    expect(spanHours('2026-03-08', '1:30am', '3:30am', zone)).toBe(1);
    expect(spanHours('2026-03-07', '1:00am', '4:00am', zone)).toBe(3);
  });

  it('reads 2:30am, a face that day skips, an hour on, so a span inside the gap is empty', () => {
    expect(at('2026-03-08', '2:30am', zone)).toBe('2026-03-08T07:30:00.000Z'); // 3:30am EDT
    expect(spanHours('2026-03-08', '2:30am', '3:30am', zone)).toBe(0);
    expect(spanHours('2026-03-08', '2:30am', '4:00am', zone)).toBe(0.5);
  });

  it('counts 1:00am to 4:00am as 4 hours on 1 November 2026, reading 1:00am as its first showing', () => {
    expect(at('2026-11-01', '1:00am', zone)).toBe('2026-11-01T05:00:00.000Z'); // 1:00am EDT
    expect(spanHours('2026-11-01', '1:00am', '4:00am', zone)).toBe(4);
    expect(spanHours('2026-11-01', '1:30am', '1:45am', zone)).toBe(0.25);
    expect(spanHours('2026-11-01', '0:00', '23:59', zone)).toBeCloseTo(24 + 59 / 60, 10);
  });
});

describe('Europe/London', () => {
  const zone = 'Europe/London';

  it('loses the hour after 1:00am on 29 March 2026 and repeats it on 25 October 2026', () => {
    expect(spanHours('2026-03-29', '12:30am', '2:30am', zone)).toBe(1);
    expect(spanHours('2026-10-25', '12:30am', '2:30am', zone)).toBe(3);
    expect(spanHours('2026-06-01', '12:30am', '2:30am', zone)).toBe(2);
  });
});

describe('Asia/Kolkata (+5:30, no DST)', () => {
  const zone = 'Asia/Kolkata';

  it('keeps a half-hour offset and every day the same length', () => {
    expect(at('2026-03-08', '9:00am', zone)).toBe('2026-03-08T03:30:00.000Z');
    expect(spanHours('2026-03-08', '1:00am', '4:00am', zone)).toBe(3);
    expect(spanHours('2026-11-01', '0:00', '23:59', zone)).toBeCloseTo(23 + 59 / 60, 10);
  });
});

describe('Australia/Lord_Howe (a 30-minute change)', () => {
  const zone = 'Australia/Lord_Howe';

  it('repeats 1:30am to 2:00am on 5 April 2026, so 1:00am to 3:00am is 2.5 hours', () => {
    expect(at('2026-04-05', '1:45am', zone)).toBe('2026-04-04T14:45:00.000Z'); // first showing, +11:00
    expect(spanHours('2026-04-05', '1:00am', '3:00am', zone)).toBe(2.5);
  });

  it('skips 2:00am to 2:30am on 4 October 2026, so 1:00am to 3:00am is 1.5 hours', () => {
    expect(spanHours('2026-10-04', '1:00am', '3:00am', zone)).toBe(1.5);
    expect(at('2026-10-04', '2:15am', zone)).toBe('2026-10-03T15:45:00.000Z'); // read as 2:45am, +11:00
  });
});

describe('Pacific/Chatham (+12:45, +13:45 in summer)', () => {
  const zone = 'Pacific/Chatham';

  it('keeps its quarter-hour offset in both seasons', () => {
    expect(at('2026-06-15', '12:00pm', zone)).toBe('2026-06-14T23:15:00.000Z');
    expect(at('2026-01-15', '12:00pm', zone)).toBe('2026-01-14T22:15:00.000Z');
  });

  it('gains an hour on 5 April 2026 and loses one on 27 September 2026 (at 3:45am and 2:45am)', () => {
    expect(spanHours('2026-04-05', '2:00am', '5:00am', zone)).toBe(4);
    expect(spanHours('2026-09-27', '2:00am', '5:00am', zone)).toBe(2);
  });
});

describe('the process zone, whichever it is', () => {
  it('is the zone the run was started in (TZ), else the system’s', () => {
    const asked = new Intl.DateTimeFormat(
      'en-US',
      process.env.TZ ? { timeZone: process.env.TZ } : {},
    ).resolvedOptions().timeZone;
    expect(processZone()).toBe(asked);
  });

  const days = [
    '2026-03-08',
    '2026-03-29',
    '2026-04-05',
    '2026-09-27',
    '2026-10-04',
    '2026-10-25',
    '2026-11-01',
  ];

  it('places every quarter hour of the change days where Date itself does', () => {
    const zone = processZone();
    for (const day of days) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const expected = new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
        expect(momentOf(day, minutes).getTime(), `${day} +${minutes} min in ${zone}`).toBe(expected);
      }
    }
  });
});
