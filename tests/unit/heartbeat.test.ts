// Tests core's one wake-up a minute: jobs share a single interval, each at its own count of beats, and nothing
// runs once the last job or the heartbeat is gone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beatMs, Heartbeat } from '../../electron/main/core/base/heartbeat';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('Heartbeat', () => {
  it('runs every job from one interval, each every so many beats', () => {
    const heartbeat = new Heartbeat();
    const check = vi.fn();
    const refresh = vi.fn();
    heartbeat.every(1, check);
    heartbeat.every(2, refresh);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(4 * beatMs);
    expect(check).toHaveBeenCalledTimes(4);
    expect(refresh).toHaveBeenCalledTimes(2);
    heartbeat.dispose();
  });

  it('stops its interval when the last job leaves, and starts none after dispose', () => {
    const heartbeat = new Heartbeat();
    const job = vi.fn();
    const handle = heartbeat.every(1, job);
    handle.dispose();
    expect(vi.getTimerCount()).toBe(0);
    heartbeat.every(1, job).dispose();
    heartbeat.dispose();
    heartbeat.every(1, job);
    vi.advanceTimersByTime(3 * beatMs);
    expect(job).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
