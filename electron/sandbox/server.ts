// Owns the sandbox Harvest server: a node:http listener speaking Harvest API v2 (under /v2) and Harvest ID
// (under /id) over loopback for the demo accounts and the test suite. Never imports 'electron', so it runs in
// Electron's main process and plain Node.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../shared/clock';
import { AccountBook } from './account-book';
import type { SharedSwitches } from './admin';
import { FaultSwitchboard } from './faults';
import { oauthClient } from './harvest-id/client';
import { GrantBook } from './harvest-id/grants';
import { HARVEST_ID_PATH, answerHarvestId, type HarvestIdContext } from './harvest-id/routes';
import {
  HttpError,
  NOT_FOUND_PAGE,
  badRequest,
  bearerToken,
  isLoopbackHost,
  parseBody,
  readBody,
  send,
  unauthorized,
} from './http';
import { HARVEST_MAX_PER_PAGE } from './pagination';
import { RateLimiter } from './rate-limit';
import { matchRoute, type Answer, type Route } from './router';
import { accountRoutes } from './routes/account';
import { reportRoutes } from './routes/reports';
import { timeEntryRoutes } from './routes/time-entries';
import { SANDBOX_TOKEN } from './seed';
import type { RequestLogEntry, Sandbox, SandboxOptions } from './types';

export type {
  Faults,
  FaultRule,
  HarvestIdAdmin,
  HarvestIdOptions,
  RequestLogEntry,
  Sandbox,
  SandboxAccountInfo,
  SandboxAccountSeed,
  SandboxAdmin,
  SandboxOptions,
} from './types';
export { DEMO_ACCOUNTS, SANDBOX_ACCOUNT_ID, SANDBOX_TOKEN } from './seed';
export { HARVEST_ID_DEFAULTS } from './harvest-id/client';
export { isLoopbackHost } from './http';

const ROUTES: Route[] = [...accountRoutes, ...timeEntryRoutes, ...reportRoutes];
// Harvest's API overview: 100 requests per 15 s per token, and the Reports API only 100 per 15 minutes.
const DEFAULT_RATE_LIMIT = { limit: 100, windowMs: 15_000 };
const DEFAULT_REPORTS_RATE_LIMIT = { limit: 100, windowMs: 15 * 60_000 };
const REPORTS_PATH = /^\/v2\/reports\//;
// The demo runs for days: the log keeps the latest requests and only the newest ones' bodies (what tests read).
const REQUEST_LOG_LIMIT = 5_000;
const REQUEST_LOG_BODIES = 1_000;
const REQUEST_LOG_BODY_CHARS = 16_384;

interface Headers {
  [name: string]: string;
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

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? systemClock;
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.allowRemote)
    throw new Error(
      `The sandbox listens only on loopback (127.0.0.1, ::1, localhost), not "${host}": its token is public. ` +
        'Pass allowRemote to listen there anyway.',
    );
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
  const pendingDelays = new Set<NodeJS.Timeout>();
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
  const harvestId: HarvestIdContext = { client, grants, accounts: book.forHarvestId(), person, reach };

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
  function answer(req: IncomingMessage, raw: string, url: URL): Answer & { headers: Headers } {
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
      const matched = matchRoute(ROUTES, req.method ?? 'GET', url.pathname);
      if (!matched) return { status: 404, body: NOT_FOUND_PAGE, headers };
      const body = req.method === 'GET' ? {} : parseBody(raw, req.headers['content-type']);
      const result = matched.route.handle({
        params: matched.params,
        url,
        body,
        store: account.store,
        maxPerPage,
        pagination,
        companyForbidden: account.switches.companyForbidden,
      });
      return { ...result, headers };
    } catch (error) {
      if (error instanceof HttpError)
        return { status: error.status, body: error.body, headers: { ...headers, ...error.headers } };
      throw error;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const entry: RequestLogEntry = { method, path, status: 0, at: safeNow().toISOString() };
    logRequest(entry);
    const drop = () => {
      log?.(`${method} ${path} -> (connection dropped)`);
      req.socket.destroy();
    };
    const reply = (status: number, body: unknown, headers: Headers = {}) => {
      entry.status = status;
      log?.(`${method} ${path} -> ${status}`);
      send(res, status, body, headers);
    };
    try {
      if (faults.outage) return drop();
      const raw = await readBody(req);
      entry.body = bodyForLog(raw);
      if (faults.latencyMs > 0) await delay(faults.latencyMs);
      if (closed) return;
      const fault = faults.take(method, path);
      if (fault?.kind === 'drop-before') return drop();
      if (fault?.kind === 'hang') return void log?.(`${method} ${path} -> (hanging)`);
      if (fault?.kind === 429) {
        const injected = tooManyRequests();
        return reply(429, injected.body, injected.headers);
      }
      if (fault?.kind === 500) return reply(500, { status: 500, error: 'Internal Server Error' });
      if (fault?.kind === 503) return reply(503, { status: 503, error: 'Service Unavailable' });
      if (!path.startsWith('/')) return reply(404, NOT_FOUND_PAGE);
      // Concatenated, not resolved: a path like //other-host/... must stay a path on this server.
      const url = new URL(`http://${req.headers.host ?? `${host}:${port()}`}${path}`);
      const result = HARVEST_ID_PATH.test(url.pathname)
        ? answerHarvestId(
            {
              method,
              url,
              raw,
              contentType: req.headers['content-type'],
              userAgent: req.headers['user-agent'],
              token: bearerToken(req, url),
            },
            harvestId,
          )
        : answer(req, raw, url);
      if (fault?.kind === 'drop-after') return drop();
      reply(result.status, result.body, result.headers);
    } catch (error) {
      if (error instanceof HttpError) return reply(error.status, error.body, error.headers);
      const line = `sandbox: ${method} ${path} failed: ${(error as Error)?.stack ?? String(error)}`;
      if (log) log(line);
      else console.error(line);
      reply(500, { status: 500, error: 'Internal Server Error' });
    }
  }

  // Last line of defence: whatever escapes a handler closes that one connection, never the process.
  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = () => (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${hostForUrl}:${port()}/v2`,
    token: SANDBOX_TOKEN,
    accountId: book.first.id,
    userId: person.id,
    faults,
    requestLog,
    admin: book.first.admin,
    accounts: book.listed,
    adminFor: (accountId) => book.adminFor(accountId),
    idUrl: `http://${hostForUrl}:${port()}/id`,
    harvestId: {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      revokeGrants: () => grants.revokeAll(),
      expireAccessTokens: () => grants.expireAccessTokens(),
      grants: () => grants.count(),
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        for (const timer of pendingDelays) clearTimeout(timer);
        pendingDelays.clear();
        server.close(() => resolve());
        // Hung requests and keep-alive sockets would otherwise hold close() open forever.
        server.closeAllConnections();
      }),
  };
}
