// Checks how a change joins the queue of unsent changes: edits of one entry coalesce, so only the latest goes.
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../electron/main/core/timesheet/intents';
import { queueWith } from '../../electron/main/core/timesheet/queue-rules';

const at = '2026-11-25T10:00:00.000Z';
const notes = (id: string, ref: number | string, text: string): Intent => ({
  kind: 'updateNotes',
  id,
  at,
  ref,
  notes: text,
});
const stop = (id: string, ref: number): Intent => ({ kind: 'stop', id, at, ref });

describe('a change joining the queue', () => {
  it('replaces notes queued earlier for the same entry', () => {
    const queue = [notes('a', 1, 'd'), stop('b', 2), notes('c', 1, 'dr')];
    expect(queueWith(queue, notes('d', 1, 'draft'), null).map((i) => i.id)).toEqual(['b', 'd']);
  });

  it("keeps notes already on their way to Harvest, and other entries' notes", () => {
    const inFlight = notes('a', 1, 'd');
    const queue = [inFlight, notes('b', 2, 'other')];
    expect(queueWith(queue, notes('c', 1, 'draft'), inFlight).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('merges an edit into the edit right behind it for the same entry, later fields winning', () => {
    const first: Intent = { kind: 'edit', id: 'a', at, ref: 1, changes: { hours: 1, notes: 'x' } };
    const second: Intent = { kind: 'edit', id: 'b', at, ref: 1, changes: { hours: 2 } };
    expect(queueWith([first], second, null)).toEqual([{ ...second, changes: { hours: 2, notes: 'x' } }]);
  });

  it('does not merge an edit across another change to the same entry', () => {
    const first: Intent = { kind: 'edit', id: 'a', at, ref: 1, changes: { hours: 1 } };
    const second: Intent = { kind: 'edit', id: 'c', at, ref: 1, changes: { hours: 2 } };
    expect(queueWith([first, stop('b', 1)], second, null).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});
