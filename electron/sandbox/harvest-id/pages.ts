// Owns the HTML Harvest ID shows a person: the consent form ("Allow Sheaf to use your accounts"), the page
// for a request it won't serve, and the redirect back to the app. Plain markup, no script: a test's "browser"
// may be a program that only fetches and follows redirects.
import type { Answer } from '../router';

export interface ListedAccount {
  id: string;
  name: string;
  product: 'harvest' | 'forecast';
}

/** What the consent form carries back to POST /id/oauth2/authorize. */
export interface ConsentRequest {
  clientId: string;
  redirectUri: string;
  state: string | null;
  scope: string | null;
  /** PKCE's S256 challenge, when the app sent one; the code is then bound to its verifier. */
  codeChallenge: string | null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} | Harvest ID</title></head>` +
  `<body>${body}</body></html>`;

const hidden = (name: string, value: string | null) =>
  value === null ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

const PRODUCT_NAMES = { harvest: 'Harvest', forecast: 'Forecast' } as const;

export function consentPage(
  appName: string,
  accounts: readonly ListedAccount[],
  request: ConsentRequest,
): string {
  const items = accounts
    .map((a) => `<li>${escapeHtml(a.name)} <small>(${PRODUCT_NAMES[a.product]})</small></li>`)
    .join('');
  return page(
    `Allow ${appName}`,
    `<h1>Allow ${escapeHtml(appName)} to use your accounts</h1>` +
      `<p>${escapeHtml(appName)} will be able to read and change your data in:</p><ul>${items}</ul>` +
      `<form method="post" action="/id/oauth2/authorize">` +
      hidden('client_id', request.clientId) +
      hidden('response_type', 'code') +
      hidden('redirect_uri', request.redirectUri) +
      hidden('state', request.state) +
      hidden('scope', request.scope) +
      hidden('code_challenge', request.codeChallenge) +
      hidden('code_challenge_method', request.codeChallenge === null ? null : 'S256') +
      `<button type="submit" name="decision" value="allow">Allow</button> ` +
      `<button type="submit" name="decision" value="deny">Deny</button>` +
      `</form>`,
  );
}

/** A request Harvest ID refuses to act on (unknown client, unusable redirect_uri): shown, never redirected. */
export function errorPage(message: string): Answer & { headers: Record<string, string> } {
  const body = page('Something went wrong', `<h1>Something went wrong</h1><p>${escapeHtml(message)}</p>`);
  return { status: 400, body, headers: {} };
}

/** A 302 with the small page Rails' redirect_to writes, for clients that show bodies. */
export function redirectTo(location: string): Answer & { headers: Record<string, string> } {
  return {
    status: 302,
    body: `<html><body>You are being <a href="${escapeHtml(location)}">redirected</a>.</body></html>`,
    headers: { Location: location, 'Cache-Control': 'no-store' },
  };
}
