// Tests "Sign in with Harvest" over real loopback HTTP: a test browser walks a scripted Harvest ID's authorize
// redirect back to Sheaf's 127.0.0.1 receiver, which trades the code at the token endpoint.
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SignInCancelledError,
  SignInDeniedError,
  SignInExpiredError,
  SignInTimedOutError,
  signInWithHarvest,
  HarvestAppSettingsError,
  type HarvestIdConfig,
  type SignInOptions,
} from '../../electron/main/core/harvest-id';
import { FakeClock } from '../fixtures/fake-clock';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  startHarvestIdServer,
  testBrowser,
  type HarvestIdServer,
} from '../fixtures/harvest-id-server';

let harvestId: HarvestIdServer;
const clock = new FakeClock('2025-03-04T09:00:00Z');

beforeEach(async () => {
  harvestId = await startHarvestIdServer();
});
afterEach(() => harvestId.close());

function options(overrides: Partial<SignInOptions> = {}): SignInOptions {
  const config: HarvestIdConfig = {
    baseUrl: harvestId.baseUrl,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
  };
  return { config, fetch, clock, openUrl: testBrowser().openUrl, timeoutMs: 10_000, ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the sign-in to fail');
    },
    (error: Error) => error,
  );
}

/** Resolves true when nothing listens on the redirect's port any more. */
async function portClosed(redirectUri: string): Promise<boolean> {
  return fetch(redirectUri).then(
    () => false,
    () => true,
  );
}

const redirectOf = (authorizeUrl: string) => new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '';

