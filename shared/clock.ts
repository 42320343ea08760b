// Owns the wall clock every side reads time from, injected so tests, the sandbox and core can share one fake.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
