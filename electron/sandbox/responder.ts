// Owns answering one request to the sandbox Harvest, whatever carried it: the loopback listener (server.ts) or
// the fault simulation's in-process network, which must answer exactly as the listener does without a socket.
import { systemClock } from '../../shared/clock';
import { AccountBook } from './account-book';
import type { SharedSwitches } from './admin';
import { FaultSwitchboard } from './faults';
import { oauthClient } from './harvest-id/client';
import { GrantBook } from './harvest-id/grants';
import { HARVEST_ID_PATH, answerHarvestId, type HarvestIdContext, type Person } from './harvest-id/routes';
import { answerApi, type ApiGate, type Headers } from './api-gate';
import { HttpError, NOT_FOUND_PAGE, bearerToken } from './http';
import { HARVEST_MAX_PER_PAGE } from './pagination';
import { RateLimiter } from './rate-limit';
import { SANDBOX_TOKEN } from './seed';
import type { FaultRule, RequestLogEntry, Sandbox, SandboxOptions } from './types';

// Harvest's API overview: 100 requests per 15 s per token, and the Reports API only 100 per 15 minutes.
const DEFAULT_RATE_LIMIT = { limit: 100, windowMs: 15_000 };
const DEFAULT_REPORTS_RATE_LIMIT = { limit: 100, windowMs: 15 * 60_000 };
// The demo runs for days: the log keeps the latest requests and only the newest ones' bodies (what tests read).
const REQUEST_LOG_LIMIT = 5_000;
const REQUEST_LOG_BODIES = 1_000;
const REQUEST_LOG_BODY_CHARS = 16_384;

export type { Headers };

/** One request as it arrived: lower-case header names, the path with its query, the body as text. */
export interface SandboxRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  raw: string;
  /** Where it was addressed ("127.0.0.1:43123"), for the pagination links. */
  host: string;
}

/** An answer to send, or a connection to drop, or one to leave hanging (the injected faults). */
export type SandboxReply =
  { kind: 'answer'; status: number; body: unknown; headers: Headers } | { kind: 'drop' } | { kind: 'hang' };

/** The sandbox without its listener: what `startSandbox` serves, plus `respond`. */
export interface SandboxCore extends Omit<Sandbox, 'url' | 'idUrl' | 'close'> {
  respond(request: SandboxRequest): Promise<SandboxReply>;
  /** Stops answering: delayed answers are dropped. */
  close(): void;
}

function bodyForLog(raw: string): unknown {
  if (raw === '') return undefined;
  if (raw.length > REQUEST_LOG_BODY_CHARS) return `(${raw.length} characters, not kept)`;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** Answers held back by the fault switchboard's latency; closing the sandbox drops them. */
class Delays {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();

  wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.add(timer);
    });
  }

  cancel(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}

/** What an injected 429, 500 or 503 answers in Harvest's place; other faults (drops, hangs) answer nothing. */
function injectedAnswer(
  kind: FaultRule['kind'],
  tooManyRequests: () => HttpError,
): { status: number; body: unknown; headers?: Headers } | null {
  if (kind === 429) {
    const { body, headers } = tooManyRequests();
    return { status: 429, body, headers };
  }
  if (kind === 500) return { status: 500, body: { status: 500, error: 'Internal Server Error' } };
  if (kind === 503) return { status: 503, body: { status: 503, error: 'Service Unavailable' } };
  return null;
}

/** The back door to Harvest ID: its client, and its grants to revoke, expire and count. */
function harvestIdAdmin(
  client: ReturnType<typeof oauthClient>,
  grants: GrantBook,
  signInAs: (someone?: Person) => void,
): Sandbox['harvestId'] {
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    revokeGrants: () => grants.revokeAll(),
    expireAccessTokens: () => grants.expireAccessTokens(),
    grants: () => grants.count(),
    signInAs,
  };
}

/** The request log must not be the thing that fails when a test's clock misbehaves. */
function safeNow(clock: { now(): Date }): Date {
  try {
    return clock.now();
  } catch {
    return new Date();
  }
}

/** Keeps the newest requests, and the bodies of only the newest of those (what tests read). */
function keepInLog(requestLog: RequestLogEntry[], entry: RequestLogEntry): void {
  requestLog.push(entry);
  if (requestLog.length > REQUEST_LOG_LIMIT) requestLog.splice(0, requestLog.length - REQUEST_LOG_LIMIT);
  const aged = requestLog[requestLog.length - 1 - REQUEST_LOG_BODIES];
  if (aged) delete aged.body;
}

