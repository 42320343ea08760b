// Checks the one lifecycle: disposing a store stops every timer and listener it holds, and nothing starts after.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisposableStore } from '../../electron/main/core/base/lifecycle';

afterEach(() => {
  vi.useRealTimers();
});

describe('a disposable store', () => {
  it('runs a timeout once, then forgets it', () => {
    vi.useFakeTimers();
    const store = new DisposableStore();
    const fn = vi.fn();
    store.timeout(fn, 100);
    vi.advanceTimersByTime(250);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('stops its timeouts, intervals and listeners when disposed', () => {
    vi.useFakeTimers();
    const store = new DisposableStore();
    const fn = vi.fn();
    const listener = { dispose: vi.fn() };
    store.timeout(fn, 100);
    store.interval(fn, 50);
    store.add(listener);
    store.dispose();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    expect(listener.dispose).toHaveBeenCalledTimes(1);
  });

  it('starts nothing once disposed: what is added then is disposed at once', () => {
    vi.useFakeTimers();
    const store = new DisposableStore();
    store.dispose();
    const fn = vi.fn();
    store.timeout(fn, 10);
    const late = store.add({ dispose: vi.fn() });
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled();
    expect(late.dispose).toHaveBeenCalledTimes(1);
  });

  it('stops one item early without touching the rest', () => {
    vi.useFakeTimers();
    const store = new DisposableStore();
    const first = vi.fn();
    const second = vi.fn();
    const handle = store.timeout(first, 100);
    store.timeout(second, 100);
    store.delete(handle);
    vi.advanceTimersByTime(200);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
