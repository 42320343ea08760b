// Checks the one reader and writer of times of day: Harvest's two styles in, the company's clock out, the one
// order rule, and the form's shorthands. Zone-free on purpose: scripts/time-zones.sh runs it under several TZs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clockOf,
  endBeforeStart,
  readTime,
  readTypedTime,
  restyle,
  sameTime,
  timeAt,
  timesInOrder,
  writeTime,
} from '../../shared/wall-clock';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-06-03T14:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('reading a time of day', () => {
  it.each([
    ['9:00am', 540],
    ['9:00 AM', 540],
    ['9:00 am', 540],
    ['12:00am', 0],
    ['12:30pm', 750],
    ['11:59pm', 1439],
    ['14:30', 870],
    ['09:05', 545],
    ['9:05', 545],
    ['0:00', 0],
    ['23:59', 1439],
    [' 8:00am ', 480],
  ])('reads %j as %i minutes after midnight', (text, minutes) => {
    expect(readTime(text)).toBe(minutes);
  });

  it.each([
    '1:5',
    '1:00p',
    '1:00 p.m.',
    '13:00pm',
    '0:30am',
    '24:00',
    '9:60',
    '9',
    '930',
    '9.30',
    '9:00  am',
    'noon',
    '',
  ])("refuses %j, which is not one of Harvest's two styles", (text) => {
    expect(readTime(text)).toBeNull();
  });

  it('refuses what is not text at all', () => {
    expect(readTime(null)).toBeNull();
    expect(readTime(undefined)).toBeNull();
  });

  it('tells which clock a time is written on, so an account can be learned from its entries', () => {
    expect(clockOf('2:30pm')).toBe('12h');
    expect(clockOf('14:30')).toBe('24h');
    expect(clockOf('2:30p')).toBeNull();
  });
});

describe('writing a time of day in the company clock', () => {
  it('writes a minute the way Harvest answers: 12 h unpadded, 24 h padded', () => {
    expect(writeTime(14 * 60 + 30, '12h')).toBe('2:30pm');
    expect(writeTime(14 * 60 + 30, '24h')).toBe('14:30');
    expect(writeTime(0, '12h')).toBe('12:00am');
    expect(writeTime(12 * 60, '12h')).toBe('12:00pm');
    expect(writeTime(9 * 60 + 5, '24h')).toBe('09:05');
  });

  it('wraps minutes outside the day onto it', () => {
    expect(writeTime(-30, '24h')).toBe('23:30');
    expect(writeTime(1440 + 60, '24h')).toBe('01:00');
  });

  it.each([
    ['8:00am', '8:00am', '08:00'],
    ['12:05pm', '12:05pm', '12:05'],
    ['12:30am', '12:30am', '00:30'],
    ['14:30', '2:30pm', '14:30'],
    ['later', 'later', 'later'],
  ])('restyles %s as %s on a 12 h clock and %s on a 24 h one', (time, twelve, twentyFour) => {
    expect(restyle(time, '12h')).toBe(twelve);
    expect(restyle(time, '24h')).toBe(twentyFour);
  });

  it('writes a moment as the clock in the given zone shows it, on a DST day too', () => {
    const afterChange = new Date('2026-03-29T01:30:00Z'); // 03:30 in Berlin, just after the clocks moved
    expect(timeAt(afterChange, '24h', 'Europe/Berlin')).toBe('03:30');
    expect(timeAt(afterChange, '12h', 'Europe/Berlin')).toBe('3:30am');
    expect(timeAt(afterChange, '24h', 'Asia/Kolkata')).toBe('07:00');
    expect(timeAt(afterChange, '24h', 'Pacific/Chatham')).toBe('15:15');
  });

  it('writes the fixed moment in the process zone the way Date itself reads it', () => {
    const now = new Date();
    expect(timeAt(now, '24h')).toBe(
      `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`,
    );
  });
});

describe('comparing and ordering two times', () => {
  it('takes "2:30pm", "2:30 PM" and "14:30" for the same minute', () => {
    expect(sameTime('2:30pm', '14:30')).toBe(true);
    expect(sameTime('2:30 PM', '14:30')).toBe(true);
    expect(sameTime('12:00am', '0:00')).toBe(true);
    expect(sameTime('2:30pm', '2:31pm')).toBe(false);
  });

  it('never takes an unreadable time for any other, and null only for null', () => {
    expect(sameTime('soon', 'soon')).toBe(false);
    expect(sameTime(null, undefined)).toBe(true);
    expect(sameTime(null, '9:00am')).toBe(false);
  });

  it('lets an end at or after its start through and refuses one before it', () => {
    expect(timesInOrder('9:00am', '9:00am')).toBe(true);
    expect(timesInOrder('11:30am', '12:15pm')).toBe(true);
    expect(timesInOrder('14:30', '2:00pm')).toBe(false);
    expect(endBeforeStart).toMatch(/can't be before the start/);
  });

  it('leaves a missing or unreadable time to the reader, not the order rule', () => {
    expect(timesInOrder(undefined, '9:00am')).toBe(true);
    expect(timesInOrder('9:00am', 'soon')).toBe(true);
  });
});

describe("the form's typed times", () => {
  it.each([
    ['9', '9:00am', 540],
    ['930', '9:30am', 570],
    ['9.30', '9:30am', 570],
    ['9h30', '9:30am', 570],
    ['9:30', '9:30am', 570],
    ['9:30 am', '9:30am', 570],
    ['2pm', '2:00pm', 840],
    ['2 p.m.', '2:00pm', 840],
    ['2:15 PM', '2:15pm', 855],
    ['12am', '12:00am', 0],
    ['12pm', '12:00pm', 720],
    ['14:30', '2:30pm', 870],
    ['0:00', '12:00am', 0],
    ['23:59', '11:59pm', 1439],
  ])('reads the typed %j as %s, a time readTime reads the same', (text, time, minutes) => {
    expect(readTypedTime(text)).toEqual({ ok: true, time, minutes });
    expect(readTime(time)).toBe(minutes);
  });

  it.each([
    ['', /isn't a time/],
    ['noon', /isn't a time.*9:00, 9:30am, 2pm or 14:30/],
    ['1:5', /isn't a time/],
    ['24:00', /Hours go up to 23/],
    ['9:60', /Minutes go up to 59/],
    ['13pm', /hour is 1 to 12/],
  ])('refuses the typed %j, saying what is accepted', (text, message) => {
    const typed = readTypedTime(text);
    expect(typed.ok).toBe(false);
    if (!typed.ok) expect(typed.message).toMatch(message);
  });
});
