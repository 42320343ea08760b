// Tests the retry rules: backoff bounds, Retry-After parsing, and which failures prove a request was never sent.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  parseRetryAfter,
  provablyNeverSent,
  rateLimitBackoffSeconds,
} from '../../electron/main/core/harvest/retry';

const now = new Date('2025-03-04T10:00:00Z');

describe('backoff', () => {
  it('grows exponentially under a cap, scaled by the jitter', () => {
    expect([0, 1, 2, 3].map((a) => backoffMs(a, () => 0.999999))).toEqual([499, 999, 1999, 3999]);
    expect(backoffMs(10, () => 0.5)).toBe(10_000);
    expect(backoffMs(3, () => 0)).toBe(0);
  });

  it('waits out a whole 15 s window after a bare 429, doubling up to 15 minutes', () => {
    expect([0, 1, 2, 3, 10].map(rateLimitBackoffSeconds)).toEqual([15, 30, 60, 120, 900]);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores junk', () => {
    expect(parseRetryAfter('15', now)).toBe(15);
    expect(parseRetryAfter(' 2.5 ', now)).toBe(3);
    expect(parseRetryAfter('Tue, 04 Mar 2025 10:00:20 GMT', now)).toBe(20);
    expect(parseRetryAfter('Tue, 04 Mar 2025 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('provablyNeverSent', () => {
  it('is true for the error Node fetch throws when the port is closed', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const error = await fetch(`http://127.0.0.1:${port}/v2/users/me`).catch((e: unknown) => e);
    expect(provablyNeverSent(error)).toBe(true);
  });

  it('looks through cause chains and AggregateErrors, and reads Electron net errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED' });
    expect(provablyNeverSent(new TypeError('fetch failed', { cause: new AggregateError([refused]) }))).toBe(
      true,
    );
    expect(provablyNeverSent(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }))).toBe(true);
    expect(provablyNeverSent(new Error('net::ERR_NAME_NOT_RESOLVED'))).toBe(true);
    expect(provablyNeverSent(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe(true);
  });

  it('is false for anything that may have reached the server', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' });
    expect(provablyNeverSent(new TypeError('fetch failed', { cause: reset }))).toBe(false);
    expect(provablyNeverSent(new Error('net::ERR_CONNECTION_RESET'))).toBe(false);
    expect(provablyNeverSent(new DOMException('The operation timed out.', 'TimeoutError'))).toBe(false);
    expect(provablyNeverSent('fetch failed')).toBe(false);
  });

  it('stops on a cyclic cause chain', () => {
    const a: { cause?: unknown } = {};
    a.cause = { cause: a };
    expect(provablyNeverSent(a)).toBe(false);
  });
});
