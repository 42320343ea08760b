// Tests several Harvest accounts signed in at once, against a sandbox holding the demo person's two accounts and a
// Forecast one: a token lists them, the person picks, switching is instant, each account's unsent changes reach
// its own Harvest account, a timer started while another account's runs asks (or follows the setting), and
// signing out of one account leaves the other.
import { afterEach, describe, expect, it } from 'vitest';
import { nodeDisk, setDisk } from '../../electron/main/core/storage/disk';
import { dispatch } from '../../electron/main/dispatch';
import { DEMO_ACCOUNTS } from '../../electron/sandbox/server';
import { FaultyDisk } from '../fixtures/faulty-disk';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const [agency, freelance] = DEMO_ACCOUNTS.map((a) => a.id) as [string, string];
const withForecast = [
  ...DEMO_ACCOUNTS,
  { id: '2000003', name: 'Forecast planning', product: 'forecast' as const },
];

/** Signed in with the sandbox's token, no account id typed: both Harvest accounts picked. */
async function bothAccounts(options: Parameters<typeof signedInApp>[0] = {}): Promise<Harness> {
  const harness = await signedInApp({ accounts: withForecast, signIn: false, ...options });
  await harness.app.commands.signIn({ token: harness.sandbox.token });
  await harness.app.commands.chooseAccounts({ accountIds: [agency, freelance] });
  return harness;
}

const firstPair = async (harness: Harness) => {
  const { projectId, taskId } = (await harness.app.commands.listAssignments(undefined))[0]!;
  return { projectId, taskId };
};

