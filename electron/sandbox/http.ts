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
      // Harvest's own realm, as recorded (tests/fixtures/harvest/recorded/error-401.json).
      'WWW-Authenticate': `Bearer realm="Rack::OAuth2 Protected Resources", error="invalid_token", error_description="${UNAUTHORIZED_DESCRIPTION}"`,
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

const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/**
 * A form body as Harvest's Rails reads it: `a=1&b=x` and one level of brackets (`external_reference[id]=…`).
 * Numbers stay strings, as Rails hands them over; the readers (toInt, toNumber) take both.
 */
function formFields(fields: Iterable<[string, string]>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    const nested = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key);
    if (!nested) {
      body[key] = value;
      continue;
    }
    const outer = (body[nested[1]!] ??= {}) as Record<string, unknown>;
    if (typeof outer === 'object' && outer !== null) outer[nested[2]!] = value;
  }
  return body;
}

/** The text fields of a multipart/form-data body (Rails reads them like form fields; files are not Harvest's). */
function multipartFields(raw: string, contentType: string): [string, string][] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw badRequest('multipart/form-data needs a boundary');
  const fields: [string, string][] = [];
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1];
    if (name !== undefined) fields.push([name, part.slice(split + 4).replace(/\r\n$/, '')]);
  }
  return fields;
}

/**
 * A write's body as a plain object; no body at all (e.g. PATCH …/stop) is {}. Harvest takes JSON and form data
 * (a well-known npm client of Harvest sends form data), so both are read here. What keeps other web pages from
 * posting entries to the demo is not the media type but the token: writes take it only from the Authorization
 * header (bearerToken), which a plain HTML form can't set. Other media types (text/plain) are a 415;
 * malformed JSON is a 400.
 */
export function parseRequestBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  const type = contentType === undefined ? undefined : mediaType(contentType);
  if (type === 'application/x-www-form-urlencoded') return formFields(new URLSearchParams(raw));
  if (type === 'multipart/form-data') return formFields(multipartFields(raw, contentType!));
  if (type !== undefined && type !== 'application/json')
    throw unsupportedMediaType(`Content-Type must be application/json or form data (got "${contentType}")`);
  if (raw.trim() === '') return {};
  if (type === undefined) throw unsupportedMediaType('Content-Type must be application/json');
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
