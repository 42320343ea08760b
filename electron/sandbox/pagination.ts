// Owns Harvest's list envelope: per_page checks, paging by page number or by cursor, and absolute links.
//
// Harvest's pagination page (https://help.getharvest.com/api-v2/introduction/overview/pagination/): "If the
// response is using cursor based pagination, page, next_page, and previous_page will always return null for all
// but the first and last pages"; links carry `cursor=<base64 JSON>&per_page=…&ref=next_cursor` (the docs'
// cursor eyJhZnRlciI6eyJpZCI6MzAwN319 is {"after":{"id":3007}}), first/last stay `page=N&…&ref=first|last`,
// `cursor` wins over `page`, and "If you provide a value for per_page that is too large, you will receive a 422".
import { unprocessable } from './http';

export const HARVEST_MAX_PER_PAGE = 2000;

/** How one list pages: by page number only (older servers, the Reports API) or by cursor. */
export type PageStyle = 'offset' | 'cursor';
/** SandboxOptions.pagination: one style for every list, or each endpoint the way Harvest documents it. */
export type PaginationMode = PageStyle | 'documented';

/** The style a route answers in under `mode`, given the style Harvest documents for it. */
export function pageStyle(mode: PaginationMode, documented: PageStyle): PageStyle {
  return mode === 'documented' ? documented : mode;
}

export interface PageRequest {
  /** The request's own URL (absolute, from its Host header): links keep its other query parameters. */
  url: URL;
  maxPerPage: number;
  style: PageStyle;
}

/** A cursor names the item a page starts after (or ends before); `at` is where it stood, in case it is gone. */
interface Cursor {
  after?: { id: number; at: number };
  before?: { id: number; at: number };
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    const mark = parsed.after ?? parsed.before;
    if (mark && Number.isInteger(mark.id) && Number.isInteger(mark.at) && mark.at >= 0) return parsed;
  } catch {
    // Falls through to the same refusal as a well-formed cursor that names nothing.
  }
  throw unprocessable('cursor is invalid');
}

/**
 * per_page as Harvest reads it: absent means the maximum; 0, a non-number or more than 2000 answer 422 (Harvest
 * refuses rather than caps). An old server (`maxPerPage` under 2000, as Harvest was before 2023) capped instead.
 */
function readPerPage(url: URL, maxPerPage: number): number {
  const cap = Math.min(HARVEST_MAX_PER_PAGE, Math.max(1, maxPerPage));
  const raw = url.searchParams.get('per_page');
  if (raw === null || raw.trim() === '') return cap;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  const tooLarge = value > HARVEST_MAX_PER_PAGE && cap === HARVEST_MAX_PER_PAGE;
  if (!Number.isInteger(value) || value < 1 || tooLarge)
    throw unprocessable(`per_page must be a number between 1 and ${HARVEST_MAX_PER_PAGE}`);
  return Math.min(cap, value);
}

function readPage(url: URL): number {
  const raw = url.searchParams.get('page');
  if (raw === null || raw === '') return 1;
  if (!/^\d+$/.test(raw)) throw unprocessable('page must be a positive integer');
  return Math.max(1, Number(raw));
}

/** Which slice of `ids` a request asks for: [start, end). */
function window(url: URL, ids: number[], perPage: number, useCursor: boolean) {
  const raw = useCursor ? url.searchParams.get('cursor') : null;
  if (raw) {
    const cursor = decodeCursor(raw);
    const mark = (cursor.after ?? cursor.before)!;
    const found = ids.indexOf(mark.id);
    // The item a cursor names may have been deleted since; its old place keeps the walk going.
    const at = found >= 0 ? found : Math.min(mark.at, ids.length);
    if (cursor.after) {
      const start = found >= 0 ? at + 1 : at;
      return { start, end: start + perPage, byCursor: true };
    }
    return { start: Math.max(0, at - perPage), end: at, byCursor: true };
  }
  const start = (readPage(url) - 1) * perPage;
  return { start, end: start + perPage, byCursor: false };
}