describe('a token without an account id', () => {
  it('lists its Harvest accounts to pick from, leaving the Forecast one out', async () => {
    h = await signedInApp({ accounts: withForecast, signIn: false });
    await h.app.commands.signIn({ token: h.sandbox.token });
    const s = h.app.getState();
    expect(s.session.status).toBe('signed_out');
    expect(s.accountChoice?.accounts.map((a) => a.name)).toEqual(['Sheaf Demo Co', 'Northwind Freelance']);
    expect(h.sandbox.requestLog.some((r) => r.path.startsWith('/id/api/v2/accounts'))).toBe(true);
  });

  it('signs in to every account picked, shows the first, and keeps them all across a restart', async () => {
    h = await bothAccounts();
    const s = h.app.getState();
    expect(s.accountChoice).toBeNull();
    expect(s.session.status).toBe('signed_in');
    expect(s.activeAccountId).toBe(agency);
    expect(s.accounts.map((a) => [a.name, a.signedIn])).toEqual([
      ['Sheaf Demo Co', true],
      ['Northwind Freelance', true],
    ]);
    const record = JSON.parse(h.secrets.values.get('harvest')!) as { accounts: unknown[] };
    expect(record.accounts).toHaveLength(2);
    // Offline after the restart: both open from their saved copies at once.
    h.sandbox.faults.outage = true;
    const again = await h.restart();
    expect(again.getState().accounts.map((a) => a.signedIn)).toEqual([true, true]);
  });

  it('a token that reaches one Harvest account signs in to it at once', async () => {
    h = await signedInApp({ signIn: false });
    await h.app.commands.signIn({ token: h.sandbox.token });
    expect(h.app.getState().session.status).toBe('signed_in');
    expect(h.app.getState().accountChoice).toBeNull();
  });

  it('refuses to pick an account the token does not reach', async () => {
    h = await signedInApp({ accounts: withForecast, signIn: false });
    await h.app.commands.signIn({ token: h.sandbox.token });
    await expect(h.app.commands.chooseAccounts({ accountIds: ['2000003'] })).rejects.toThrow(/doesn't reach/);
  });
});

describe('switching accounts', () => {
  it('shows the other account at once from what Sheaf holds, asking Harvest nothing', async () => {
    h = await bothAccounts();
    const before = h.sandbox.requestLog.length;
    await h.app.commands.switchAccount({ accountId: freelance });
    const s = h.app.getState();
    expect(s.activeAccountId).toBe(freelance);
    expect(s.session.status === 'signed_in' && s.session.accountName).toBe('Northwind Freelance');
    expect(h.sandbox.requestLog.length).toBe(before);
    const theirs = h.sandbox
      .adminFor(freelance)
      .entries()
      .map((e) => e.id);
    expect(s.day.entries.map((e) => e.id).every((id) => theirs.includes(id as number))).toBe(true);
  });

  it('sends each account’s unsent changes to its own Harvest account', async () => {
    h = await bothAccounts();
    h.sandbox.faults.outage = true;
    await h.app.commands.startTimer({ ...(await firstPair(h)), notes: 'agency work' });
    await h.app.commands.switchAccount({ accountId: freelance });
    await h.app.commands.startTimer({
      ...(await firstPair(h)),
      notes: 'freelance work',
      otherAccount: 'keep',
    });
    expect(h.app.getState().accounts.map((a) => a.pending)).toEqual([1, 1]);
    h.sandbox.faults.outage = false;
    await h.app.commands.refresh(undefined);
    for (const t of [agency, freelance]) await h.app.commands.switchAccount({ accountId: t });
    await h.app.whenSynced();
    await expect
      .poll(() =>
        h!.sandbox
          .adminFor(agency)
          .entries()
          .map((e) => e.notes),
      )
      .toContain('agency work');
    expect(
      h.sandbox
        .adminFor(agency)
        .entries()
        .map((e) => e.notes),
    ).not.toContain('freelance work');
    await expect
      .poll(() =>
        h!.sandbox
          .adminFor(freelance)
          .entries()
          .map((e) => e.notes),
      )
      .toContain('freelance work');
  });
});

describe('a timer started while another account’s runs', () => {
  async function runningInAgency(): Promise<Harness> {
    const harness = await bothAccounts();
    await harness.app.commands.startTimer({ ...(await firstPair(harness)), notes: 'agency timer' });
    await harness.app.commands.switchAccount({ accountId: freelance });
    return harness;
  }

  it('is refused with the question, naming the account and what runs there, when the setting says ask', async () => {
    h = await runningInAgency();
    const handlers = { ...h.app.commands, openHarvest: () => {}, hidePopover: () => {} };
    const result = await dispatch(handlers, 'startTimer', { ...(await firstPair(h)) }, () => {});
    expect(result).toMatchObject({ ok: false, error: { code: 'timer_elsewhere' } });
    expect(!result.ok && result.error.message).toMatch(
      /A timer is running in Sheaf Demo Co: .+ — .+\. Stop it/,
    );
    expect(h.app.getState().running).toBeNull();
  });

  it('stops the other one when the person says so, or keeps both', async () => {
    h = await runningInAgency();
    await h.app.commands.startTimer({ ...(await firstPair(h)), otherAccount: 'keep' });
    expect(h.app.getState().accounts.map((a) => a.running !== null)).toEqual([true, true]);
    await h.app.commands.stopTimer(undefined);
    await h.app.commands.startTimer({ ...(await firstPair(h)), otherAccount: 'stop' });
    expect(h.app.getState().accounts.map((a) => a.running !== null)).toEqual([false, true]);
  });

  it('follows the setting without asking, and the tray and shortcut (which can’t ask) stop the other', async () => {
    h = await runningInAgency();
    await h.app.commands.updateSettings({ otherAccountTimer: 'keep' });
    await h.app.commands.startTimer({ ...(await firstPair(h)) });
    expect(h.app.getState().accounts.map((a) => a.running !== null)).toEqual([true, true]);
    await h.app.commands.stopTimer(undefined);
    await h.app.commands.updateSettings({ otherAccountTimer: 'ask' });
    await h.app.commands.toggleTimer(undefined);
    expect(h.app.getState().accounts.map((a) => a.running !== null)).toEqual([false, true]);
  });
  it('leaves the other one running when this start is refused (the disk is full)', async () => {
    h = await runningInAgency();
    const disk = new FaultyDisk();
    setDisk(disk);
    try {
      disk.failing = 'ENOSPC';
      await expect(
        h.app.commands.startTimer({ ...(await firstPair(h)), otherAccount: 'stop' }),
      ).rejects.toThrow(/not started/);
    } finally {
      setDisk(nodeDisk);
    }
    // Told nothing changed, the person finds nothing changed: the agency's timer still runs, here and in Harvest.
    expect(h.app.getState().accounts.map((a) => a.running !== null)).toEqual([true, false]);
    await h.app.commands.refresh(undefined);
    expect(
      h.sandbox
        .adminFor(agency)
        .entries()
        .filter((e) => e.is_running),
    ).toHaveLength(1);
  });
});

describe('signing out', () => {
  it('of one account leaves the other signed in and shown; of all, none', async () => {
    h = await bothAccounts();
    await h.app.commands.signOutOf({ accountId: agency });
    let s = h.app.getState();
    expect(s.accounts.map((a) => a.id)).toEqual([freelance]);
    expect(s.activeAccountId).toBe(freelance);
    expect(s.session.status).toBe('signed_in');
    const record = JSON.parse(h.secrets.values.get('harvest')!) as { accounts: Array<{ accountId: string }> };
    expect(record.accounts.map((a) => a.accountId)).toEqual([freelance]);
    await h.app.commands.signOut({});
    s = h.app.getState();
    expect(s.accounts).toEqual([]);
    expect(s.session.status).toBe('signed_out');
    expect(h.secrets.values.has('harvest')).toBe(false);
  });
});

describe('the demo', () => {
  it('signs in to an agency and a freelance client, so switching can be tried without a Harvest login', async () => {
    h = await signedInApp({ signIn: false });
    await h.app.commands.signInDemo(undefined);
    const s = h.app.getState();
    expect(s.accounts.map((a) => [a.name, a.demo])).toEqual([
      ['Sheaf Demo Co', true],
      ['Northwind Freelance', true],
    ]);
  });
});

describe('HARVEST_ACCESS_TOKEN', () => {
  it('alone lists its Harvest accounts to pick from, and stores nothing in the keychain', async () => {
    h = await signedInApp({ accounts: withForecast, signIn: false });
    const app = await h.restart({
      env: {
        HARVEST_API_URL: h.sandbox.url,
        HARVEST_ID_URL: h.sandbox.idUrl,
        HARVEST_ACCESS_TOKEN: h.sandbox.token,
      },
    });
    expect(app.getState().accountChoice?.accounts).toHaveLength(2);
    await app.commands.chooseAccounts({ accountIds: [freelance] });
    expect(app.getState().activeAccountId).toBe(freelance);
    expect(h.secrets.values.has('harvest')).toBe(false);
  });

  it('alone, when Harvest ID can’t be reached, says why on the sign-in screen', async () => {
    h = await signedInApp({ accounts: withForecast, signIn: false });
    h.sandbox.faults.outage = true;
    const app = await h.restart({
      env: {
        HARVEST_API_URL: h.sandbox.url,
        HARVEST_ID_URL: h.sandbox.idUrl,
        HARVEST_ACCESS_TOKEN: h.sandbox.token,
      },
    });
    const s = app.getState();
    expect(s.session.status).toBe('signed_out');
    expect(s.session.status === 'signed_out' && s.session.message).toBeTruthy();
  });

  it('with HARVEST_ACCOUNT_ID still chooses that one account', async () => {
    h = await signedInApp({ accounts: withForecast, signIn: false });
    const app = await h.restart({
      env: {
        HARVEST_API_URL: h.sandbox.url,
        HARVEST_ACCESS_TOKEN: h.sandbox.token,
        HARVEST_ACCOUNT_ID: freelance,
      },
    });
    expect(app.getState().accounts.map((a) => a.id)).toEqual([freelance]);
    expect(app.getState().session.status).toBe('signed_in');
  });
});
