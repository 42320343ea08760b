// Tests that the keychain never loses an account: a keychain that throws, hangs or holds text Sheaf can't read
// is told and never written over (the environment's account still works); once it answers again the next save
// keeps what was there; a save that fails is told; and two data folders keep their own accounts. Each goes
// through the SecretStore port, and the hanging keyring through the chooser both hosts use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Keytar } from '../../electron/main/adapters/keytar-secret-store';
import { keychainMessages } from '../../electron/main/core/session/keychain';
import { createSecretStore } from '../../electron/main/platform/secret-store';
import { DEMO_ACCOUNTS } from '../../electron/sandbox/server';
import { choosePreviewSecretStore } from '../../electron/web/secrets';
import { coreApp, signedInApp, type Harness } from '../fixtures/signed-in-app';
import type { MemorySecrets } from '../fixtures/memory-secrets';

let h: Harness | undefined;
const folders: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const [agency, freelance] = DEMO_ACCOUNTS.map((a) => a.id) as [string, string];

/** Signed in to the agency account, saved in the keychain under 'harvest'. */
async function signedInToAgency(): Promise<Harness> {
  const harness = await signedInApp({ accounts: DEMO_ACCOUNTS, signIn: false });
  await harness.app.commands.signIn({ token: harness.sandbox.token, accountId: agency });
  return harness;
}

const stored = (harness: Harness) => harness.secrets.values.get('harvest');
const accountsIn = (text: string | undefined) =>
  (JSON.parse(text ?? '{"accounts":[]}') as { accounts: Array<{ accountId: string }> }).accounts.map(
    (a) => a.accountId,
  );

function lock(secrets: MemorySecrets): () => void {
  const get = secrets.get.bind(secrets);
  secrets.get = () => Promise.reject(new Error('Cannot get secret of a locked object'));
  return () => {
    secrets.get = get;
  };
}

describe('a keychain Sheaf cannot read', () => {
  it('is told, shows no accounts, and is never written over by a sign-in or a sign-out', async () => {
    h = await signedInToAgency();
    const before = stored(h);
    lock(h.secrets);
    const app = await h.restart();
    expect(app.getState().notices).toContain(keychainMessages.unreadable);
    expect(app.getState().accounts).toEqual([]);

    await app.commands.signIn({ token: h.sandbox.token, accountId: freelance });
    expect(app.getState().session.status).toBe('signed_in');
    expect(app.getState().notices).toContain(keychainMessages.notWrittenOver);
    await app.commands.signOut({});
    expect(stored(h)).toBe(before);
  });

  it("still signs in with the environment's token", async () => {
    h = await signedInToAgency();
    lock(h.secrets);
    const app = await h.restart({
      env: {
        HARVEST_API_URL: h.sandbox.url,
        HARVEST_ACCESS_TOKEN: h.sandbox.token,
        HARVEST_ACCOUNT_ID: freelance,
      },
    });
    expect(app.getState().session.status).toBe('signed_in');
    expect(app.getState().activeAccountId).toBe(freelance);
  });

  it('keeps text it cannot make sense of (a newer Sheaf’s) as it is', async () => {
    h = await signedInApp({ accounts: DEMO_ACCOUNTS, signIn: false });
    const newer = JSON.stringify({ version: 3, accounts: [{ id: agency }] });
    h.secrets.values.set('harvest', newer);
    const app = await h.restart();
    expect(app.getState().notices).toContain(keychainMessages.unparseable);
    await app.commands.signIn({ token: h.sandbox.token, accountId: freelance });
    expect(stored(h)).toBe(newer);
  });

  it('once it answers again, saves what changed meanwhile on top of the accounts it could not read', async () => {
    h = await signedInToAgency();
    const unlock = lock(h.secrets);
    const app = await h.restart();
    await app.commands.signIn({ token: h.sandbox.token, accountId: freelance });
    expect(accountsIn(stored(h))).toEqual([agency]);
    unlock();
    await app.commands.switchAccount({ accountId: freelance });
    expect(accountsIn(stored(h))).toEqual([agency, freelance]);
    const again = await h.restart();
    expect(again.getState().accounts.map((a) => a.id)).toEqual([agency, freelance]);
  });
});

