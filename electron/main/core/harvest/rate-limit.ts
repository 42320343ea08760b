// Owns the client-side request budget: N requests per window, counted as Harvest counts them; waited for, never failed.
import type { Clock } from '../ports';

export type Sleep = (ms: number) => Promise<void>;

/** Gives a slot back once the request's answer (or its failure) is in; calling it again does nothing. */
export type Release = () => void;

/**
 * Harvest's whole-millisecond clock, ours, and an edge rule it doesn't document (is a request exactly one window
 * old still in it?) could each cost a millisecond; 10 ms per slot is 0.07 % of a 15 s window.
 */
export const EDGE_MARGIN_MS = 10;

/**
 * Harvest counts a request when it arrives, which is some time after we sent it and before its answer came
 * back. So a request holds its slot while in flight, and its window runs from when its answer arrived: the
 * latest moment Harvest could have counted it. A new request is sent no earlier than a window after that, so
 * it arrives a window after Harvest counted the old one, however slow either trip was. (Counting from when a
 * request was scheduled let 8 of 1,000 quick edits through too early: the old one had reached the server up to
 * 11 ms after its scheduled start, the new one sooner after its own.)
 *
 * Callers take turns (first come, first served), and each checks the clock again after it waits: a timer may
 * fire a millisecond early by the wall clock, and a turn only ends with a slot taken.
 */
export class SlidingWindowLimiter {
  /** When each answered request's answer arrived, oldest first, while it still counts. */
  private readonly answered: number[] = [];
  private inFlight = 0;
  private lastNow = Number.NEGATIVE_INFINITY;
  private turns: Promise<void> = Promise.resolve();
  private readonly waitingForRelease: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {}

  /** `sleep`: the caller's own way to wait (clients sharing one budget may wait differently in tests). */
  async acquire(sleep: Sleep = this.sleep): Promise<Release> {
    const turn = this.turns.then(() => this.takeSlot(sleep));
    this.turns = turn.then(
      () => undefined,
      () => undefined,
    );
    await turn;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.answered.push(this.now());
      for (const wake of this.waitingForRelease.splice(0)) wake();
    };
  }

  private async takeSlot(sleep: Sleep): Promise<void> {
    for (;;) {
      const now = this.now();
      const frees = (answeredAt: number) => answeredAt + this.windowMs + EDGE_MARGIN_MS;
      while (this.answered.length > 0 && frees(this.answered[0] ?? 0) <= now) this.answered.shift();
      if (this.inFlight + this.answered.length < this.limit) {
        this.inFlight++;
        return;
      }
      // An answered slot always frees before an in-flight one, whose answer is still to come.
      const oldest = this.answered[0];
      if (oldest !== undefined) await sleep(frees(oldest) - now);
      else await new Promise<void>((resolve) => this.waitingForRelease.push(resolve));
    }
  }

  /**
   * A wall clock set backwards would make recent answers look hours ahead and strand every request; they are
   * taken as answered just now instead, so the wait is at most one window (never shorter: that risks a 429).
   */
  private now(): number {
    const now = this.clock.now().getTime();
    if (now < this.lastNow) {
      for (let i = 0; i < this.answered.length; i++)
        this.answered[i] = Math.min(this.answered[i] ?? now, now);
    }
    this.lastNow = now;
    return now;
  }
}
