// Owns the sandbox's HTTP plumbing: Harvest's error bodies, reading and parsing request bodies, writing answers,
// and who is calling (a loopback address, the bearer token).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIPv4 } from 'node:net';

/** Any answer other than success; handlers throw it and the server writes it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'object' && body && 'message' in body ? String(body.message) : `HTTP ${status}`);
  }
}

export const notFound = () => new HttpError(404, { status: 404, error: 'Not Found' });
export const unprocessable = (message: string) => new HttpError(422, { message });
export const forbidden = () => new HttpError(403, { message: 'Not authorized!' });
export const badRequest = (message: string) => new HttpError(400, { message });
export const unsupportedMediaType = (message: string) => new HttpError(415, { message });

export const UNAUTHORIZED_DESCRIPTION =
  'The access token provided is expired, revoked, malformed or invalid for other reasons.';
export const unauthorized = () =>
  new HttpError(
    401,
    { error: 'invalid_token', error_description: UNAUTHORIZED_DESCRIPTION },
    {
      'WWW-Authenticate': `Bearer realm="Harvest API", error="invalid_token", error_description="${UNAUTHORIZED_DESCRIPTION}"`,
    },
  );

/** Harvest answers a path it has no route for with its HTML 404 page, not JSON. */
export const NOT_FOUND_PAGE =
  '<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>404</h1><p>The page you were looking for doesn’t exist.</p></body></html>';

const MAX_BODY_BYTES = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { message: 'Request body is too large' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const isJson = (contentType: string) =>
  contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';

/**
 * A write's JSON body as a plain object; no body at all (e.g. PATCH …/stop) is {}. JSON only: the media types a
 * plain HTML form can send without a preflight (form-encoded, multipart, text/plain) are a 415, so no other web
 * page can post entries here; malformed JSON is a 400.
 */
export function parseRequestBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType !== undefined && !isJson(contentType))
    throw unsupportedMediaType(`Content-Type must be application/json (got "${contentType}")`);
  if (raw.trim() === '') return {};
  if (contentType === undefined) throw unsupportedMediaType('Content-Type must be application/json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw badRequest(`Invalid JSON in request body: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const isText = typeof body === 'string';
  const payload = body === undefined ? '' : isText ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type':
      isText || body === undefined ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** An integer query/body value: numbers or digit strings; undefined when absent, NaN when malformed. */
export function toInt(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return NaN;
}

/** A decimal value: numbers or numeric strings; undefined when absent, NaN when malformed. */
export function toNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return NaN;
}

/** This computer only: the sandbox's token is public (printed, in the README), so any other address opens its data. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const v4 = bare.replace(/^::ffff:/, '');
  return bare === 'localhost' || bare === '::1' || (isIPv4(v4) && v4.startsWith('127.'));
}

/**
 * Harvest takes ?access_token= on reads. On writes only the header counts, and a query token is refused rather than
 * ignored: a token in a URL ends up in logs and history, and a page that can't set headers can't write here.
 */
export function bearerToken(
  req: { method?: string; headers: { authorization?: string } },
  url: URL,
): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const query = url.searchParams.get('access_token') ?? undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD') return query === undefined ? match?.[1] : undefined;
  return match?.[1] ?? query;
}
