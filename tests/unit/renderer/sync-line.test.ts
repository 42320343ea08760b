// The sync line's words while Harvest can't be reached: one steady sentence, and when the next try is.
import { describe, expect, it } from 'vitest';
import { retryText, syncLineText } from '../../../renderer/src/lib/syncLine';
import type { SyncStatus } from '../../../shared/state';

const now = Date.parse('2026-12-06T10:00:00Z');
const offline = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  state: 'offline',
  pending: 2,
  lastSyncedAt: null,
  message: null,
  retryAt: new Date(now + 30_000).toISOString(),
  ...over,
});

describe('the sync line offline', () => {
  it('reads "Offline · 2 changes waiting · trying again in 30 s"', () => {
    expect(`${syncLineText(offline(), now, '24h')} · ${retryText(offline(), now)}`).toBe(
      'Offline · 2 changes waiting · trying again in 30 s',
    );
  });

  it('counts down calmly, in steps of five seconds, then minutes, then "now"', () => {
    const at = (ms: number) => retryText(offline({ retryAt: new Date(now + ms).toISOString() }), now);
    expect(at(12_300)).toBe('trying again in 15 s');
    expect(at(54_000)).toBe('trying again in 55 s');
    expect(at(59_000)).toBe('trying again in 1 min');
    expect(at(61_000)).toBe('trying again in 2 min');
    expect(at(-500)).toBe('trying again now');
  });

  it('says nothing about trying again when nothing waits, or when all is well', () => {
    expect(retryText(offline({ pending: 0 }), now)).toBeNull();
    expect(retryText(offline({ state: 'idle' }), now)).toBeNull();
    expect(retryText(offline({ retryAt: null }), now)).toBeNull();
  });

  it('names the trouble in Harvest’s words, with what waits', () => {
    const down = offline({ state: 'error', message: 'Harvest is down' });
    expect(syncLineText(down, now, '24h')).toBe('Harvest is down · 2 changes waiting');
    expect(retryText(down, now)).toBe('trying again in 30 s');
  });
});
