// Tests the pure parts of linking time to the work and billing it: the pair last used with a repository, what a
// start makes of an address, and the day's and week's billed hours read from Harvest's rounded figures.
import { describe, expect, it } from 'vitest';
import { billedTotals } from '../../electron/main/core/timesheet/billed';
import { lastPairFor, startFromAddress } from '../../electron/main/core/timesheet/linked-work';
import { localEntry } from '../fixtures/local-entry';

const site = (n: number) => ({
  id: `acme/site#${n}`,
  groupId: 'acme/site',
  permalink: `https://github.com/acme/site/issues/${n}`,
  service: 'GitHub',
});

describe('the pair last used with some work', () => {
  it('is the newest entry linked to the same repository, whatever issue', () => {
    const entries = [
      localEntry({ ref: 1, projectId: 1, taskId: 2, reference: site(1), createdAt: '2026-11-24T09:00:00Z' }),
      localEntry({ ref: 2, projectId: 3, taskId: 4, reference: site(2), createdAt: '2026-11-25T09:00:00Z' }),
      localEntry({ ref: 3, projectId: 5, taskId: 6, reference: null, createdAt: '2026-11-26T09:00:00Z' }),
    ];
    expect(lastPairFor('acme/site', entries)).toEqual({ projectId: 3, taskId: 4 });
    expect(lastPairFor('acme/other', entries)).toBeNull();
    // A Trello card names no board: nothing to go by.
    expect(lastPairFor(null, entries)).toBeNull();
  });
});

describe('a start from an address', () => {
  it.each([
    ['https://github.com/acme/site/issues/12', 'hero', { reference: site(12), notes: 'hero' }],
    ['https://example.com/plan', 'read', { notes: 'read https://example.com/plan' }],
    ['https://example.com/plan', undefined, { notes: 'https://example.com/plan' }],
    ['  ', 'only notes', { notes: 'only notes' }],
  ])('%s with notes %s links or keeps it in the notes', (address, notes, expected) => {
    expect(startFromAddress(address, notes)).toEqual(expected);
  });
});

describe('billed hours', () => {
  const week = { start: '2026-11-23', end: '2026-11-29' };
  const day = '2026-11-25';

  it('sums Harvest’s rounded hours and reads the quarter-up rule from them', () => {
    const entries = [
      localEntry({ ref: 1, hours: 1.1, roundedHours: 1.25 }),
      localEntry({ ref: 2, hours: 0.5, roundedHours: 0.5, spentDate: '2026-11-24' }),
    ];
    expect(billedTotals(entries, new Set(), day, week)).toEqual({
      rounding: { minutes: 15, mode: 'up' },
      dayHours: 1.25,
      weekHours: 1.75,
    });
  });

  it('bills a changed entry by the rule until Harvest answers, and leaves running timers to the popover', () => {
    const entries = [
      localEntry({ ref: 1, hours: 1.1, roundedHours: 1.25 }),
      localEntry({ ref: 2, hours: 0.3, roundedHours: 1 }),
      localEntry({ ref: 3, hours: 2, roundedHours: null, runningSince: new Date('2026-11-25T09:00:00Z') }),
    ];
    expect(billedTotals(entries, new Set([2]), day, week)).toMatchObject({ dayHours: 1.75 });
  });

  it('is absent where nothing was rounded', () => {
    const entries = [localEntry({ ref: 1, hours: 1.1, roundedHours: 1.1 }), localEntry({ ref: 2 })];
    expect(billedTotals(entries, new Set(), day, week)).toBeNull();
  });

  it('trusts only Harvest’s figures when the entries fit no single rule (the setting changed midweek)', () => {
    const entries = [
      localEntry({ ref: 1, hours: 1.1, roundedHours: 1.25 }),
      localEntry({ ref: 2, hours: 1.1, roundedHours: 1.2 }),
      localEntry({ ref: 3, hours: 0.33, roundedHours: null }),
    ];
    expect(billedTotals(entries, new Set(), day, week)).toEqual({
      rounding: null,
      dayHours: 2.78,
      weekHours: 2.78,
    });
  });
});
