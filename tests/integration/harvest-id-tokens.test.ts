// Tests keeping an OAuth sign-in alive against a scripted Harvest ID over real loopback HTTP: refreshing before
// expiry, one refresh for many callers, a revoked grant, and listing the accounts a token reaches.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError, UnauthorizedError } from '../../electron/main/core/harvest/errors';
import {
  GrantRevokedError,
  harvestAccountsOnly,
  listAccounts,
  refreshTokens,
  signInWithHarvest,
  TokenSource,
  type HarvestIdConfig,
  type OAuthTokens,
} from '../../electron/main/core/harvest-id';
import { FakeClock } from '../fixtures/fake-clock';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  PAT,
  startHarvestIdServer,
  testBrowser,
  type HarvestIdServer,
} from '../fixtures/harvest-id-server';

let harvestId: HarvestIdServer;
let config: HarvestIdConfig;
let clock: FakeClock;

beforeEach(async () => {
  harvestId = await startHarvestIdServer();
  config = { baseUrl: harvestId.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
  clock = new FakeClock('2025-03-04T09:00:00Z');
});
afterEach(() => harvestId.close());

const signIn = () => signInWithHarvest({ config, fetch, clock, openUrl: testBrowser().openUrl });

function source(tokens: OAuthTokens, saved: OAuthTokens[] = [], accountName?: string) {
  return new TokenSource({
    tokens,
    clock,
    accountName,
    refresh: (refreshToken) => refreshTokens({ config, fetch, clock, refreshToken }),
    onTokens: (t) => void saved.push(t),
  });
}

describe('refreshing tokens', () => {
  it('trades the refresh token for new tokens, sending the client credentials as a form', async () => {
    const first = await signIn();
    clock.advanceMinutes(60);
    const next = await refreshTokens({ config, fetch, clock, refreshToken: first.refreshToken });

    expect(next.accessToken).not.toBe(first.accessToken);
    expect(next.expiresAt).toBe(new Date(clock.now().getTime() + 64_799_000).toISOString());
    const refresh = harvestId.tokenRequests()[1];
    expect(refresh?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(refresh?.form ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: first.refreshToken,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
  });

  it('reports a revoked refresh token as a revoked grant, in words that keep the person calm', async () => {
    const first = await signIn();
    harvestId.revoke(first.refreshToken);
    const error = await refreshTokens({ config, fetch, clock, refreshToken: first.refreshToken }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GrantRevokedError);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as Error).message).not.toContain(first.refreshToken);
  });

  it('says Harvest is out of reach when nothing answers', async () => {
    const closed = { ...config, baseUrl: 'http://127.0.0.1:9/id' };
    const error = await refreshTokens({ config: closed, fetch, clock, refreshToken: 'r' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NetworkError);
  });
});

describe('a token source', () => {
  it('hands out the same token until five minutes before expiry, then refreshes and saves first', async () => {
    const saved: OAuthTokens[] = [];
    const tokens = source(await signIn(), saved);
    const first = await tokens.token();

    clock.advanceMinutes(17 * 60 + 50);
    expect(await tokens.token()).toBe(first);
    expect(harvestId.tokenRequests()).toHaveLength(1);

    clock.advanceMinutes(6); // 3 min 59 s left of the 17 h 59 min 59 s Harvest gives
    const second = await tokens.token();
    expect(second).not.toBe(first);
    expect(saved.map((t) => t.accessToken)).toEqual([second]);
    expect(tokens.current.refreshToken).toBe(saved[0]?.refreshToken);
  });

  it('refreshes after Harvest refused the token, once however many requests saw the 401', async () => {
    const tokens = source(await signIn());
    const refused = await tokens.token();
    tokens.invalidate(refused);
    const fresh = await tokens.token();
    tokens.invalidate(refused); // a slower request that failed with the old token
    expect(await tokens.token()).toBe(fresh);
    expect(harvestId.tokenRequests()).toHaveLength(2);
  });

  it('shares one refresh between callers that ask at the same time', async () => {
    const saved: OAuthTokens[] = [];
    const tokens = source(await signIn(), saved);
    clock.advanceMinutes(18 * 60);
    const release = harvestId.holdTokenRequests();
    const asking = Array.from({ length: 5 }, () => tokens.token());
    await new Promise((r) => setTimeout(r, 50));
    release();

    const got = await Promise.all(asking);
    expect(new Set(got).size).toBe(1);
    expect(harvestId.tokenRequests()).toHaveLength(2);
    expect(saved.map((t) => t.accessToken)).toEqual([got[0]]);
  });

  it('ends with GrantRevokedError naming the account, and stops asking Harvest', async () => {
    const first = await signIn();
    const tokens = source(first, [], 'Allen Studio');
    harvestId.revoke(first.refreshToken);
    clock.advanceMinutes(18 * 60);

    const error = await tokens.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantRevokedError);
    expect((error as Error).message).toBe(
      'Harvest signed Sheaf out of Allen Studio: sign in again. Your unsent changes are kept.',
    );
    await expect(tokens.token()).rejects.toBe(error);
    expect(harvestId.tokenRequests()).toHaveLength(2);
  });
});

describe('listing accounts', () => {
  it('lists the accounts an OAuth token reaches, with ids as strings, and keeps only Harvest ones on request', async () => {
    const { accessToken } = await signIn();
    const { user, accounts } = await listAccounts({ baseUrl: harvestId.baseUrl, fetch, token: accessToken });

    expect(user).toEqual({ id: 1782959, name: 'Kim Allen', email: 'kim@example.com' });
    expect(accounts).toEqual([
      { id: '123', name: 'Allen Studio', product: 'harvest' },
      { id: '456', name: 'Allen Studio Forecast', product: 'forecast' },
    ]);
    expect(harvestAccountsOnly(accounts)).toEqual([{ id: '123', name: 'Allen Studio', product: 'harvest' }]);
    const request = harvestId.requests.at(-1);
    expect(request?.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(request?.headers['user-agent']).toMatch(/^Sheaf /);
    expect(request?.headers['harvest-account-id']).toBeUndefined();
  });

  it('works with a Personal Access Token, so nobody types an account id', async () => {
    const { accounts } = await listAccounts({ baseUrl: harvestId.baseUrl, fetch, token: PAT });
    expect(harvestAccountsOnly(accounts).map((a) => a.id)).toEqual(['123']);
  });

  it('refuses a token Harvest ID does not know', async () => {
    const error = await listAccounts({ baseUrl: harvestId.baseUrl, fetch, token: 'nope' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnauthorizedError);
  });
});
