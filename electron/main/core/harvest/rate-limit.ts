// Owns the client-side request budget: a sliding window of N requests per window, waited for, never failed.
import type { Clock } from '../ports';

export type Sleep = (ms: number) => Promise<void>;

/**
 * Each caller reserves the earliest start time that keeps every window under the limit, synchronously,
 * before it sleeps; so concurrent callers never wake up together and overshoot the budget.
 */
export class SlidingWindowLimiter {
  /** Start times handed out, oldest first (non-decreasing). */
  private readonly starts: number[] = [];
  private lastNow = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {}

  /** `sleep`: the caller's own way to wait (clients sharing one budget may wait differently in tests). */
  async acquire(sleep: Sleep = this.sleep): Promise<void> {
    const now = this.clock.now().getTime();
    // A wall clock set backwards would make the old schedule look hours ahead and strand every request.
    if (now < this.lastNow) this.starts.length = 0;
    this.lastNow = now;
    // Starts a whole window ago no longer count; the scheduling below never looks past them.
    while (this.starts.length > 0 && (this.starts[0] ?? 0) + this.windowMs <= now) this.starts.shift();
    const blocking =
      this.starts.length >= this.limit ? this.starts[this.starts.length - this.limit] : undefined;
    const start = blocking === undefined ? now : Math.max(now, blocking + this.windowMs);
    this.starts.push(start);
    if (start > now) await sleep(start - now);
  }
}
