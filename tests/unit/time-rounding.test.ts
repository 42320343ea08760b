// Harvest's Time Rounding as Sheaf reads and shows it: each entry rounded alone, the rule read from the entries.
import { describe, expect, it } from 'vitest';
import { readRounding, roundedHours, trackedAndBilled } from '../../shared/time-rounding';

describe('rounding one entry', () => {
  it.each([
    [1.1, { minutes: 15, mode: 'up' } as const, 1.25],
    [1.0, { minutes: 15, mode: 'up' } as const, 1],
    [0.01, { minutes: 15, mode: 'up' } as const, 0.25],
    [1.1, { minutes: 15, mode: 'nearest' } as const, 1],
    [1.13, { minutes: 15, mode: 'nearest' } as const, 1.25],
    [1.11, { minutes: 6, mode: 'up' } as const, 1.2],
    [1.3, { minutes: 30, mode: 'nearest' } as const, 1.5],
    [0, { minutes: 30, mode: 'up' } as const, 0],
    [1.1, null, 1.1],
  ])('%s h under %o is %s h', (hours, rule, rounded) => {
    expect(Object.is(roundedHours(hours, rule), rounded)).toBe(true);
  });
});

describe('reading the account’s rule from its entries', () => {
  it('finds the one rule the moved entries fit, and none when nothing moved', () => {
    expect(
      readRounding([
        { hours: 1.1, roundedHours: 1.25 },
        { hours: 2, roundedHours: 2 },
      ]),
    ).toEqual({
      minutes: 15,
      mode: 'up',
    });
    expect(readRounding([{ hours: 1.11, roundedHours: 1.2 }])).toEqual({ minutes: 6, mode: 'up' });
    expect(
      readRounding([
        { hours: 1.1, roundedHours: 1.1 },
        { hours: 2, roundedHours: null },
      ]),
    ).toBeNull();
    expect(readRounding([])).toBeNull();
  });

  it('says it can’t tell when the entries fit no single rule', () => {
    expect(
      readRounding([
        { hours: 1.1, roundedHours: 1.25 },
        { hours: 1.1, roundedHours: 1 },
      ]),
    ).toBeUndefined();
  });
});

describe('showing both figures', () => {
  it('leads with the tracked hours, or the billed ones, and shows one figure when they agree', () => {
    expect(trackedAndBilled(7.8, 8, 'hours_minutes')).toBe('7:48 (8:00 billed)');
    expect(trackedAndBilled(7.8, 8, 'hours_minutes', 'billed')).toBe('8:00 billed (7:48 tracked)');
    expect(trackedAndBilled(7.8, 8, 'decimal')).toBe('7.80 (8.00 billed)');
    expect(trackedAndBilled(8, 8, 'hours_minutes')).toBe('8:00');
    expect(trackedAndBilled(7.8, null, 'hours_minutes')).toBe('7:48');
  });
});
