// Tests the pure parts of "Sign in with Harvest": PKCE against RFC 7636's own example, the authorize URL, the
// environment, when a token source refreshes, how token-endpoint refusals read, and the tab's page headers.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  CALLBACK_PATH,
  randomSecret,
  s256Challenge,
} from '../../electron/main/core/harvest-id/authorize';
import { sameSecret } from '../../electron/main/core/base/secrets';
import {
  harvestIdFromEnv,
  signInWithHarvestOffered,
  signInWithHarvestProblem,
} from '../../electron/main/core/harvest-id/config';
import {
  GrantRevokedError,
  HarvestAppSettingsError,
  SignInExpiredError,
} from '../../electron/main/core/harvest-id/errors';
import { signedInPage } from '../../electron/main/core/harvest-id/pages';
import { tokenError } from '../../electron/main/core/harvest-id/token';
import { refreshDueAt } from '../../electron/main/core/harvest-id/token-source';
import { ServerError, ValidationError } from '../../electron/main/core/harvest/errors';
import { FakeClock } from '../fixtures/fake-clock';

describe('PKCE', () => {
  it("computes RFC 7636 appendix B's S256 challenge from its verifier", () => {
    // The appendix's 32 octets, base64url-encoded, are its verifier.
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214,
      191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];
    const verifier = Buffer.from(octets).toString('base64url');
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(s256Challenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes secrets of 256 random bits, URL-safe, never twice the same', () => {
    const secrets = Array.from({ length: 50 }, () => randomSecret());
    for (const s of secrets) expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(secrets).size).toBe(50);
  });

  it('accepts only the very state it sent back', () => {
    const state = randomSecret();
    expect(sameSecret(state, state)).toBe(true);
    expect(sameSecret(`${state}x`, state)).toBe(false);
    expect(sameSecret(state.slice(1), state)).toBe(false);
    expect(sameSecret(null, state)).toBe(false);
  });
});

describe('the authorize URL', () => {
  it("asks Harvest ID for a code with state, the loopback redirect and PKCE's S256 challenge", () => {
    const url = new URL(
      authorizeUrl({
        baseUrl: 'http://127.0.0.1:5000/id',
        clientId: 'abc',
        state: 'the-state',
        redirectUri: `http://127.0.0.1:61234${CALLBACK_PATH}`,
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:5000/id/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'abc',
      response_type: 'code',
      state: 'the-state',
      redirect_uri: 'http://127.0.0.1:61234/sheaf/signed-in',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });
});

describe('configuration from the environment', () => {
  it("defaults to Harvest ID and offers no sign-in button without Sheaf's client id", () => {
    const config = harvestIdFromEnv({});
    expect(config).toEqual({ baseUrl: 'https://id.getharvest.com', clientId: null, clientSecret: null });
    expect(signInWithHarvestOffered(config)).toBe(false);
  });

  it('offers the sign-in button only with both the client id and its secret, and says which is missing', () => {
    const idOnly = harvestIdFromEnv({ SHEAF_OAUTH_CLIENT_ID: 'abc' });
    expect(signInWithHarvestOffered(idOnly)).toBe(false);
    expect(signInWithHarvestProblem(idOnly)).toBe(
      "Sign in with Harvest can't start: SHEAF_OAUTH_CLIENT_ID is set but SHEAF_OAUTH_CLIENT_SECRET isn't, and Harvest needs both.",
    );
    const secretOnly = harvestIdFromEnv({ SHEAF_OAUTH_CLIENT_SECRET: 's' });
    expect(signInWithHarvestOffered(secretOnly)).toBe(false);
    expect(signInWithHarvestProblem(secretOnly)).toMatch(/SHEAF_OAUTH_CLIENT_ID isn't/);
    const both = harvestIdFromEnv({ SHEAF_OAUTH_CLIENT_ID: 'abc', SHEAF_OAUTH_CLIENT_SECRET: 's' });
    expect(signInWithHarvestOffered(both)).toBe(true);
    expect(signInWithHarvestProblem(both)).toBeNull();
  });

  it('reads the sandbox URL, the client and a fixed port, treating blanks as unset', () => {
    expect(
      harvestIdFromEnv({
        HARVEST_ID_URL: 'http://127.0.0.1:5000/id/',
        SHEAF_OAUTH_CLIENT_ID: ' abc ',
        SHEAF_OAUTH_CLIENT_SECRET: '',
        SHEAF_OAUTH_REDIRECT_PORT: '61234',
      }),
    ).toEqual({
      baseUrl: 'http://127.0.0.1:5000/id',
      clientId: 'abc',
      clientSecret: null,
      redirectPort: 61234,
    });
    expect(harvestIdFromEnv({ SHEAF_OAUTH_REDIRECT_PORT: 'soon' }).redirectPort).toBeUndefined();
  });
});

describe('when a token source refreshes', () => {
  const at = (iso: string) => Date.parse(iso);
  const tokens = (expiresAt: string) => ({ accessToken: 'a', refreshToken: 'r', expiresAt });

  it("refreshes five minutes early for Harvest's 18-hour tokens", () => {
    expect(refreshDueAt(tokens('2025-03-05T03:00:00Z'), at('2025-03-04T09:00:00Z'))).toBe(
      at('2025-03-05T02:55:00Z'),
    );
  });

  it('refreshes at 90% of a short lifetime rather than five minutes before', () => {
    expect(refreshDueAt(tokens('2025-03-04T09:10:00Z'), at('2025-03-04T09:00:00Z'))).toBe(
      at('2025-03-04T09:09:00Z'),
    );
  });

  it('refreshes at once when the expiry is unreadable', () => {
    expect(refreshDueAt(tokens('soon'), 1000)).toBe(1000);
  });
});

describe("the token endpoint's refusals", () => {
  const clock = new FakeClock('2025-03-04T09:00:00Z');
  const answer = (status: number, body: unknown) => ({
    status,
    headers: new Headers(),
    text: JSON.stringify(body),
  });

  it('reads invalid_grant as an expired code when signing in, and as a revoked grant when refreshing', () => {
    const invalidGrant = answer(400, { error: 'invalid_grant' });
    expect(tokenError(invalidGrant, 'authorization_code', clock)).toBeInstanceOf(SignInExpiredError);
    expect(tokenError(invalidGrant, 'refresh_token', clock)).toBeInstanceOf(GrantRevokedError);
  });

  it("reads invalid_client, and any 401, as Sheaf's own settings being wrong", () => {
    expect(tokenError(answer(401, { error: 'invalid_client' }), 'refresh_token', clock)).toBeInstanceOf(
      HarvestAppSettingsError,
    );
    expect(tokenError(answer(401, ''), 'authorization_code', clock)).toBeInstanceOf(HarvestAppSettingsError);
  });

  it("passes Harvest's own words through for other refusals, and 5xx as Harvest having a problem", () => {
    const other = tokenError(
      answer(400, { error: 'invalid_request', error_description: 'redirect_uri is missing' }),
      'authorization_code',
      clock,
    );
    expect(other).toBeInstanceOf(ValidationError);
    expect(other.message).toBe('redirect_uri is missing');
    expect(tokenError(answer(503, {}), 'refresh_token', clock)).toBeInstanceOf(ServerError);
  });
});

describe("the tab's page", () => {
  it('allows only its own inline style, by hash, and nothing else', () => {
    const page = signedInPage();
    const style = /<style>(.*)<\/style>/.exec(page.body)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(page.headers['Content-Security-Policy']).toContain(`style-src 'sha256-${hash}'`);
    expect(page.headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(page.body).not.toMatch(/<script|<img|<link/);
  });
});
