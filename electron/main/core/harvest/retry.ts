// Owns when and how long the Harvest client waits before trying again, and which failures prove nothing was sent.

/** Exponential backoff with full jitter (AWS Architecture Blog): spreads retries of many clients apart. */
export function backoffMs(attempt: number, random: () => number, baseMs = 500, capMs = 20_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** The real API often answers 429 with no Retry-After; waiting out a whole 15 s window first is the safe guess. */
export function rateLimitBackoffSeconds(consecutive429s: number): number {
  return Math.min(15 * 2 ** consecutive429s, 15 * 60);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); returns seconds, or undefined. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

// Node/undici report the failing syscall; a failed connect() or DNS lookup happens before any request byte.
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const NEVER_SENT_SYSCALLS = new Set(['connect', 'getaddrinfo']);
// Electron's net.fetch reports Chromium net errors by name in the message.
const NEVER_SENT_CHROMIUM =
  /net::ERR_(CONNECTION_REFUSED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE)\b/;

/**
 * True only when the error proves the request never left this machine (refused connection, failed DNS),
 * so even a create can be sent again without risking a duplicate. Anything else may have reached Harvest.
 */
export function provablyNeverSent(error: unknown): boolean {
  const pending: unknown[] = [error];
  // Bounded: cause chains and AggregateErrors are shallow; a cyclic chain must not spin forever.
  for (let visited = 0; pending.length > 0 && visited < 50; visited++) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null) continue;
    const { code, syscall, message, cause, errors } = current as {
      code?: unknown;
      syscall?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && NEVER_SENT_CODES.has(code)) return true;
    if (typeof syscall === 'string' && NEVER_SENT_SYSCALLS.has(syscall)) return true;
    if (typeof message === 'string' && NEVER_SENT_CHROMIUM.test(message)) return true;
    if (cause !== undefined) pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}
