// Owns one Harvest request end to end: headers, budget, timeout, retries, 429 waits and mapping failures to typed errors.
import type { Clock, Fetch } from '../ports';
import type { RateLimitStatus } from './api';
import {
  BadResponseError,
  ForbiddenError,
  HarvestError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from './errors';
import { SlidingWindowLimiter, type Sleep } from './rate-limit';
import { backoffMs, parseRetryAfter, provablyNeverSent, rateLimitBackoffSeconds } from './retry';
import { ErrorBody } from '../../../../shared/harvest/schemas';

export interface HarvestHttpConfig {
  token: string;
  accountId: string;
  userAgent: string;
  fetch: Fetch;
  clock: Clock;
  timeoutMs: number;
  sleep: Sleep;
  random: () => number;
  maxRetries: number;
}

/**
 * - `repeatable`: sending it twice leaves Harvest as sending it once, so network errors, timeouts and 5xx retry.
 * - `at-most-once`: a second copy could create a second entry; once it may have reached Harvest, a failure
 *   becomes OutcomeUnknownError. Still retried when provably never sent, and on 429 (not processed).
 */
export type RetryPolicy = 'repeatable' | 'at-most-once';

export type Budget = 'general' | 'reports';

export interface HarvestRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  policy: RetryPolicy;
  budget?: Budget;
  /** Statuses that mean "already done" when they answer a repeat of an attempt that may have been applied. */
  doneOnRepeat?: readonly number[];
}

export interface HarvestResponse {
  status: number;
  /** Parsed JSON body; undefined for an empty body. */
  json: unknown;
  /** True when a status in doneOnRepeat answered a repeat: an earlier attempt most likely did the work. */
  doneEarlier: boolean;
}

// Harvest: 100 requests / 15 s in general; the Reports API 100 / 15 min.
const GENERAL_BUDGET = { limit: 100, windowMs: 15_000 };
const REPORTS_BUDGET = { limit: 100, windowMs: 15 * 60_000 };
// Longer than this and the caller (outbox, sync) is better placed to come back later than an awaiting UI.
const LONGEST_RATE_LIMIT_WAIT_S = 15 * 60;

type Attempt =
  | { kind: 'answered'; response: Response; text: string }
  | { kind: 'failed'; error: NetworkError | TimeoutError; neverSent: boolean };

/**
 * Harvest counts requests per token, not per client object: a new client for the same token (a fresh sign-in,
 * a background check after a cold start) must share the budget the last one used, or together they overshoot.
 */
const budgets = new WeakMap<
  Clock,
  Map<string, { general: SlidingWindowLimiter; reports: SlidingWindowLimiter }>
>();

function budgetsFor({ clock, sleep, accountId, token }: HarvestHttpConfig) {
  let byToken = budgets.get(clock);
  if (!byToken) budgets.set(clock, (byToken = new Map()));
  const key = `${accountId}\u0000${token}`;
  let found = byToken.get(key);
  if (!found) {
    found = {
      general: new SlidingWindowLimiter(GENERAL_BUDGET.limit, GENERAL_BUDGET.windowMs, clock, sleep),
      reports: new SlidingWindowLimiter(REPORTS_BUDGET.limit, REPORTS_BUDGET.windowMs, clock, sleep),
    };
    byToken.set(key, found);
  }
  return found;
}

export class HarvestHttp {
  readonly rateLimit: RateLimitStatus = {};
  private readonly general: SlidingWindowLimiter;
  private readonly reports: SlidingWindowLimiter;

  constructor(private readonly config: HarvestHttpConfig) {
    ({ general: this.general, reports: this.reports } = budgetsFor(config));
  }

