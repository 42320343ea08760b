// Tests the client-side sliding-window request budget with a clock moved by hand: slots held while in flight,
// windows run from each answer, turns taken in order, early timers and clocks set backwards.
import { describe, expect, it } from 'vitest';
import { EDGE_MARGIN_MS, SlidingWindowLimiter } from '../../electron/main/core/harvest/rate-limit';
import { FakeClock } from '../fixtures/fake-clock';

function limiter(limit: number, windowMs: number) {
  const clock = new FakeClock('2025-03-04T10:00:00Z');
  const sleeps: number[] = [];
  const budget = new SlidingWindowLimiter(limit, windowMs, clock, async (ms) => {
    sleeps.push(ms);
    clock.advance(ms);
  });
  /** One request that takes `ms` from being sent to its answer. */
  const request = async (ms = 0) => {
    const release = await budget.acquire();
    clock.advance(ms);
    release();
  };
  return { budget, clock, sleeps, request };
}

describe('SlidingWindowLimiter', () => {
  it('lets `limit` requests through at once and makes the next wait until the oldest answer is a window old', async () => {
    const { clock, sleeps, request } = limiter(3, 15_000);
    await request();
    clock.advance(4_000);
    await request();
    await request();
    expect(sleeps).toEqual([]);
    await request();
    // The first answer came at 0 s and it is now 4 s: its slot frees at 15 s (and the margin).
    expect(sleeps).toEqual([11_000 + EDGE_MARGIN_MS]);
  });

  it('slides rather than resets: a slot frees a window after each answer, not at fixed boundaries', async () => {
    const { clock, sleeps, request } = limiter(2, 15_000);
    await request(); // answered at 0
    clock.advance(10_000);
    await request(); // answered at 10
    clock.advance(6_000);
    await request(); // 16: the 0 s slot has left
    expect(sleeps).toEqual([]);
    await request(); // the 10 s slot leaves at 25
    expect(sleeps).toEqual([9_000 + EDGE_MARGIN_MS]);
  });

  it('runs a slow request’s window from its answer, since Harvest may have counted it only just before', async () => {
    const { sleeps, request } = limiter(1, 15_000);
    // Sent at 0, answered at 2 s: Harvest counted it somewhere in between, so the next may leave at 17 s.
    await request(2_000);
    await request();
    expect(sleeps).toEqual([15_000 + EDGE_MARGIN_MS]);
  });

  it('holds a slot while its request is in flight, and the next waits for that answer, then a window', async () => {
    const { budget, clock, sleeps } = limiter(1, 15_000);
    const release = await budget.acquire();
    let second = false;
    const next = budget.acquire().then((r) => {
      second = true;
      return r;
    });
    await Promise.resolve();
    clock.advance(30_000);
    await Promise.resolve();
    // Thirty seconds later the first is still unanswered: nothing else may go, however long it takes.
    expect(second).toBe(false);
    release();
    (await next)();
    expect(sleeps).toEqual([15_000 + EDGE_MARGIN_MS]);
  });

  it('takes concurrent callers in turn, each to its own slot, so waking together never overshoots', async () => {
    const clock = new FakeClock('2025-03-04T10:00:00Z');
    // The clock moves only once the callers already let through have run, as real time would.
    const budget = new SlidingWindowLimiter(2, 1_000, clock, async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      clock.advance(ms);
    });
    const sent: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const release = await budget.acquire();
        sent.push(clock.now().getTime() - Date.parse('2025-03-04T10:00:00Z'));
        release();
      }),
    );
    const w = 1_000 + EDGE_MARGIN_MS;
    expect(sent).toEqual([0, 0, w, w, 2 * w, 2 * w]);
  });

  it('checks the clock again after a timer that fires early, and waits out the rest', async () => {
    const clock = new FakeClock('2025-03-04T10:00:00Z');
    const sleeps: number[] = [];
    // Node's timers run on a monotonic clock: by the wall clock they may fire a millisecond early.
    const budget = new SlidingWindowLimiter(1, 1_000, clock, async (ms) => {
      sleeps.push(ms);
      clock.advance(Math.max(1, ms - 1));
    });
    (await budget.acquire())();
    (await budget.acquire())();
    expect(sleeps).toEqual([1_000 + EDGE_MARGIN_MS, 1]);
  });

  it('releasing twice gives back one slot, not two', async () => {
    const { budget, sleeps } = limiter(2, 1_000);
    const release = await budget.acquire();
    release();
    release();
    (await budget.acquire())();
    (await budget.acquire())();
    expect(sleeps).toEqual([1_000 + EDGE_MARGIN_MS]);
  });

  it('waits at most one window when the wall clock is set backwards, instead of stranding requests', async () => {
    const { clock, sleeps, request } = limiter(1, 15_000);
    await request();
    clock.advance(-3_600_000);
    await request();
    expect(sleeps).toEqual([15_000 + EDGE_MARGIN_MS]);
  });
});
