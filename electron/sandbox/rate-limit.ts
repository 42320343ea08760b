// Owns Harvest's request budget: at most `limit` requests per rolling window per token, timed by the sandbox
// clock (so tests with a fake clock decide when the window frees up), and the X-Rate-Limit-* headers.
import type { Clock } from '../main/core/ports';

export interface RateLimitConfig {
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly config: RateLimitConfig | false,
    private readonly clock: Clock,
  ) {}

  take(token: string): RateDecision {
    if (!this.config) return { allowed: true, headers: {} };
    const { limit, windowMs } = this.config;
    const now = this.clock.now().getTime();
    // A clock moved backwards by a test must not leave hits stuck in the window forever.
    const recent = (this.hits.get(token) ?? []).filter((at) => at > now - windowMs && at <= now);
    const allowed = recent.length < limit;
    if (allowed) recent.push(now);
    this.hits.set(token, recent);
    const oldest = recent[0];
    const resetMs = oldest === undefined ? windowMs : oldest + windowMs - now;
    return {
      allowed,
      headers: {
        'X-Rate-Limit-Limit': String(limit),
        'X-Rate-Limit-Remaining': String(Math.max(0, limit - recent.length)),
        'X-Rate-Limit-Reset': String(Math.max(0, Math.ceil(resetMs / 1000))),
      },
    };
  }
}
