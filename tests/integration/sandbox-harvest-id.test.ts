// Owns the checks of the sandbox's Harvest ID code flow over loopback: the consent form, Allow and Deny, the
// token exchange, API calls with the access token in every account of the grant, refresh, expiry, revocation,
// and the accounts listing, each as Harvest's OAuth docs (and RFC 6749 where they are silent) describe.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HARVEST_ID_DEFAULTS, SANDBOX_ACCOUNT_ID, type Sandbox } from '../../electron/sandbox/server';
import {
  FORECAST,
  NORTHWIND,
  REDIRECT,
  harvestIdAt as harvestId,
} from '../fixtures/harvest/harvest-id-harness';
import { HEADERS_UA } from '../fixtures/harvest/sandbox-harness';

const SECOND = 1000;

/** A stand-in for the app's loopback listener: answers the redirect and hands back its query. */
async function loopbackListener(): Promise<{
  uri: string;
  received: Promise<URLSearchParams>;
  close(): void;
}> {
  let deliver!: (query: URLSearchParams) => void;
  const received = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
  const server = createServer((req, res) => {
    deliver(new URL(req.url!, 'http://127.0.0.1').searchParams);
    res.end('You can close this window.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { uri: `http://127.0.0.1:${port}/oauth/callback`, received, close: () => server.close() };
}

const accountsWith = (sandbox: Sandbox, accessToken: string, userAgent = HEADERS_UA) =>
  fetch(`${sandbox.idUrl}/api/v2/accounts`, {
    headers: { Authorization: `Bearer ${accessToken}`, 'User-Agent': userAgent },
  });

describe('the authorize page', () => {
  it('asks the person to allow Sheaf, naming every account, with Allow and Deny posting back', async () => {
    const { sandbox, authorizeUrl } = await harvestId();
    const res = await fetch(authorizeUrl({ scope: 'all' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('Allow Sheaf to use your accounts');
    for (const name of ['Sheaf Demo Co', 'Northwind Freelance', 'Sheaf Demo Planning'])
      expect(html).toContain(name);
    expect(html).toContain('<form method="post" action="/id/oauth2/authorize">');
    expect(html).toContain(`name="client_id" value="${sandbox.harvestId.clientId}"`);
    expect(html).toContain('name="state" value="xyz-123"');
    expect(html).toContain(`name="redirect_uri" value="${REDIRECT}"`);
    expect(html).toMatch(/<button[^>]*name="decision" value="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*name="decision" value="deny"[^>]*>Deny<\/button>/);
    expect(sandbox.harvestId.grants()).toBe(0);
  });

  it("redirects to the app's loopback listener with a code, every account's scope and the state", async () => {
    const { sandbox, authorizeUrl } = await harvestId();
    const app = await loopbackListener();
    try {
      // The test's "browser": fetch the page's Allow, follow the redirect to the app.
      const landed = await fetch(authorizeUrl({ redirect_uri: app.uri, decision: 'allow' }));
      expect(await landed.text()).toBe('You can close this window.');
      const query = await app.received;
      expect(query.get('code')).toMatch(/\S{20,}/);
      expect(query.get('state')).toBe('xyz-123');
      expect(query.get('scope')).toBe(
        `harvest:${SANDBOX_ACCOUNT_ID} harvest:${NORTHWIND} forecast:${FORECAST}`,
      );
      expect(sandbox.harvestId.grants()).toBe(1);
    } finally {
      app.close();
    }
  });

  it('writes the scope as Harvest does, harvest%3A…+forecast%3A…', async () => {
    const { authorize } = await harvestId();
    const res = await authorize({ decision: 'allow' });
    expect(res.headers.get('location')).toMatch(
      /^http:\/\/127\.0\.0\.1:53682\/callback\?code=[^&]+&scope=harvest%3A1000001\+harvest%3A1000002\+forecast%3A2000003&state=xyz-123$/,
    );
  });

  it('takes the Allow the consent form posts, as a browser sends it', async () => {
    const { postConsent } = await harvestId();
    const res = await postConsent({ state: 's1', decision: 'allow' });
    expect(res.status).toBe(302);
    const query = new URL(res.headers.get('location')!).searchParams;
    expect(query.get('code')).toBeTruthy();
    expect(query.get('state')).toBe('s1');
  });

  it('sends error=access_denied and the state back on Deny, and issues no grant', async () => {
    const { sandbox, redirected } = await harvestId();
    const query = await redirected({ decision: 'deny' });
    expect([...query.keys()]).toEqual(['error', 'state']);
    expect(query.get('error')).toBe('access_denied');
    expect(query.get('state')).toBe('xyz-123');
    expect(sandbox.harvestId.grants()).toBe(0);
  });

  it('answers the plain GET with the redirect at once when autoDecision is set', async () => {
    const allowing = await harvestId({ harvestId: { autoDecision: 'allow' } });
    const allowed = await allowing.authorize();
    expect(new URL(allowed.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    const denying = await harvestId({ harvestId: { autoDecision: 'deny' } });
    const denied = await denying.authorize();
    expect(new URL(denied.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
  });

  it('grants only the accounts a scope names', async () => {
    const { redirected, exchange, me } = await harvestId();
    const query = await redirected({ scope: `harvest:${NORTHWIND}` });
    expect(query.get('scope')).toBe(`harvest:${NORTHWIND}`);
    const { access_token } = (await exchange(query.get('code')!)).json;
    expect((await me(access_token, NORTHWIND)).status).toBe(200);
    expect((await me(access_token, SANDBOX_ACCOUNT_ID)).status).toBe(401);
  });
});

describe('tokens', () => {
  it('exchanges the code for bearer tokens that reach every Harvest account of the grant', async () => {
    const { redirected, exchange, me, sandbox } = await harvestId();
    const res = await exchange((await redirected()).get('code')!);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(res.json).sort()).toEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'token_type',
    ]);
    expect(res.json).toMatchObject({
      token_type: 'bearer',
      expires_in: HARVEST_ID_DEFAULTS.accessTokenTtlSeconds,
    });
    expect(HARVEST_ID_DEFAULTS.accessTokenTtlSeconds).toBe(1_209_599);
    const alsoMe = await me(res.json.access_token);
    expect(alsoMe.json.id).toBe(sandbox.userId);
    expect((await me(res.json.access_token, NORTHWIND)).status).toBe(200);
    // Forecast accounts are Harvest ID's, not the Harvest API's.
    expect((await me(res.json.access_token, FORECAST)).status).toBe(401);
  });

  it('refreshes into a new access token, and answers a refresh token with it', async () => {
    const { signIn, refresh, me } = await harvestId();
    const first = await signIn();
    const res = await refresh(first.refresh_token);
    expect(res.status).toBe(200);
    expect(res.json.access_token).not.toBe(first.access_token);
    expect(res.json.refresh_token).toBe(first.refresh_token);
    expect((await me(res.json.access_token)).status).toBe(200);
  });

  it('takes a code only once', async () => {
    const { redirected, exchange } = await harvestId();
    const code = (await redirected()).get('code')!;
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
  });

  it('refuses a code past its lifetime by the sandbox clock', async () => {
    const { redirected, exchange, clock } = await harvestId({ harvestId: { codeTtlSeconds: 30 } });
    const code = (await redirected()).get('code')!;
    clock.advance(31 * SECOND);
    expect((await exchange(code)).json).toMatchObject({ error: 'invalid_grant' });
  });

  it('expires access tokens by the clock and by the admin, while the refresh token still works', async () => {
    const { signIn, refresh, me, clock, sandbox } = await harvestId({
      harvestId: { accessTokenTtlSeconds: 60 },
    });
    const tokens = await signIn();
    expect(tokens.expires_in).toBe(60);
    clock.advance(61 * SECOND);
    const expired = await me(tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({
      error: 'invalid_token',
      error_description:
        'The access token provided is expired, revoked, malformed or invalid for other reasons.',
    });
    expect(expired.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="Rack::OAuth2 Protected Resources"/,
    );
    const renewed = (await refresh(tokens.refresh_token)).json;
    expect((await me(renewed.access_token)).status).toBe(200);
    sandbox.harvestId.expireAccessTokens();
    expect((await me(renewed.access_token)).status).toBe(401);
    expect((await me((await refresh(tokens.refresh_token)).json.access_token)).status).toBe(200);
  });

  it('stops every token of a revoked grant, and leaves the personal token working', async () => {
    const { signIn, refresh, me, sandbox, redirected, exchange } = await harvestId();
    const tokens = await signIn();
    const pending = (await redirected()).get('code')!;
    sandbox.harvestId.revokeGrants();
    expect((await me(tokens.access_token)).status).toBe(401);
    expect((await refresh(tokens.refresh_token)).json).toMatchObject({ error: 'invalid_grant' });
    expect((await exchange(pending)).json).toMatchObject({ error: 'invalid_grant' });
    expect((await me(sandbox.token)).status).toBe(200);
    // Signing in again is a new grant, and it works.
    expect((await me((await signIn()).access_token)).status).toBe(200);
    expect(sandbox.harvestId.grants()).toBe(3);
  });
});

describe('the accounts listing', () => {
  it('names the person and every account, Forecast included, for an OAuth token and the personal token', async () => {
    const { signIn, sandbox } = await harvestId();
    const expected = {
      user: { id: sandbox.userId, first_name: 'Dana', last_name: 'Demo', email: 'dana@example.com' },
      accounts: [
        { id: 1000001, name: 'Sheaf Demo Co', product: 'harvest', google_sign_in_required: false },
        { id: 1000002, name: 'Northwind Freelance', product: 'harvest', google_sign_in_required: false },
        { id: 2000003, name: 'Sheaf Demo Planning', product: 'forecast', google_sign_in_required: false },
      ],
    };
    for (const token of [(await signIn()).access_token, sandbox.token]) {
      const res = await accountsWith(sandbox, token);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(expected);
    }
  });

  it("lists only a scoped grant's accounts", async () => {
    const { signIn, sandbox } = await harvestId();
    const res = await accountsWith(sandbox, (await signIn({ scope: 'forecast:all' })).access_token);
    expect(((await res.json()) as { accounts: { id: number }[] }).accounts.map((a) => a.id)).toEqual([
      2000003,
    ]);
  });

  it("answers a bad token with Harvest's 401 and a missing User-Agent with 400", async () => {
    const { sandbox } = await harvestId();
    const bad = await accountsWith(sandbox, 'not-a-token');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: 'invalid_token' });
    expect((await accountsWith(sandbox, sandbox.token, '')).status).toBe(400);
  });

  it('logs Harvest ID requests in the one request log', async () => {
    const { signIn, sandbox } = await harvestId();
    await signIn();
    expect(sandbox.requestLog.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.status}`)).toEqual([
      'GET /id/oauth2/authorize 302',
      'POST /id/api/v2/oauth2/token 200',
    ]);
  });
});
