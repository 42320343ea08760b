// Checks the one vocabulary for times of day Harvest sends and takes: the same minute in either clock.
import { describe, expect, it } from 'vitest';
import { harvestTime, sameTimeOfDay } from '../../shared/format';

describe('times of day as Harvest writes them', () => {
  it("writes a minute in the company's clock", () => {
    expect(harvestTime(14 * 60 + 30, '12h')).toBe('2:30pm');
    expect(harvestTime(14 * 60 + 30, '24h')).toBe('14:30');
    expect(harvestTime(0, '12h')).toBe('12:00am');
    expect(harvestTime(9 * 60 + 5, '24h')).toBe('09:05');
  });

  it('takes "2:30pm", "2:30 PM" and "14:30" for the same minute', () => {
    expect(sameTimeOfDay('2:30pm', '14:30')).toBe(true);
    expect(sameTimeOfDay('2:30 PM', '14:30')).toBe(true);
    expect(sameTimeOfDay('12:00am', '0:00')).toBe(true);
    expect(sameTimeOfDay('2:30pm', '2:31pm')).toBe(false);
  });

  it('never takes an unreadable time for any other, and null only for null', () => {
    expect(sameTimeOfDay('soon', 'soon')).toBe(false);
    expect(sameTimeOfDay(null, undefined)).toBe(true);
    expect(sameTimeOfDay(null, '9:00am')).toBe(false);
  });
});