/**
 * `render` runs on the page's items only, so a long list isn't rendered in full to serve one page; `idOf` names
 * an item for cursors (reports' rows have no `id` of their own).
 */
export function paginate<K extends string, T, R = T>(
  key: K,
  items: T[],
  request: PageRequest,
  render: (item: T) => R = (item) => item as unknown as R,
  idOf: (item: T) => number = (item) => (item as { id: number }).id,
) {
  const perPage = readPerPage(request.url, request.maxPerPage);
  const cursorStyle = request.style === 'cursor';
  const ids = cursorStyle ? items.map(idOf) : [];
  const { start, end, byCursor } = window(request.url, ids, perPage, cursorStyle);
  const slice = items.slice(start, end);
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const isFirst = start === 0;
  const isLast = end >= total;

  const link = (params: Record<string, string>, ref: string | null) => {
    const url = new URL(request.url);
    for (const name of ['page', 'cursor', 'ref']) url.searchParams.delete(name);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set('per_page', String(perPage));
    if (ref) url.searchParams.set('ref', ref);
    // Harvest lists the query parameters alphabetically in its links.
    url.searchParams.sort();
    return url.toString();
  };

  if (!cursorStyle) {
    const page = Math.floor(start / perPage) + 1;
    const nextPage = page < totalPages ? page + 1 : null;
    const previousPage = page > 1 ? Math.min(page - 1, totalPages) : null;
    const pageLink = (n: number) => link({ page: String(n) }, null);
    return envelope(key, slice.map(render), {
      perPage,
      totalPages,
      total,
      page,
      nextPage,
      previousPage,
      links: {
        first: pageLink(1),
        next: nextPage === null ? null : pageLink(nextPage),
        previous: previousPage === null ? null : pageLink(previousPage),
        last: pageLink(totalPages),
      },
    });
  }

  const mark = (index: number) => ({ id: ids[index]!, at: index });
  const lastShown = Math.min(end, total) - 1;
  // Page-number requests get a page-number "previous", as the docs' last-page example shows.
  const previous = isFirst
    ? null
    : byCursor && start < total
      ? link({ cursor: encodeCursor({ before: mark(start) }) }, 'previous_cursor')
      : link({ page: String(Math.max(1, Math.min(totalPages, Math.ceil(start / perPage)))) }, 'previous');
  let numbers = { page: null as number | null, next: null as number | null, prev: null as number | null };
  if (isFirst) numbers = { page: 1, next: totalPages > 1 ? 2 : null, prev: null };
  else if (isLast) {
    const page = byCursor ? totalPages : Math.floor(start / perPage) + 1;
    numbers = { page, next: null, prev: Math.min(page - 1, totalPages) };
  }
  return envelope(key, slice.map(render), {
    perPage,
    totalPages,
    total,
    page: numbers.page,
    nextPage: numbers.next,
    previousPage: numbers.prev,
    links: {
      first: link({ page: '1' }, 'first'),
      next: isLast ? null : link({ cursor: encodeCursor({ after: mark(lastShown) }) }, 'next_cursor'),
      previous,
      last: link({ page: String(totalPages) }, 'last'),
    },
  });
}

interface Meta {
  perPage: number;
  totalPages: number;
  total: number;
  page: number | null;
  nextPage: number | null;
  previousPage: number | null;
  links: { first: string; next: string | null; previous: string | null; last: string };
}

function envelope<K extends string, R>(key: K, rows: R[], meta: Meta) {
  return {
    [key]: rows,
    per_page: meta.perPage,
    total_pages: meta.totalPages,
    total_entries: meta.total,
    next_page: meta.nextPage,
    previous_page: meta.previousPage,
    page: meta.page,
    links: meta.links,
  } as { [P in K]: R[] } & Record<string, unknown>;
}
