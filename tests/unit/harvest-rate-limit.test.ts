// Tests the client-side sliding-window request budget with a clock moved by hand.
import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../electron/main/core/harvest/rate-limit';
import { FakeClock } from '../fixtures/fake-clock';

function limiter(limit: number, windowMs: number) {
  const clock = new FakeClock('2025-03-04T10:00:00Z');
  const sleeps: number[] = [];
  const budget = new SlidingWindowLimiter(limit, windowMs, clock, async (ms) => {
    sleeps.push(ms);
    clock.advance(ms);
  });
  return { budget, clock, sleeps };
}

describe('SlidingWindowLimiter', () => {
  it('lets `limit` requests through at once and makes the next wait for the oldest to leave the window', async () => {
    const { budget, clock, sleeps } = limiter(3, 15_000);
    await budget.acquire();
    clock.advance(4_000);
    await budget.acquire();
    await budget.acquire();
    expect(sleeps).toEqual([]);
    await budget.acquire();
    // The first request was at 0 s and it is now 4 s: its slot frees at 15 s.
    expect(sleeps).toEqual([11_000]);
  });

  it('slides rather than resets: a slot frees 15 s after each request, not at fixed boundaries', async () => {
    const { budget, clock, sleeps } = limiter(2, 15_000);
    await budget.acquire(); // t=0
    clock.advance(10_000);
    await budget.acquire(); // t=10
    clock.advance(6_000);
    await budget.acquire(); // t=16: the t=0 slot has left
    expect(sleeps).toEqual([]);
    await budget.acquire(); // the t=10 slot leaves at 25
    expect(sleeps).toEqual([9_000]);
  });

  it('gives concurrent callers distinct slots so waking together never overshoots', async () => {
    const clock = new FakeClock('2025-03-04T10:00:00Z');
    const sleeps: number[] = [];
    // This sleep leaves the clock alone, so each wait is what was reserved at the same instant.
    const budget = new SlidingWindowLimiter(2, 1_000, clock, async (ms) => void sleeps.push(ms));
    await Promise.all(Array.from({ length: 6 }, () => budget.acquire()));
    expect(sleeps).toEqual([1_000, 1_000, 2_000, 2_000]);
  });

  it('forgets its schedule when the wall clock is set backwards instead of stranding requests', async () => {
    const { budget, clock, sleeps } = limiter(1, 15_000);
    await budget.acquire();
    clock.advance(-3_600_000);
    await budget.acquire();
    expect(sleeps).toEqual([]);
  });
});
