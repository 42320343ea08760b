// Tests "Sign in with Harvest" through the whole app, with the sandbox as Harvest ID and a test browser that follows
// redirects: the accounts it reached are picked, its tokens live only in the keychain, an expired access token is
// refreshed and the work carries on, a revoked grant signs the accounts out with their unsent changes kept, a
// denied consent says so, and accounts added as another Harvest user than the one signed in need a yes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/dispatch';
import { DEMO_ACCOUNTS } from '../../electron/sandbox/server';
import { testBrowser } from '../fixtures/harvest-id-server';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const [agency, freelance] = DEMO_ACCOUNTS.map((a) => a.id) as [string, string];

/** Someone else at a shared computer: their own Harvest ID login, a member of the same accounts. */
const sam = { id: 9001, first_name: 'Sam', last_name: 'Other', email: 'sam@example.com' };

async function withHarvestId(
  decision: 'allow' | 'deny' = 'allow',
  accessTokenTtlSeconds?: number,
  { accounts = DEMO_ACCOUNTS } = {},
) {
  const browser = testBrowser();
  const lines: string[] = [];
  const harness = await signedInApp({
    accounts,
    harvestId: { autoDecision: decision, ...(accessTokenTtlSeconds ? { accessTokenTtlSeconds } : {}) },
    signIn: false,
  });
  const app = await harness.restart({
    env: {
      HARVEST_API_URL: harness.sandbox.url,
      HARVEST_ID_URL: harness.sandbox.idUrl,
      SHEAF_OAUTH_CLIENT_ID: harness.sandbox.harvestId.clientId,
      SHEAF_OAUTH_CLIENT_SECRET: harness.sandbox.harvestId.clientSecret,
    },
    openUrl: browser.openUrl,
    log: (line) => lines.push(line),
  });
  return { harness, app, browser, lines };
}

/** The notes of every entry Harvest holds in the account. */
const notesIn = (harness: Harness, accountId: string) =>
  harness.sandbox
    .adminFor(accountId)
    .entries()
    .map((e) => e.notes);