export function createSandboxCore(options: SandboxOptions = {}): SandboxCore {
  const clock = options.clock ?? systemClock;
  const maxPerPage = options.maxPerPage ?? HARVEST_MAX_PER_PAGE;
  const log = options.log;
  const requestLog: RequestLogEntry[] = [];
  const shared: SharedSwitches = { tokenRevoked: false, requestLog };
  const book = new AccountBook(options, clock, shared);
  const client = oauthClient(options.harvestId);
  const grants = new GrantBook(client, clock);
  const faults = new FaultSwitchboard();
  const rateLimiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, clock);
  const reportsLimiter = new RateLimiter(options.reportsRateLimit ?? DEFAULT_REPORTS_RATE_LIMIT, clock);
  const pagination = options.pagination ?? 'documented';
  const delays = new Delays();
  let closed = false;

  // The same person in every account (Harvest ID is one login across them).
  const person = book.first.store.account.user;

  /**
   * The accounts a bearer token reaches. Harvest's personal token reaches every account of its person; an OAuth
   * access token the accounts its grant was allowed, until it expires or the grant is revoked.
   */
  const reach = (token: string | undefined): readonly string[] | undefined => {
    if (token === undefined) return undefined;
    if (token === SANDBOX_TOKEN) return shared.tokenRevoked ? undefined : book.allIds();
    return grants.accountsFor(token);
  };
  let browserPerson: Person = person;
  const harvestId: HarvestIdContext = {
    client,
    grants,
    accounts: book.forHarvestId(),
    person,
    browserPerson: () => browserPerson,
    reach,
  };

  // Harvest's 429 is an empty HTML page with no Retry-After; a test may ask for the header (omitRetryAfter).
  const tooManyRequests = (): HttpError =>
    new HttpError(429, '', faults.omitRetryAfter ? {} : { 'Retry-After': String(faults.retryAfterSeconds) });

  const gate: ApiGate = { book, reach, rateLimiter, reportsLimiter, maxPerPage, pagination, tooManyRequests };

  async function respond(req: SandboxRequest): Promise<SandboxReply> {
    const { method, path } = req;
    const entry: RequestLogEntry = { method, path, status: 0, at: safeNow(clock).toISOString() };
    keepInLog(requestLog, entry);
    const drop = (): SandboxReply => {
      log?.(`${method} ${path} -> (connection dropped)`);
      return { kind: 'drop' };
    };
    const reply = (status: number, body: unknown, headers: Headers = {}): SandboxReply => {
      entry.status = status;
      log?.(`${method} ${path} -> ${status}`);
      return { kind: 'answer', status, body, headers };
    };
    try {
      if (faults.outage) return drop();
      entry.body = bodyForLog(req.raw);
      if (faults.latencyMs > 0) await delays.wait(faults.latencyMs);
      if (closed) return { kind: 'hang' };
      const fault = faults.take(method, path);
      if (fault?.kind === 'drop-before') return drop();
      if (fault?.kind === 'hang') {
        log?.(`${method} ${path} -> (hanging)`);
        return { kind: 'hang' };
      }
      const injected = fault ? injectedAnswer(fault.kind, tooManyRequests) : null;
      if (injected) return reply(injected.status, injected.body, injected.headers);
      if (!path.startsWith('/')) return reply(404, NOT_FOUND_PAGE);
      // Concatenated, not resolved: a path like //other-host/... must stay a path on this server.
      const url = new URL(`http://${req.host}${path}`);
      const result = HARVEST_ID_PATH.test(url.pathname)
        ? answerHarvestId(
            {
              method,
              url,
              raw: req.raw,
              contentType: req.headers['content-type'],
              userAgent: req.headers['user-agent'],
              token: bearerToken(req, url),
            },
            harvestId,
          )
        : answerApi(req, url, gate);
      if (fault?.kind === 'drop-after') return drop();
      return reply(result.status, result.body, result.headers);
    } catch (error) {
      if (error instanceof HttpError) return reply(error.status, error.body, error.headers);
      const line = `sandbox: ${method} ${path} failed: ${(error as Error)?.stack ?? String(error)}`;
      if (log) log(line);
      else console.error(line);
      return reply(500, { status: 500, error: 'Internal Server Error' });
    }
  }

  return {
    respond,
    token: SANDBOX_TOKEN,
    accountId: book.first.id,
    userId: person.id,
    faults,
    requestLog,
    admin: book.first.admin,
    accounts: book.listed,
    adminFor: (accountId) => book.adminFor(accountId),
    harvestId: harvestIdAdmin(client, grants, (someone) => void (browserPerson = someone ?? person)),
    close: () => {
      closed = true;
      delays.cancel();
    },
  };
}
