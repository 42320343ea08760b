import { describe, expect, it } from 'vitest';
import type { LocalEntry } from '../../electron/main/core/timesheet/entries';
import { applyIntents, type Intent } from '../../electron/main/core/timesheet/intents';
import { entryNames, localEntry } from '../fixtures/local-entry';

const names = entryNames;
const entry = (partial: Partial<LocalEntry> & Pick<LocalEntry, 'ref'>): LocalEntry => localEntry(partial);

describe('applyIntents', () => {
  it('a start stops what runs at the moment the person acted and runs from then', () => {
    const confirmed = new Map([
      [10, entry({ ref: 10, hours: 1, runningSince: new Date('2026-11-25T09:00:00Z') })],
    ]);
    const start: Intent = {
      kind: 'start',
      id: 'a',
      at: '2026-11-25T09:30:00.000Z',
      localRef: 'local-1',
      projectId: 1,
      taskId: 2,
      notes: 'n',
      names,
    };
    const { entries, pendingRefs } = applyIntents(confirmed, [start], new Map(), false);
    expect(entries.get(10)).toMatchObject({ hours: 1.5, runningSince: null });
    expect(entries.get('local-1')).toMatchObject({
      runningSince: new Date('2026-11-25T09:30:00Z'),
      hours: 0,
    });
    expect([...pendingRefs]).toEqual(['local-1']);
    // Harvest's view is untouched: intents apply to a copy.
    expect(confirmed.get(10)?.runningSince).not.toBeNull();
  });

  it('a stop on a local entry follows it to its Harvest id once confirmed', () => {
    const confirmed = new Map([
      [99, entry({ ref: 99, hours: 0, runningSince: new Date('2026-11-25T09:00:00Z') })],
    ]);
    const stop: Intent = { kind: 'stop', id: 'b', at: '2026-11-25T10:00:00.000Z', ref: 'local-1' };
    const { entries } = applyIntents(confirmed, [stop], new Map([['local-1', 99]]), true);
    expect(entries.get(99)).toMatchObject({ hours: 1, runningSince: null });
    expect(entries.get(99)?.endedTime).toMatch(/^\d{1,2}:\d{2}(am|pm)$/);
  });

  it('resume and notes change only their entry', () => {
    const confirmed = new Map([
      [1, entry({ ref: 1 })],
      [2, entry({ ref: 2, runningSince: new Date('2026-11-25T09:00:00Z'), hours: 0 })],
    ]);
    const { entries } = applyIntents(
      confirmed,
      [
        { kind: 'restart', id: 'c', at: '2026-11-25T09:15:00.000Z', ref: 1 },
        { kind: 'updateNotes', id: 'd', at: '2026-11-25T09:16:00.000Z', ref: 1, notes: 'call' },
      ],
      new Map(),
      false,
    );
    expect(entries.get(2)).toMatchObject({ hours: 0.25, runningSince: null });
    expect(entries.get(1)).toMatchObject({ notes: 'call', runningSince: new Date('2026-11-25T09:15:00Z') });
  });

  it('an intent for an entry that is gone is skipped', () => {
    const { entries, pendingRefs } = applyIntents(
      new Map(),
      [{ kind: 'stop', id: 'e', at: '2026-11-25T10:00:00.000Z', ref: 5 }],
      new Map(),
      false,
    );
    expect(entries.size).toBe(0);
    expect(pendingRefs.size).toBe(0);
  });
});

describe('editing times on a timestamp entry', () => {
  it('gives the finished entry its new hours at once, so the totals do not wait for Harvest', () => {
    const confirmed = new Map([
      [7, entry({ ref: 7, hours: 1, startedTime: '9:00am', endedTime: '10:00am' })],
    ]);
    const { entries } = applyIntents(
      confirmed,
      [{ kind: 'edit', id: 'f', at: '2026-11-25T13:00:00.000Z', ref: 7, changes: { endedTime: '12:00pm' } }],
      new Map(),
      true,
    );
    expect(entries.get(7)).toMatchObject({ hours: 3, endedTime: '12:00pm' });
  });

  it('an edit of notes alone leaves the hours as Harvest counted them', () => {
    const confirmed = new Map([
      [7, entry({ ref: 7, hours: 1.02, startedTime: '9:00am', endedTime: '10:00am' })],
    ]);
    const { entries } = applyIntents(
      confirmed,
      [{ kind: 'edit', id: 'g', at: '2026-11-25T13:00:00.000Z', ref: 7, changes: { notes: 'x' } }],
      new Map(),
      true,
    );
    expect(entries.get(7)?.hours).toBe(1.02);
  });
});
