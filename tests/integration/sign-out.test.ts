// Tests signing out with changes that haven't reached Harvest: without an answer Sheaf refuses with the count and
// changes nothing; "send" sends them before signing out (or says it couldn't, still signed in); "keep" leaves
// them in the account's outbox on disk, sent after signing in again; "discard" removes them from disk. Out of
// every account the count is summed, and a running timer is asked about too (stop it first, or leave it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/dispatch';
import { accountDir } from '../../electron/main/core/storage/local-store';
import { DEMO_ACCOUNTS } from '../../electron/sandbox/server';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const [agency, freelance] = DEMO_ACCOUNTS.map((a) => a.id) as [string, string];

/**
 * Signed in to the sandbox's two accounts. Retries wait a minute, so a change that waits is sent only when
 * something asks for it now (as "send them first" does), never by the retry timer during a test.
 */
async function bothAccounts(): Promise<Harness> {
  const harness = await signedInApp({
    accounts: DEMO_ACCOUNTS,
    signIn: false,
    app: { retryDelayMs: 60_000 },
  });
  await harness.app.commands.signIn({ token: harness.sandbox.token });
  await harness.app.commands.chooseAccounts({ accountIds: [agency, freelance] });
  return harness;
}

const firstPair = async (harness: Harness) => (await harness.app.commands.listAssignments(undefined))[0]!;

/** Starts a timer in the shown account while Harvest can't be reached: one change waits. */
async function startOffline(harness: Harness, notes: string): Promise<void> {
  harness.sandbox.faults.outage = true;
  const { projectId, taskId } = await firstPair(harness);
  await harness.app.commands.startTimer({ projectId, taskId, notes, otherAccount: 'keep' });
  // Its first try has given up: from here only a retry (a minute away) or an ask to send now sends it.
  await harness.app.whenSynced();
}

const outboxOf = (harness: Harness, accountId: string) =>
  join(accountDir(harness.dataDir, accountId, harness.sandbox.userId), 'outbox.jsonl');
const onDisk = (harness: Harness, accountId: string) => {
  const file = outboxOf(harness, accountId);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};
const inHarvest = (harness: Harness, accountId: string, notes: string) =>
  harness.sandbox
    .adminFor(accountId)
    .entries()
    .filter((e) => e.notes === notes);
const handlers = (harness: Harness) => ({
  ...harness.app.commands,
  openHarvest: () => {},
  hidePopover: () => {},
});

describe('signing out of an account with changes waiting', () => {
  it('without an answer is refused with how many wait, and nothing changes', async () => {
    h = await bothAccounts();
    await startOffline(h, 'offline work');
    const result = await dispatch(handlers(h), 'signOutOf', { accountId: agency }, () => {});
    expect(result).toMatchObject({ ok: false, error: { code: 'sign_out_question' } });
    expect(!result.ok && result.error.message).toBe("1 change in Sheaf Demo Co hasn't reached Harvest yet.");
    expect(h.app.getState().accounts.map((a) => a.id)).toEqual([agency, freelance]);
    expect(onDisk(h, agency)).toContain('offline work');
  });

  it('“discard” removes them from disk, and nothing reaches Harvest after signing in again', async () => {
    h = await bothAccounts();
    await startOffline(h, 'thrown away');
    await h.app.commands.signOutOf({ accountId: agency, waiting: 'discard' });
    expect(h.app.getState().accounts.map((a) => a.id)).toEqual([freelance]);
    expect(onDisk(h, agency)).not.toContain('thrown away');

    h.sandbox.faults.outage = false;
    await h.app.commands.signIn({ token: h.sandbox.token, accountId: agency });
    await h.app.whenSynced();
    expect(inHarvest(h, agency, 'thrown away')).toEqual([]);
  });

  it('“keep” leaves them in its outbox on disk, and they are sent after signing in again', async () => {
    h = await bothAccounts();
    await startOffline(h, 'kept for later');
    await h.app.commands.signOutOf({ accountId: agency, waiting: 'keep' });
    expect(h.app.getState().accounts.map((a) => a.id)).toEqual([freelance]);
    expect(onDisk(h, agency)).toContain('kept for later');
    expect(inHarvest(h, agency, 'kept for later')).toEqual([]);

    h.sandbox.faults.outage = false;
    await h.app.commands.signIn({ token: h.sandbox.token, accountId: agency });
    await h.app.whenSynced();
    expect(inHarvest(h, agency, 'kept for later')).toHaveLength(1);
    expect(onDisk(h, agency)).not.toContain('kept for later');
  });

  it('“send” sends them to Harvest first, then signs out', async () => {
    h = await bothAccounts();
    await startOffline(h, 'sent on the way out');
    h.sandbox.faults.outage = false;
    await h.app.commands.signOutOf({ accountId: agency, waiting: 'send' });
    expect(inHarvest(h, agency, 'sent on the way out')).toHaveLength(1);
    expect(h.app.getState().accounts.map((a) => a.id)).toEqual([freelance]);
    expect(onDisk(h, agency)).not.toContain('sent on the way out');
  });

  it('“send” that can’t reach Harvest says so and stays signed in, the changes still waiting', async () => {
    h = await bothAccounts();
    await startOffline(h, 'still waiting');
    const result = await dispatch(handlers(h), 'signOutOf', { accountId: agency, waiting: 'send' }, () => {});
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(!result.ok && result.error.message).toMatch(
      /couldn't send 1 change to Harvest, so you're still signed/,
    );
    expect(h.app.getState().accounts.map((a) => a.id)).toEqual([agency, freelance]);
    expect(h.app.getState().accounts[0]!.pending).toBe(1);
    expect(onDisk(h, agency)).toContain('still waiting');
  });
});

