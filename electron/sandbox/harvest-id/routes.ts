// Owns Harvest ID's wire protocol under /id: the authorize page and its decision, the token endpoint (codes and
// refresh tokens, RFC 6749's JSON errors), and the accounts listing. Paths mirror id.getharvest.com's.
import { HttpError, NOT_FOUND_PAGE, badRequest, unauthorized } from '../http';
import type { Answer } from '../router';
import type { OAuthClient } from './client';
import { isLoopbackRedirect } from './client';
import type { GrantBook } from './grants';
import type { Person } from './grants';
import { consentPage, errorPage, redirectTo, type ConsentRequest, type ListedAccount } from './pages';

export type { Person };

export interface HarvestIdContext {
  client: OAuthClient;
  grants: GrantBook;
  /** Every account the person belongs to, Forecast ones included, in the order Harvest ID lists them. */
  accounts: readonly ListedAccount[];
  /** Whose accounts these are: the personal token's person. */
  person: Person;
  /**
   * Who the browser is signed in to Harvest ID as, and so whose code an Allow issues: `person`, unless a test
   * signed someone else in (a colleague at a shared computer, who is a member of the same accounts).
   */
  browserPerson(): Person;
  /** The account ids a bearer token reaches (the personal token or an OAuth access token); undefined if none. */
  reach(token: string | undefined): readonly string[] | undefined;
}

export interface HarvestIdRequest {
  method: string;
  url: URL;
  raw: string;
  contentType: string | undefined;
  userAgent: string | undefined;
  token: string | undefined;
}

type Reply = Answer & { headers: Record<string, string> };

const APP_NAME = 'Sheaf';
const FORM_TYPE = 'application/x-www-form-urlencoded';

const isForm = (contentType: string | undefined) =>
  contentType?.split(';')[0]!.trim().toLowerCase() === FORM_TYPE;

// RFC 6749 §5.1: token answers, good or bad, must not be cached.
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** RFC 6749 §5.2's error body; a wrong client is a 401, everything else a 400. */
const oauthError = (error: string, description: string, status = 400): Reply => ({
  status,
  body: { error, error_description: description },
  headers: NO_STORE,
});

/**
 * Harvest ID's scopes: "all", "harvest:all", "forecast:all", or one account as "harvest:ID" / "forecast:ID",
 * space-separated. No scope means what the app was registered for; the sandbox's app has both products.
 */
function scopedAccounts(scope: string | null, accounts: readonly ListedAccount[]): ListedAccount[] {
  const wanted = (scope ?? 'all').split(/\s+/).filter(Boolean);
  return accounts.filter((a) =>
    wanted.some((w) => w === 'all' || w === `${a.product}:all` || w === `${a.product}:${a.id}`),
  );
}

/** What Harvest ID checks before it shows the form or takes a decision; an error page when it won't. */
function readAuthorize(params: URLSearchParams, ctx: HarvestIdContext): ConsentRequest | Reply {
  if (params.get('client_id') !== ctx.client.clientId)
    return errorPage('No OAuth2 application has this client_id.');
  // Harvest also offers response_type=token (the implicit flow); Sheaf doesn't use it, so it isn't served.
  if (params.get('response_type') !== 'code') return errorPage('response_type must be "code".');
  const redirectUri = params.get('redirect_uri');
  if (redirectUri === null || !isLoopbackRedirect(redirectUri))
    return errorPage('redirect_uri must be an http URL on this computer (127.0.0.1, [::1] or localhost).');
  // PKCE (RFC 7636). What Harvest documents (looked up for issue 23): the v2 "Authentication" page
  // (help.getharvest.com/api-v2/authentication-api/authentication/authentication/), the server-side flow page
  // (help.getharvest.com/api/authentication/authentication/server-side-apps/) and the archived harvesthq/api
  // "Authentication/OAuth 2.0.md" all describe authorize with client_id, redirect_uri, state and response_type,
  // and the token request with code, client_id, client_secret, redirect_uri and grant_type: no code_challenge or
  // code_verifier anywhere, and no public issue or client code shows Harvest ID honouring or refusing them. So
  // the sandbox takes the stricter reading, as Harvest ID would if it honours PKCE: a code issued with a
  // challenge is redeemed only with its verifier (§4.6), so a code read off this computer (another user's
  // /proc/*/cmdline shows state and redirect_uri) is worthless alone. Without a challenge nothing changes, as
  // for a client that never sent one. Sheaf can't rely on it with the real Harvest ID: the client secret, and
  // the check of whose accounts a sign-in reached (core/session/whose-sign-in.ts), are what it has there.
  const codeChallenge = params.get('code_challenge');
  const method = params.get('code_challenge_method') ?? 'plain';
  if (codeChallenge !== null && method !== 'S256') return errorPage('code_challenge_method must be "S256".');
  if (codeChallenge !== null && !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge))
    return errorPage('code_challenge must be an S256 challenge (43 base64url characters).');
  return {
    clientId: ctx.client.clientId,
    redirectUri,
    state: params.get('state'),
    scope: params.get('scope'),
    codeChallenge,
  };
}

