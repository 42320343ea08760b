// Owns what the sandbox's Harvest checks before an API route runs (User-Agent, the token and the account it
// reaches, both rate budgets), then running the route; every refusal comes back as Harvest's answer.
import type { AccountBook } from './account-book';
import { HttpError, NOT_FOUND_PAGE, badRequest, bearerToken, parseRequestBody, unauthorized } from './http';
import type { PaginationMode } from './pagination';
import type { RateLimiter } from './rate-limit';
import { matchRoute, type Answer, type Route } from './router';
import { accountRoutes } from './routes/account';
import { reportRoutes } from './routes/reports';
import { timeEntryRoutes } from './routes/time-entries';

const ROUTES: Route[] = [...accountRoutes, ...timeEntryRoutes, ...reportRoutes];
const REPORTS_PATH = /^\/v2\/reports\//;

export type Headers = Record<string, string>;

/** One API request as the gate reads it. */
export interface ApiRequest {
  method: string;
  headers: Record<string, string | undefined>;
  raw: string;
}

export interface ApiGate {
  book: AccountBook;
  /** The accounts a bearer token reaches (undefined: none, the token is no good). */
  reach(token: string | undefined): readonly string[] | undefined;
  rateLimiter: RateLimiter;
  reportsLimiter: RateLimiter;
  maxPerPage: number;
  pagination: PaginationMode;
  tooManyRequests(): HttpError;
}

/** Everything Harvest checks before a route runs, then the route itself; refusals come back as answers. */
export function answerApi(req: ApiRequest, url: URL, gate: ApiGate): Answer & { headers: Headers } {
  const headers: Headers = {};
  try {
    if (!req.headers['user-agent']?.trim()) throw badRequest('User-Agent header is required');
    const token = bearerToken(req, url);
    const account = gate.book.harvestAccount(
      req.headers['harvest-account-id'] ?? url.searchParams.get('account_id'),
    );
    // A Forecast account's id, or one the token wasn't granted, is refused like an unknown one.
    if (!account || !token || !gate.reach(token)?.includes(account.id)) throw unauthorized();
    if (!gate.rateLimiter.take(token)) throw gate.tooManyRequests();
    // A report request spends from both budgets; the general one counts it even when Reports refuse it.
    if (REPORTS_PATH.test(url.pathname) && !gate.reportsLimiter.take(token)) throw gate.tooManyRequests();
    const matched = matchRoute(ROUTES, req.method, url.pathname);
    if (!matched) return { status: 404, body: NOT_FOUND_PAGE, headers };
    const body = req.method === 'GET' ? {} : parseRequestBody(req.raw, req.headers['content-type']);
    const result = matched.route.handle({
      params: matched.params,
      url,
      body,
      store: account.store,
      maxPerPage: gate.maxPerPage,
      pagination: gate.pagination,
      companyForbidden: account.switches.companyForbidden,
    });
    return { ...result, headers: { ...headers, ...result.headers } };
  } catch (error) {
    if (error instanceof HttpError)
      return { status: error.status, body: error.body, headers: { ...headers, ...error.headers } };
    throw error;
  }
}
