// Owns answering one request to the sandbox Harvest, whatever carried it: the loopback listener (server.ts) or
// the fault simulation's in-process network, which must answer exactly as the listener does without a socket.
import { systemClock } from '../../shared/clock';
import { AccountBook } from './account-book';
import type { SharedSwitches } from './admin';
import { FaultSwitchboard } from './faults';
import { oauthClient } from './harvest-id/client';
import { GrantBook } from './harvest-id/grants';
import { HARVEST_ID_PATH, answerHarvestId, type HarvestIdContext, type Person } from './harvest-id/routes';
import { HttpError, NOT_FOUND_PAGE, badRequest, bearerToken, parseRequestBody, unauthorized } from './http';
import { HARVEST_MAX_PER_PAGE } from './pagination';
import { RateLimiter } from './rate-limit';
import { matchRoute, type Answer, type Route } from './router';
import { accountRoutes } from './routes/account';
import { reportRoutes } from './routes/reports';
import { timeEntryRoutes } from './routes/time-entries';
import { SANDBOX_TOKEN } from './seed';
import type { RequestLogEntry, Sandbox, SandboxOptions } from './types';

const ROUTES: Route[] = [...accountRoutes, ...timeEntryRoutes, ...reportRoutes];
// Harvest's API overview: 100 requests per 15 s per token, and the Reports API only 100 per 15 minutes.
const DEFAULT_RATE_LIMIT = { limit: 100, windowMs: 15_000 };
const DEFAULT_REPORTS_RATE_LIMIT = { limit: 100, windowMs: 15 * 60_000 };
const REPORTS_PATH = /^\/v2\/reports\//;
// The demo runs for days: the log keeps the latest requests and only the newest ones' bodies (what tests read).
const REQUEST_LOG_LIMIT = 5_000;
const REQUEST_LOG_BODIES = 1_000;
const REQUEST_LOG_BODY_CHARS = 16_384;

export type Headers = Record<string, string>;

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
  const rateLimiter = new RateLimiter(
    options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit,
    clock,
  );
  const reportsLimiter = new RateLimiter(
    options.reportsRateLimit === undefined ? DEFAULT_REPORTS_RATE_LIMIT : options.reportsRateLimit,
    clock,
  );
  const pagination = options.pagination ?? 'documented';
  const pendingDelays = new Set<ReturnType<typeof setTimeout>>();
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

  // The request log must not be the thing that fails when a test's clock misbehaves.
  const safeNow = () => {
    try {
      return clock.now();
    } catch {
      return new Date();
    }
  };

  function logRequest(entry: RequestLogEntry) {
    requestLog.push(entry);
    if (requestLog.length > REQUEST_LOG_LIMIT) requestLog.splice(0, requestLog.length - REQUEST_LOG_LIMIT);
    const aged = requestLog[requestLog.length - 1 - REQUEST_LOG_BODIES];
    if (aged) delete aged.body;
  }

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        resolve();
      }, ms);
      pendingDelays.add(timer);
    });

  // Harvest's 429 is an empty HTML page with no Retry-After; a test may ask for the header (omitRetryAfter).
  const tooManyRequests = (): HttpError =>
    new HttpError(429, '', faults.omitRetryAfter ? {} : { 'Retry-After': String(faults.retryAfterSeconds) });

  /** Everything Harvest checks before a route runs, then the route itself; refusals come back as answers. */
  function answer(req: SandboxRequest, url: URL): Answer & { headers: Headers } {
    const headers: Headers = {};
    try {
      if (!req.headers['user-agent']?.trim()) throw badRequest('User-Agent header is required');
      const token = bearerToken(req, url);
      const account = book.harvestAccount(
        req.headers['harvest-account-id'] ?? url.searchParams.get('account_id'),
      );
      // A Forecast account's id, or one the token wasn't granted, is refused like an unknown one.
      if (!account || !token || !reach(token)?.includes(account.id)) throw unauthorized();
      if (!rateLimiter.take(token)) throw tooManyRequests();
      // A report request spends from both budgets; the general one counts it even when Reports refuse it.
      if (REPORTS_PATH.test(url.pathname) && !reportsLimiter.take(token)) throw tooManyRequests();
      const matched = matchRoute(ROUTES, req.method, url.pathname);
      if (!matched) return { status: 404, body: NOT_FOUND_PAGE, headers };
      const body = req.method === 'GET' ? {} : parseRequestBody(req.raw, req.headers['content-type']);
      const result = matched.route.handle({
        params: matched.params,
        url,
        body,
        store: account.store,
        maxPerPage,
        pagination,
        companyForbidden: account.switches.companyForbidden,
      });
      return { ...result, headers: { ...headers, ...result.headers } };
    } catch (error) {
      if (error instanceof HttpError)
        return { status: error.status, body: error.body, headers: { ...headers, ...error.headers } };
      throw error;
    }
  }

  async function respond(req: SandboxRequest): Promise<SandboxReply> {
    const { method, path } = req;
    const entry: RequestLogEntry = { method, path, status: 0, at: safeNow().toISOString() };
    logRequest(entry);
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
      if (faults.latencyMs > 0) await delay(faults.latencyMs);
      if (closed) return { kind: 'hang' };
      const fault = faults.take(method, path);
      if (fault?.kind === 'drop-before') return drop();
      if (fault?.kind === 'hang') {
        log?.(`${method} ${path} -> (hanging)`);
        return { kind: 'hang' };
      }
      if (fault?.kind === 429) {
        const injected = tooManyRequests();
        return reply(429, injected.body, injected.headers);
      }
      if (fault?.kind === 500) return reply(500, { status: 500, error: 'Internal Server Error' });
      if (fault?.kind === 503) return reply(503, { status: 503, error: 'Service Unavailable' });
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
        : answer(req, url);
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
    harvestId: {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      revokeGrants: () => grants.revokeAll(),
      expireAccessTokens: () => grants.expireAccessTokens(),
      grants: () => grants.count(),
      signInAs: (someone) => void (browserPerson = someone ?? person),
    },
    close: () => {
      closed = true;
      for (const timer of pendingDelays) clearTimeout(timer);
      pendingDelays.clear();
    },
  };
}