describe('signing out of all accounts', () => {
  it('sums the changes waiting across accounts, and discards each one’s', async () => {
    h = await bothAccounts();
    await startOffline(h, 'agency offline');
    await h.app.commands.switchAccount({ accountId: freelance });
    await startOffline(h, 'freelance offline');
    const result = await dispatch(handlers(h), 'signOut', { runningTimer: 'leave' }, () => {});
    expect(!result.ok && result.error.message).toBe(
      "2 changes in your accounts haven't reached Harvest yet. 2 timers are still running.",
    );
    await h.app.commands.signOut({ waiting: 'discard', runningTimer: 'leave' });
    expect(h.app.getState().accounts).toEqual([]);
    expect(onDisk(h, agency)).toBe('');
    expect(onDisk(h, freelance)).toBe('');
  });

  it('asks about a running timer, and stops it in Harvest first when told to', async () => {
    h = await bothAccounts();
    const { projectId, taskId } = await firstPair(h);
    await h.app.commands.startTimer({ projectId, taskId, notes: 'running at sign-out' });
    await h.app.whenSynced();
    const asked = await dispatch(handlers(h), 'signOut', {}, () => {});
    expect(!asked.ok && asked.error.message).toBe('A timer is still running.');

    await h.app.commands.signOut({ runningTimer: 'stop' });
    expect(h.app.getState().accounts).toEqual([]);
    expect(inHarvest(h, agency, 'running at sign-out').map((e) => e.is_running)).toEqual([false]);
  });

  it('leaves the timer running in Harvest when told to', async () => {
    h = await bothAccounts();
    const { projectId, taskId } = await firstPair(h);
    await h.app.commands.startTimer({ projectId, taskId, notes: 'left running' });
    await h.app.whenSynced();
    await h.app.commands.signOut({ runningTimer: 'leave' });
    expect(inHarvest(h, agency, 'left running').map((e) => e.is_running)).toEqual([true]);
  });

  it('from the tray asks in the popover instead of signing out, and signs out when nothing is left behind', async () => {
    h = await bothAccounts();
    await startOffline(h, 'tray sign-out');
    const events: unknown[] = [];
    h.app.onEvent((event) => events.push(event));
    expect(await h.app.signOutOrAsk()).toBe('asking');
    expect(events).toEqual([{ type: 'askSignOut' }]);
    expect(h.app.getState().accounts).toHaveLength(2);

    await h.app.commands.signOutOf({ accountId: agency, waiting: 'discard' });
    expect(await h.app.signOutOrAsk()).toBe('signedOut');
    expect(h.app.getState().accounts).toEqual([]);
  });
});
