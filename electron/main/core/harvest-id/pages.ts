// Owns the small pages the browser tab shows at the end of a sign-in, in Sheaf's words, and the headers that keep
// them out of caches, frames and Referer headers.
import { createHash } from 'node:crypto';

export interface Page {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:32em;margin:15vh auto;padding:0 1em;color:#222}' +
  'h1{font-size:1.3em}@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#eee}}';

// The only thing the page may use is its own inline style, pinned by hash (CSP Level 2 §4.2): no scripts, no
// loads, no forms, no framing. The URL holds the code until this tab closes, so nothing may carry it elsewhere.
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // A page answering a one-time code is never worth replaying from a cache (RFC 9111 §5.2.2.5).
  'Cache-Control': 'no-store',
  'Content-Security-Policy': CSP,
  // The address bar holds ?code=…: a link followed from here must not send it on.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // One answer, then the receiver closes: no keep-alive socket left to hold it open.
  Connection: 'close',
};

function page(status: number, title: string, ...lines: string[]): Page {
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${paragraphs}</body></html>`;
  return { status, headers: { ...HEADERS }, body };
}

export const signedInPage = (): Page => page(200, "You're signed in to Sheaf.", 'You can close this tab.');

export const deniedPage = (): Page =>
  page(200, "Sheaf wasn't given access.", 'You can close this tab and try again from Sheaf.');

/** `why` is one of Sheaf's own error messages: never a code, a token or raw text from the query string. */
export const failedPage = (status: number, why: string): Page =>
  page(status, "Sheaf couldn't sign you in.", why, 'You can close this tab.');

export const finishedPage = (): Page =>
  page(409, 'This sign-in is already finished.', 'Nothing changed. You can close this tab.');

export const notFoundPage = (): Page =>
  page(404, 'Not found.', 'This address is only for signing in to Sheaf.');

export const onlyGetPage = (): Page => ({
  ...page(405, 'Not allowed.', 'This address is only for signing in to Sheaf.'),
  headers: { ...HEADERS, Allow: 'GET' },
});

/** Text content only (never an attribute), so &, < and > are all that need escaping. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}
