// Owns one request to Harvest ID (token and accounts endpoints): User-Agent, timeout, one attempt, and the answers
// every endpoint shares mapped to the Harvest client's typed errors.
import type { z } from 'zod';
import type { Clock, Fetch } from '../ports';
import { DEFAULT_USER_AGENT } from '../harvest/client';
import {
  BadResponseError,
  ForbiddenError,
  HarvestError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../harvest/errors';
import { harvestMessage } from '../harvest/http';
import { parseRetryAfter, rateLimitBackoffSeconds } from '../harvest/retry';
import { SignInCancelledError } from './errors';

export interface IdRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Form-encoded (RFC 6749 §4.1.3 and §6 ask for application/x-www-form-urlencoded). */
  form?: URLSearchParams;
  fetch: Fetch;
  userAgent?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** What a failed connection says: signing in and refreshing in the background want different words. */
  unreachable?: string;
}

export interface IdAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One attempt, no retries: an authorization code works once, and Harvest may retire a refresh token the moment
 * it is used, so a blind second send could spend the grant. The caller (TokenSource, the person) tries again.
 */
export async function idRequest(r: IdRequest): Promise<IdAnswer> {
  const timeoutMs = r.timeoutMs ?? 15_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = r.signal ? AbortSignal.any([r.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    // Harvest asks every API client to name itself in User-Agent; the same one the API client sends.
    'User-Agent': r.userAgent ?? DEFAULT_USER_AGENT,
    Accept: 'application/json',
    ...r.headers,
  };
  if (r.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  try {
    const response = await r.fetch(r.url, { method: r.method, headers, body: r.form?.toString(), signal });
    // The timeout covers the body too, as in the API client.
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if (r.signal?.aborted) throw new SignInCancelledError();
    if (timeout.aborted) throw new TimeoutError(timeoutMs);
    throw new NetworkError(error, r.unreachable);
  }
}

/** The answers every Harvest ID endpoint shares; endpoint-specific ones (invalid_grant, …) are mapped first. */
export function idError(answer: IdAnswer, clock: Clock, redact: (text: string) => string): HarvestError {
  const { status, headers, text } = answer;
  if (status === 401) return new UnauthorizedError();
  if (status === 403) return new ForbiddenError();
  if (status === 429)
    return new RateLimitedError(
      parseRetryAfter(headers.get('Retry-After'), clock.now()) ?? rateLimitBackoffSeconds(0),
    );
  if (status >= 500) return new ServerError(status);
  const said = harvestMessage(text);
  return new ValidationError(
    said ? redact(said) : `Harvest ID refused the request (HTTP ${status}).`,
    status,
  );
}

/**
 * A 2xx body checked against its schema, the reason naming the first bad field and never a value (the body holds
 * tokens). As client.ts's private parse() does, plus the JSON step HarvestHttp does for it there.
 */
export function parseBody<S extends z.ZodType>(schema: S, text: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadResponseError('the body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.join('.') || 'body';
  throw new BadResponseError(`${where} is missing or not what Harvest ID sends`);
}