/** Back to the app: a code and the granted scope on Allow, error=access_denied on Deny (RFC 6749 §4.1.2). */
function decide(request: ConsentRequest, allow: boolean, ctx: HarvestIdContext): Reply {
  // The redirect URI's own query survives (RFC 6749 §3.1.2); ours is appended.
  const target = new URL(request.redirectUri);
  const granted = scopedAccounts(request.scope, ctx.accounts);
  if (!allow) target.searchParams.append('error', 'access_denied');
  else if (granted.length === 0) target.searchParams.append('error', 'invalid_scope');
  else {
    const code = ctx.grants.issueCode(
      ctx.browserPerson(),
      granted.map((a) => a.id),
      request.redirectUri,
      request.codeChallenge,
    );
    target.searchParams.append('code', code);
    target.searchParams.append('scope', granted.map((a) => `${a.product}:${a.id}`).join(' '));
  }
  if (request.state !== null) target.searchParams.append('state', request.state);
  return redirectTo(target.toString());
}

/**
 * GET shows the consent form; the person is taken to be signed in to Harvest ID already. Sandbox-only
 * conveniences for scripts: `&decision=allow|deny` on the GET (or harvestId.autoDecision) answers the redirect
 * at once, as if the button had been pressed. The form itself posts back here with `decision`.
 */
function authorize(req: HarvestIdRequest, ctx: HarvestIdContext): Reply {
  if (req.method === 'POST' && !isForm(req.contentType))
    return errorPage('The form must be sent as application/x-www-form-urlencoded.');
  const params = req.method === 'POST' ? new URLSearchParams(req.raw) : req.url.searchParams;
  const request = readAuthorize(params, ctx);
  if ('status' in request) return request;
  const decision = params.get('decision') ?? (req.method === 'GET' ? ctx.client.autoDecision : undefined);
  if (decision === 'allow' || decision === 'deny') return decide(request, decision === 'allow', ctx);
  if (req.method === 'POST') return errorPage('Choose Allow or Deny.');
  const listed = scopedAccounts(request.scope, ctx.accounts);
  return {
    status: 200,
    body: consentPage(APP_NAME, listed, request),
    headers: { 'Cache-Control': 'no-store' },
  };
}

/** POST /id/api/v2/oauth2/token: form-encoded, with the client's secret, as Harvest's OAuth docs require. */
function token(req: HarvestIdRequest, ctx: HarvestIdContext): Reply {
  if (!isForm(req.contentType)) return oauthError('invalid_request', `Content-Type must be ${FORM_TYPE}.`);
  const form = new URLSearchParams(req.raw);
  const field = (name: string) => form.get(name) || undefined;
  const grantType = field('grant_type');
  if (grantType === undefined) return oauthError('invalid_request', 'grant_type is required.');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token')
    return oauthError('unsupported_grant_type', `grant_type "${grantType}" is not supported.`);
  const proof = grantType === 'authorization_code' ? 'code' : 'refresh_token';
  for (const name of [proof, 'client_id', 'client_secret'])
    if (field(name) === undefined) return oauthError('invalid_request', `${name} is required.`);
  if (field('client_id') !== ctx.client.clientId || field('client_secret') !== ctx.client.clientSecret)
    return oauthError('invalid_client', 'The client_id or client_secret is not valid.', 401);
  const result =
    grantType === 'authorization_code'
      ? ctx.grants.redeem(field('code')!, field('redirect_uri'), field('code_verifier'))
      : ctx.grants.refresh(field('refresh_token')!);
  if ('refused' in result) return oauthError('invalid_grant', result.refused);
  return { status: 200, body: result, headers: NO_STORE };
}

/** GET /id/api/v2/accounts: who the token belongs to and every account it reaches, Forecast ones included. */
function accounts(req: HarvestIdRequest, ctx: HarvestIdContext): Reply {
  if (!req.userAgent?.trim()) throw badRequest('User-Agent header is required');
  const reach = ctx.reach(req.token);
  if (!reach) throw unauthorized();
  // An OAuth token is whoever pressed Allow; the personal token is the accounts' own person.
  const { id, first_name, last_name, email } = (req.token && ctx.grants.personFor(req.token)) || ctx.person;
  return {
    status: 200,
    body: {
      user: { id, first_name, last_name, email },
      accounts: ctx.accounts
        .filter((a) => reach.includes(a.id))
        .map((a) => ({ id: Number(a.id), name: a.name, product: a.product, google_sign_in_required: false })),
    },
    headers: {},
  };
}

const ROUTES: {
  method: string;
  path: RegExp;
  handle(req: HarvestIdRequest, ctx: HarvestIdContext): Reply;
}[] = [
  { method: 'GET', path: /^\/id\/oauth2\/authorize\/?$/, handle: authorize },
  { method: 'POST', path: /^\/id\/oauth2\/authorize\/?$/, handle: authorize },
  { method: 'POST', path: /^\/id\/api\/v2\/oauth2\/token\/?$/, handle: token },
  { method: 'GET', path: /^\/id\/api\/v2\/accounts\/?$/, handle: accounts },
];

export const HARVEST_ID_PATH = /^\/id(\/|$)/;

export function answerHarvestId(req: HarvestIdRequest, ctx: HarvestIdContext): Reply {
  const route = ROUTES.find((r) => r.method === req.method && r.path.test(req.url.pathname));
  if (!route) return { status: 404, body: NOT_FOUND_PAGE, headers: {} };
  try {
    return route.handle(req, ctx);
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, body: error.body, headers: error.headers };
    throw error;
  }
}