describe('a keychain that answered nothing at start', () => {
  it('is read again before the first save, so accounts it held all along are kept', async () => {
    h = await signedInToAgency();
    // A locked Secret Service whose unlock prompt was dismissed: keytar answers "nothing" (measured with
    // gnome-keyring), then the save's own prompt is accepted and the entry is there after all.
    const get = h.secrets.get.bind(h.secrets);
    let dismissed = true;
    h.secrets.get = async (account) => {
      if (!dismissed) return get(account);
      dismissed = false;
      return null;
    };
    const app = await h.restart();
    expect(app.getState().accounts).toEqual([]);
    await app.commands.signIn({ token: h.sandbox.token, accountId: freelance });
    expect(accountsIn(stored(h))).toEqual([agency, freelance]);
  });
});

/** keytar over the harness's keychain, whose calls never answer (a locked Secret Service waiting on its prompt). */
function hangingKeytar(secrets: MemorySecrets): Keytar {
  const never = () => new Promise<never>(() => {});
  return {
    // A probe for an entry that doesn't exist never prompts, so it answers; real entries wait on the unlock.
    getPassword: (_service, account) => (account === '__sheaf_probe__' ? Promise.resolve(null) : never()),
    setPassword: async (_service, account, password) => {
      await secrets.set(account, password);
    },
    deletePassword: never,
  };
}

describe.each([
  [
    'the desktop app',
    (loadKeytar: () => Keytar) =>
      createSecretStore({
        dataDir: '/nonexistent',
        safeStorage: {
          isEncryptionAvailable: () => false,
          encryptString: () => Buffer.alloc(0),
          decryptString: () => '',
        },
        warn: () => {},
        loadKeytar,
        answerWithinMs: 50,
      }),
  ],
  [
    'the preview',
    (loadKeytar: () => Keytar) => choosePreviewSecretStore(() => {}, { loadKeytar, answerWithinMs: 50 }),
  ],
])('in %s, a keyring that never answers', (_host, choose) => {
  it('is unreadable after the wait, not empty, and nothing is written over it', async () => {
    h = await signedInToAgency();
    const before = stored(h);
    const secrets = await choose(() => hangingKeytar(h!.secrets));
    const app = await h.restart({ secrets });
    expect(app.getState().notices).toContain(keychainMessages.unreadable);
    await app.commands.signIn({ token: h.sandbox.token, accountId: freelance });
    expect(stored(h)).toBe(before);
  });
});

describe('a save the keychain refuses', () => {
  it('is told when a sign-in could not be saved, and when a sign-out could not be removed', async () => {
    h = await signedInToAgency();
    h.secrets.set = () => Promise.reject(new Error('The keychain refused'));
    await h.app.commands.signIn({ token: h.sandbox.token, accountId: freelance });
    expect(h.app.getState().notices).toContain(keychainMessages.saveFailed);

    h.secrets.delete = () => Promise.reject(new Error('The keychain refused'));
    await h.app.commands.signOut({});
    expect(h.app.getState().notices).toContain(keychainMessages.removeFailed);
  });
});

describe('two Sheafs on different data folders', () => {
  it('each keep their own accounts in the one keychain, whichever saved last', async () => {
    h = await signedInToAgency();
    const otherDir = mkdtempSync(join(tmpdir(), 'sheaf-test-'));
    folders.push(otherDir);
    // SHEAF_DATA_DIR elsewhere, on the same computer: the host's default folder is still the first one's.
    const other = coreApp(h.sandbox, h.clock, otherDir, h.secrets, { defaultDataDir: h.dataDir });
    await other.start();
    expect(other.getState().accounts).toEqual([]);
    await other.commands.signIn({ token: h.sandbox.token, accountId: freelance });
    await other.dispose({ waitForSyncMs: 0 });

    const first = await h.restart();
    expect(first.getState().accounts.map((a) => a.id)).toEqual([agency]);
    const second = coreApp(h.sandbox, h.clock, otherDir, h.secrets, { defaultDataDir: h.dataDir });
    await second.start();
    expect(second.getState().accounts.map((a) => a.id)).toEqual([freelance]);
    await second.dispose({ waitForSyncMs: 0 });
  });
});