describe('signing in through the browser', () => {
  it('opens Harvest ID, takes the code from the loopback, and returns tokens that expire when Harvest says', async () => {
    const browser = testBrowser();
    const tokens = await signInWithHarvest(options({ openUrl: browser.openUrl }));
    await browser.done();

    expect(tokens).toEqual({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      expiresAt: new Date(clock.now().getTime() + 64_799_000).toISOString(),
    });
    const authorize = new URL(browser.opened[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe(`${harvestId.baseUrl}/oauth2/authorize`);
    const [token] = harvestId.tokenRequests();
    expect(Object.fromEntries(token?.form ?? [])).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: authorize.searchParams.get('redirect_uri'),
      code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(token?.headers['user-agent']).toMatch(/^Sheaf /);

    const tab = browser.visits[1];
    expect(tab?.status).toBe(200);
    expect(tab?.body).toContain("You're signed in to Sheaf.");
    expect(tab?.body).toContain('You can close this tab.');
    expect(tab?.body).not.toContain('code-1');
    expect(tab?.headers.get('cache-control')).toBe('no-store');
    expect(tab?.headers.get('referrer-policy')).toBe('no-referrer');
    expect(tab?.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(await portClosed(redirectOf(browser.opened[0] ?? ''))).toBe(true);
  });

  it('listens on 127.0.0.1 only, never on the other interfaces of this computer', async () => {
    let redirect = '';
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    const reached: string[] = [];
    const signingIn = signInWithHarvest(
      options({
        openUrl: async (url) => {
          redirect = redirectOf(url);
          const port = new URL(redirect).port;
          for (const host of [...others, '[::1]'])
            await fetch(`http://${host}:${port}/sheaf/signed-in`).then(
              () => reached.push(host),
              () => undefined,
            );
          await testBrowser().openUrl(url);
        },
      }),
    );
    await signingIn;
    expect(new URL(redirect).hostname).toBe('127.0.0.1');
    expect(reached).toEqual([]);
  });

  it('ignores other paths and methods on the loopback, and still takes the real answer', async () => {
    const browser = testBrowser();
    const signingIn = signInWithHarvest(
      options({
        openUrl: async (url) => {
          const origin = new URL(redirectOf(url)).origin;
          expect((await fetch(`${origin}/favicon.ico`)).status).toBe(404);
          expect((await fetch(redirectOf(url), { method: 'POST' })).status).toBe(405);
          await browser.openUrl(url);
        },
      }),
    );
    expect((await signingIn).accessToken).toBe('access-2');
  });

  it('ignores an answer with the wrong state, logs and counts it, and still takes the real one', async () => {
    const logged: string[] = [];
    const browser = testBrowser();
    let forged: Response | undefined;
    const signingIn = signInWithHarvest(
      options({
        log: (line) => logged.push(line),
        openUrl: async (url) => {
          // Any local process (or a page that guessed the port) answers first, with a state it made up.
          const answer = new URL(redirectOf(url));
          answer.searchParams.set('state', 'forged-state-from-another-tab');
          answer.searchParams.set('code', 'the-forgers-own-code');
          forged = await fetch(answer);
          await fetch(answer);
          await browser.openUrl(url);
        },
      }),
    );
    expect((await signingIn).accessToken).toBe('access-2');
    expect(forged?.status).toBe(400);
    expect(await forged?.text()).toContain("Sheaf isn't waiting for this sign-in answer, so it was ignored.");
    expect(logged).toEqual([
      "sign-in: ignored an answer whose state wasn't Sheaf's (1 so far); still waiting",
      "sign-in: ignored an answer whose state wasn't Sheaf's (2 so far); still waiting",
    ]);
    // Only the real code was traded.
    expect(harvestId.tokenRequests()).toHaveLength(1);
  });

  it('keeps waiting after a forged answer until the timeout: nobody is signed in and no code is traded', async () => {
    const browser = testBrowser({
      rewrite: (answer) => {
        answer.searchParams.set('state', 'forged-state-from-another-tab');
        return answer;
      },
    });
    const began = Date.now();
    const error = await failure(signInWithHarvest(options({ openUrl: browser.openUrl, timeoutMs: 1500 })));
    await browser.done();

    expect(error).toBeInstanceOf(SignInTimedOutError);
    expect(Date.now() - began).toBeGreaterThanOrEqual(1400);
    expect(browser.visits[1]?.status).toBe(400);
    expect(harvestId.tokenRequests()).toHaveLength(0);
    expect(await portClosed(redirectOf(browser.opened[0] ?? ''))).toBe(true);
  });

  it('says so when the person denies Sheaf access at Harvest', async () => {
    harvestId.decision = 'deny';
    const browser = testBrowser();
    const error = await failure(signInWithHarvest(options({ openUrl: browser.openUrl })));
    await browser.done();

    expect(error).toBeInstanceOf(SignInDeniedError);
    expect(browser.visits[1]?.body).toContain("Sheaf wasn't given access.");
    expect(browser.visits[1]?.body).toContain('You can close this tab and try again from Sheaf.');
    expect(harvestId.tokenRequests()).toHaveLength(0);
  });

  it('explains an expired code, in the tab and in Sheaf', async () => {
    const browser = testBrowser({
      rewrite: (answer) => {
        harvestId.expireCodes();
        return answer;
      },
    });
    const error = await failure(signInWithHarvest(options({ openUrl: browser.openUrl })));
    await browser.done();

    expect(error).toBeInstanceOf(SignInExpiredError);
    expect(error.message).toBe('That sign-in had expired or was already used. Sign in again from Sheaf.');
    expect(browser.visits[1]?.body).toContain("Sheaf couldn't sign you in.");
    expect(browser.visits[1]?.body).toContain(error.message);
  });

  it("blames Sheaf's app settings, not the person, when Harvest refuses the client secret", async () => {
    const config = { baseUrl: harvestId.baseUrl, clientId: CLIENT_ID, clientSecret: 'wrong-secret' };
    const error = await failure(signInWithHarvest(options({ config })));
    expect(error).toBeInstanceOf(HarvestAppSettingsError);
    expect(error.message).toMatch(/^Sheaf's Harvest app settings are wrong/);
    expect(error.message).not.toContain('wrong-secret');
  });

  it('turns away a second answer while the first is being traded, and it changes nothing', async () => {
    const release = harvestId.holdTokenRequests();
    let second: Response | undefined;
    const browser = testBrowser();
    const signingIn = signInWithHarvest(
      options({
        openUrl: async (url) => {
          const first = browser.openUrl(url);
          // Wait until the first answer has reached the token endpoint, then answer again with another code.
          while (harvestId.tokenRequests().length === 0) await new Promise((r) => setTimeout(r, 5));
          const again = new URL(browser.visits[0]?.headers.get('location') ?? '');
          again.searchParams.set('code', 'code-from-an-attacker');
          second = await fetch(again);
          release();
          await first;
        },
      }),
    );

    expect((await signingIn).accessToken).toBe('access-2');
    expect(second?.status).toBe(409);
    expect(await second?.text()).toContain('This sign-in is already finished.');
    expect(harvestId.tokenRequests()).toHaveLength(1);
  });

  it('still signs in when the tab is closed while the code is being traded', async () => {
    const release = harvestId.holdTokenRequests();
    const signingIn = signInWithHarvest(
      options({
        openUrl: async (url) => {
          const harvest = await fetch(url, { redirect: 'manual' });
          const tab = new AbortController();
          const answer = fetch(harvest.headers.get('location') ?? '', { signal: tab.signal });
          while (harvestId.tokenRequests().length === 0) await new Promise((r) => setTimeout(r, 5));
          tab.abort();
          await answer.catch(() => undefined);
          await new Promise((r) => setTimeout(r, 20));
          release();
        },
      }),
    );
    expect((await signingIn).accessToken).toBe('access-2');
  });

  it('gives up after the timeout and closes the port', async () => {
    let redirect = '';
    const error = await failure(
      signInWithHarvest(options({ timeoutMs: 150, openUrl: (url) => void (redirect = redirectOf(url)) })),
    );
    expect(error).toBeInstanceOf(SignInTimedOutError);
    expect(error.message).toBe(
      "Sheaf waited 1 minute for Harvest and stopped. Sign in again when you're ready.",
    );
    expect(await portClosed(redirect)).toBe(true);
  });

  it('stops waiting and closes the port when the sign-in is cancelled', async () => {
    const controller = new AbortController();
    let redirect = '';
    const signingIn = signInWithHarvest(
      options({
        signal: controller.signal,
        openUrl: (url) => {
          redirect = redirectOf(url);
          setTimeout(() => controller.abort(), 20);
        },
      }),
    );
    expect(await failure(signingIn)).toBeInstanceOf(SignInCancelledError);
    expect(await portClosed(redirect)).toBe(true);
  });
});
