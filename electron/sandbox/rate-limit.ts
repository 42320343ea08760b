// Owns Harvest's request budgets: at most `limit` requests per rolling window per token, timed by the sandbox
// clock (so tests with a fake clock decide when a window frees up). Real responses carry no X-Rate-Limit-*
// headers (none in fastruby/harvesting's recorded traffic, 429 included), so neither does the sandbox.
import type { Clock } from '../../shared/clock';

export interface RateLimitConfig {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly config: RateLimitConfig | false,
    private readonly clock: Clock,
  ) {}

  /** Whether this token may make one more request now; an allowed request counts against the window. */
  take(token: string): boolean {
    if (!this.config) return true;
    const { limit, windowMs } = this.config;
    const now = this.clock.now().getTime();
    // A clock moved backwards by a test must not leave hits stuck in the window forever.
    const recent = (this.hits.get(token) ?? []).filter((at) => at > now - windowMs && at <= now);
    const allowed = recent.length < limit;
    if (allowed) recent.push(now);
    this.hits.set(token, recent);
    return allowed;
  }
}