/** Every file under `dir`, as text. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path, 'utf8')];
  });
}

describe('Sign in with Harvest', () => {
  it('is offered once a client id is configured, and reaches the accounts the person then picks', async () => {
    const { harness, app, browser } = await withHarvestId();
    h = harness;
    expect(app.getState().harvestSignIn).toBe(true);
    await app.commands.signInWithHarvest(undefined);
    expect(browser.opened[0]).toMatch(/\/id\/oauth2\/authorize\?/);
    expect(app.getState().accountChoice?.accounts.map((a) => a.id)).toEqual([agency, freelance]);
    // Whose sign-in it was, so the person sees the accounts are theirs before using any.
    expect(app.getState().accountChoice?.user).toEqual({ name: 'Dana Demo', email: 'dana@example.com' });
    await app.commands.chooseAccounts({ accountIds: [agency, freelance] });
    expect(app.getState().accounts.map((a) => a.signedIn)).toEqual([true, true]);

    // The tokens are in the keychain only: not in any file Sheaf wrote, not in the snapshot.
    const record = harness.secrets.values.get('harvest')!;
    const { grants } = JSON.parse(record) as {
      grants: Record<string, { kind: string; refreshToken: string }>;
    };
    const grant = Object.values(grants)[0]!;
    expect(grant.kind).toBe('oauth');
    for (const text of filesUnder(harness.dataDir)) expect(text).not.toContain(grant.refreshToken);
    expect(JSON.stringify(app.getState())).not.toContain(grant.refreshToken);
  });

  it('refreshes an expired access token and carries on with what was being sent', async () => {
    const { harness, app } = await withHarvestId();
    h = harness;
    await app.commands.signInWithHarvest(undefined);
    await app.commands.chooseAccounts({ accountIds: [agency] });
    const before = harness.sandbox.harvestId.grants();
    const tokenRequests = () =>
      harness.sandbox.requestLog.filter((r) => r.path.endsWith('/oauth2/token') && r.status === 200).length;
    const exchanged = tokenRequests();
    harness.sandbox.harvestId.expireAccessTokens();
    const { projectId, taskId } = (await app.commands.listAssignments(undefined))[0]!;
    await app.commands.startTimer({ projectId, taskId, notes: 'after the refresh' });
    await app.whenSynced();
    await expect.poll(() => notesIn(harness, agency), { timeout: 10_000 }).toContain('after the refresh');
    expect(app.getState().session.status).toBe('signed_in');
    // One refresh, on the same grant: no second sign-in.
    expect(tokenRequests()).toBe(exchanged + 1);
    expect(harness.sandbox.harvestId.grants()).toBe(before);
  });

  it('refreshes ahead of expiry, so no request meets an expired token', async () => {
    // A 3-second token: refreshed a tenth of its life (0.3 s) before it runs out.
    const { harness, app } = await withHarvestId('allow', 3);
    h = harness;
    await app.commands.signInWithHarvest(undefined);
    await app.commands.chooseAccounts({ accountIds: [agency] });
    const refused = () => harness.sandbox.requestLog.filter((r) => r.status === 401).length;
    const refreshes = () =>
      harness.sandbox.requestLog.filter((r) => r.path.endsWith('/oauth2/token') && r.status === 200).length;
    const before = refreshes();
    // Harvest's clock and Sheaf's move to 2.8 s in; Sheaf's own timer for the refresh runs on real time.
    harness.clock.advance(2_800);
    await expect.poll(refreshes, { timeout: 10_000, interval: 100 }).toBe(before + 1);
    harness.clock.advance(1_000); // the first access token has expired now
    await app.commands.refresh(undefined);
    expect(refused()).toBe(0);
    expect(app.getState().session.status).toBe('signed_in');
  });

  it('a revoked grant signs its accounts out with a plain message and keeps their unsent changes', async () => {
    const { harness, app } = await withHarvestId();
    h = harness;
    await app.commands.signInWithHarvest(undefined);
    await app.commands.chooseAccounts({ accountIds: [agency] });
    harness.sandbox.harvestId.revokeGrants();
    const { projectId, taskId } = (await app.commands.listAssignments(undefined))[0]!;
    await app.commands.startTimer({ projectId, taskId, notes: 'kept for later' });
    await expect.poll(() => app.getState().session.status, { timeout: 10_000 }).toBe('signed_out');
    const s = app.getState();
    expect(s.session.status === 'signed_out' && s.session.message).toMatch(/Harvest signed Sheaf out/);
    // The change is kept, and goes once the person signs in again (here with the personal token).
    await app.commands.signIn({ token: harness.sandbox.token, accountId: agency });
    await app.whenSynced();
    await expect.poll(() => notesIn(harness, agency), { timeout: 10_000 }).toContain('kept for later');
  });

  it('says so when the person denies Sheaf access, and stays signed out', async () => {
    const { harness, app } = await withHarvestId('deny');
    h = harness;
    // Through the IPC, as the popover sees it: Harvest's refusal in words, not "something went wrong".
    const handlers = { ...app.commands, openHarvest: () => {}, hidePopover: () => {} };
    const result = await dispatch(handlers, 'signInWithHarvest', undefined, () => {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(!result.ok && result.error.message).toMatch(/didn't give Sheaf access/);
    expect(app.getState().session.status).toBe('signed_out');
    expect(app.getState().accounts).toEqual([]);
  });

  it('adds accounts of the person signed in now without asking anything more', async () => {
    const { harness, app } = await withHarvestId();
    h = harness;
    await app.commands.signIn({ token: harness.sandbox.token, accountId: agency });
    await app.commands.signInWithHarvest(undefined);
    expect(app.getState().accountChoice).toEqual({
      accounts: [
        { id: agency, name: expect.any(String), signedIn: true },
        { id: freelance, name: expect.any(String), signedIn: false },
      ],
      user: { name: 'Dana Demo', email: 'dana@example.com' },
    });
    await app.commands.chooseAccounts({ accountIds: [freelance] });
    expect(app.getState().accounts.map((a) => a.id)).toEqual([agency, freelance]);
  });

  it('says whose accounts a sign-in as another Harvest user reached, and uses them only once told to', async () => {
    const { harness, app } = await withHarvestId();
    h = harness;
    await app.commands.signIn({ token: harness.sandbox.token, accountId: agency });
    // A colleague is signed in to Harvest ID in this browser, and is a member of the same accounts.
    harness.sandbox.harvestId.signInAs(sam);
    await app.commands.signInWithHarvest(undefined);
    expect(app.getState().accountChoice).toMatchObject({
      user: { name: 'Sam Other', email: 'sam@example.com' },
      insteadOf: { name: 'Dana Demo', email: 'dana@example.com' },
    });
    await expect(app.commands.chooseAccounts({ accountIds: [freelance] })).rejects.toThrow(
      'These accounts belong to Sam Other, not Dana Demo. Confirm that you want to use them, or cancel.',
    );
    expect(app.getState().accounts.map((a) => a.id)).toEqual([agency]);
    await app.commands.chooseAccounts({ accountIds: [freelance], someoneElse: true });
    expect(app.getState().accounts.map((a) => a.id)).toEqual([agency, freelance]);
    expect(app.getState().accountChoice).toBeNull();
  });

  it('asks even when another user’s sign-in reaches one account, rather than signing in to it at once', async () => {
    const { harness, app } = await withHarvestId('allow', undefined, { accounts: [DEMO_ACCOUNTS[0]!] });
    h = harness;
    await app.commands.signIn({ token: harness.sandbox.token, accountId: agency });
    harness.sandbox.harvestId.signInAs(sam);
    await app.commands.signInWithHarvest(undefined);
    expect(app.getState().accountChoice).toEqual({
      accounts: [{ id: agency, name: expect.any(String), signedIn: true }],
      user: { name: 'Sam Other', email: 'sam@example.com' },
      insteadOf: { name: 'Dana Demo', email: 'dana@example.com' },
    });
    // Cancelled: Dana's own token still signs the account in, not Sam's.
    await app.commands.cancelAccountChoice(undefined);
    const record = JSON.parse(harness.secrets.values.get('harvest')!) as {
      grants: Record<string, { kind: string }>;
    };
    expect(Object.values(record.grants).map((g) => g.kind)).toEqual(['token']);
  });

  it('is not offered, and refuses, without a client id', async () => {
    h = await signedInApp({ signIn: false });
    expect(h.app.getState().harvestSignIn).toBe(false);
    await expect(h.app.commands.signInWithHarvest(undefined)).rejects.toThrow(/not set up/);
  });
});
