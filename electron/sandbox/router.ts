// Owns matching a request to its route handler; handlers answer plain values and throw HttpError to refuse.
import { pageStyle, type PageRequest, type PageStyle, type PaginationMode } from './pagination';
import type { SandboxStore } from './store';

export interface RouteContext {
  /** The path's captured groups (ids). */
  params: string[];
  /** Absolute request URL, built from the Host header, for pagination links. */
  url: URL;
  body: Record<string, unknown>;
  store: SandboxStore;
  maxPerPage: number;
  pagination: PaginationMode;
  companyForbidden: boolean;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  pattern: RegExp;
  handle(ctx: RouteContext): Answer;
}

export function matchRoute(routes: Route[], method: string, pathname: string) {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (match) return { route, params: match.slice(1) };
  }
  return undefined;
}

export const ok = (body: unknown): Answer => ({ status: 200, body });

/** What paginate() needs for this request, in the style Harvest documents for the route unless overridden. */
export function pageRequest(ctx: RouteContext, documented: PageStyle): PageRequest {
  return { url: ctx.url, maxPerPage: ctx.maxPerPage, style: pageStyle(ctx.pagination, documented) };
}
