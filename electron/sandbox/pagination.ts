// Owns Harvest's list envelope: page/per_page handling and the absolute first/next/previous/last links.
import { unprocessable } from './http';

export const HARVEST_MAX_PER_PAGE = 2000;

export interface PageRequest {
  /** The request's own URL (absolute, from its Host header): links keep its other query parameters. */
  url: URL;
  maxPerPage: number;
}

function readPositive(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw unprocessable(`${name} must be a positive integer`);
  return Number(raw);
}

/** `render` runs on the page's items only, so a long list isn't rendered in full to serve one page. */
export function paginate<K extends string, T, R = T>(
  key: K,
  items: T[],
  request: PageRequest,
  render: (item: T) => R = (item) => item as unknown as R,
) {
  const cap = Math.min(HARVEST_MAX_PER_PAGE, Math.max(1, request.maxPerPage));
  const perPage = Math.min(cap, Math.max(1, readPositive(request.url, 'per_page') ?? HARVEST_MAX_PER_PAGE));
  const page = Math.max(1, readPositive(request.url, 'page') ?? 1);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number) => {
    const url = new URL(request.url);
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(perPage));
    // Harvest lists the query parameters alphabetically in its links.
    url.searchParams.sort();
    return url.toString();
  };
  const nextPage = page < totalPages ? page + 1 : null;
  const previousPage = page > 1 ? Math.min(page - 1, totalPages) : null;
  return {
    [key]: items.slice((page - 1) * perPage, page * perPage).map(render),
    per_page: perPage,
    total_pages: totalPages,
    total_entries: items.length,
    next_page: nextPage,
    previous_page: previousPage,
    page,
    links: {
      first: link(1),
      next: nextPage === null ? null : link(nextPage),
      previous: previousPage === null ? null : link(previousPage),
      last: link(totalPages),
    },
  } as { [P in K]: R[] } & Record<string, unknown>;
}