  async send(request: HarvestRequest): Promise<HarvestResponse> {
    const { maxRetries, sleep, random } = this.config;
    let mayHaveApplied = false;
    let consecutive429s = 0;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const retriesLeft = attempt < maxRetries;
      const result = await this.withinBudget(request, sleep);

      if (result.kind === 'failed') {
        if (!result.neverSent && request.policy === 'at-most-once')
          throw new OutcomeUnknownError(result.error);
        mayHaveApplied ||= !result.neverSent;
        if (!retriesLeft) throw result.error;
        await sleep(backoffMs(attempt, random));
        continue;
      }

      const { response, text } = result;
      this.readRateLimitHeaders(response.headers);
      const status = response.status;
      if (status >= 200 && status < 300) {
        return { status, json: this.parseJson(text), doneEarlier: false };
      }
      if (status === 429) {
        const waitS = this.rateLimitWaitSeconds(response.headers, text, consecutive429s++);
        if (!retriesLeft || waitS > LONGEST_RATE_LIMIT_WAIT_S) throw new RateLimitedError(waitS);
        await sleep(waitS * 1000);
        continue;
      }
      if (status >= 500) {
        if (request.policy === 'at-most-once') throw new OutcomeUnknownError(new ServerError(status));
        mayHaveApplied = true;
        if (!retriesLeft) throw new ServerError(status);
        await sleep(backoffMs(attempt, random));
        continue;
      }
      if (mayHaveApplied && request.doneOnRepeat?.includes(status)) {
        return { status, json: undefined, doneEarlier: true };
      }
      throw this.errorFor(status, text);
    }
    // Unreachable: the last attempt always returns or throws; kept so a refactor can't fall through silently.
    throw new NetworkError();
  }

  /** One attempt inside the budgets: its slots are held until the answer is in, whatever the outcome. */
  private async withinBudget(request: HarvestRequest, sleep: Sleep): Promise<Attempt> {
    const releaseReports = request.budget === 'reports' ? await this.reports.acquire(sleep) : undefined;
    try {
      const releaseGeneral = await this.general.acquire(sleep);
      try {
        return await this.attempt(request);
      } finally {
        releaseGeneral();
      }
    } finally {
      releaseReports?.();
    }
  }

  private async attempt(request: HarvestRequest): Promise<Attempt> {
    const { fetch, timeoutMs } = this.config;
    const signal = AbortSignal.timeout(timeoutMs);
    const init: RequestInit = { method: request.method, headers: this.headers(request), signal };
    if (request.body !== undefined) init.body = JSON.stringify(request.body);
    let response: Response;
    try {
      response = await fetch(request.url, init);
    } catch (error) {
      return this.failed(error, signal, provablyNeverSent(error));
    }
    try {
      // The timeout covers the body too: a server that sends headers and then stalls is still a timeout.
      return { kind: 'answered', response, text: await response.text() };
    } catch (error) {
      return this.failed(error, signal, false);
    }
  }

  private failed(error: unknown, signal: AbortSignal, neverSent: boolean): Attempt {
    if (signal.aborted)
      return { kind: 'failed', error: new TimeoutError(this.config.timeoutMs), neverSent: false };
    return { kind: 'failed', error: new NetworkError(error), neverSent };
  }

  private headers(request: HarvestRequest): Record<string, string> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.config.token}`,
      'Harvest-Account-Id': this.config.accountId,
      'User-Agent': this.config.userAgent,
      Accept: 'application/json',
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    return headers;
  }

  private readRateLimitHeaders(headers: Headers): void {
    const limit = numberHeader(headers, 'X-Rate-Limit-Limit');
    const remaining = numberHeader(headers, 'X-Rate-Limit-Remaining');
    const resetSeconds = numberHeader(headers, 'X-Rate-Limit-Reset');
    if (limit !== undefined) this.rateLimit.limit = limit;
    if (remaining !== undefined) this.rateLimit.remaining = remaining;
    if (resetSeconds !== undefined) this.rateLimit.resetSeconds = resetSeconds;
  }

  /**
   * Real 429s are mostly an empty text/html page with no Retry-After and no X-Rate-Limit-* headers: each hint is
   * read when present (the header, a JSON `retry_after`, the reset header), else Sheaf backs off on its own.
   */
  private rateLimitWaitSeconds(headers: Headers, text: string, consecutive429s: number): number {
    return (
      parseRetryAfter(headers.get('Retry-After'), this.config.clock.now()) ??
      retryAfterInBody(text) ??
      numberHeader(headers, 'X-Rate-Limit-Reset') ??
      rateLimitBackoffSeconds(consecutive429s)
    );
  }

  private parseJson(text: string): unknown {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new BadResponseError('the body is not JSON');
    }
  }

  private errorFor(status: number, text: string): HarvestError {
    const harvestSays = this.redact(harvestMessage(text));
    switch (status) {
      case 401:
        return new UnauthorizedError();
      case 403:
        return new ForbiddenError();
      case 404:
        return new NotFoundError();
      default:
        return new ValidationError(harvestSays ?? `Harvest refused the request (HTTP ${status}).`, status);
    }
  }

  /** Belt and braces: nothing Harvest echoes back may carry the token into an error message or a log. */
  redact(text: string): string;
  redact(text: string | undefined): string | undefined;
  redact(text: string | undefined): string | undefined {
    const { token } = this.config;
    return token === '' ? text : text?.split(token).join('[token]');
  }
}

/** An error body as JSON, or undefined when it is HTML, empty or junk (real 429s are an empty HTML page). */
function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Harvest's own words from an error body: `message`, else `error_description`, else `error`; HTML and junk → none. */
export function harvestMessage(text: string): string | undefined {
  const parsed = ErrorBody.safeParse(jsonOrUndefined(text));
  if (!parsed.success) return undefined;
  const { message, error_description, error } = parsed.data;
  const said = [message, error_description, error].find((s) => s !== undefined && s.trim() !== '');
  // An HTML error page sneaking into a JSON string would be noise in a person's face; keep it short.
  return said === undefined ? undefined : said.trim().slice(0, 300);
}

/** `{"retry_after": 12}` (seconds) when a 429's body is JSON that says so; anything else says nothing. */
export function retryAfterInBody(text: string): number | undefined {
  const json = jsonOrUndefined(text);
  const value =
    typeof json === 'object' && json !== null ? (json as { retry_after?: unknown }).retry_after : undefined;
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
    ? Math.ceil(seconds)
    : undefined;
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
