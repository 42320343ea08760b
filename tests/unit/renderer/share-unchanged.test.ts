// Tests structural sharing between snapshots: what didn't change keeps its identity, what did is new.
import { describe, expect, it } from 'vitest';
import { shareUnchanged } from '../../../renderer/src/lib/share-unchanged';

const snapshot = () => ({
  running: { id: 1, notes: 'Design', hours: 0.5 },
  day: { date: '2026-12-01', entries: [{ id: 1 }, { id: 2 }], week: { days: [{ date: '2026-11-30' }] } },
  sync: { state: 'idle', pending: 0 },
  notices: [] as string[],
});

describe('shareUnchanged', () => {
  it('gives back the previous snapshot itself when nothing changed', () => {
    const before = snapshot();
    expect(shareUnchanged(before, snapshot())).toBe(before);
  });

  it('keeps every unchanged part and replaces only the path to what changed', () => {
    const before = snapshot();
    const next = snapshot();
    next.sync.pending = 1;
    const shared = shareUnchanged(before, next);
    expect(shared).not.toBe(before);
    expect(shared.sync).toEqual({ state: 'idle', pending: 1 });
    expect(shared.sync).not.toBe(before.sync);
    expect(shared.day).toBe(before.day);
    expect(shared.running).toBe(before.running);
    expect(shared.notices).toBe(before.notices);
  });

  it('shares the unchanged items of a list whose other items changed', () => {
    const before = snapshot();
    const next = snapshot();
    next.day.entries.push({ id: 3 });
    const shared = shareUnchanged(before, next);
    expect(shared.day).not.toBe(before.day);
    expect(shared.day.entries[0]).toBe(before.day.entries[0]);
    expect(shared.day.entries[2]).toEqual({ id: 3 });
    expect(shared.day.week).toBe(before.day.week);
  });

  it('sees a key that appeared, went away or became null as a change', () => {
    const before: Record<string, unknown> = { a: 1, b: { c: 2 } };
    expect(shareUnchanged(before, { a: 1 })).toEqual({ a: 1 });
    expect(shareUnchanged(before, { a: 1, b: { c: 2 }, d: 3 })).not.toBe(before);
    expect(shareUnchanged(before, { a: 1, b: null })).toEqual({ a: 1, b: null });
    expect(shareUnchanged({ running: null }, { running: { id: 1 } })).toEqual({ running: { id: 1 } });
  });
});
