// Tests where the token goes: keytar when a keyring answers, else a safeStorage-encrypted file, never plaintext.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecretStore, notRememberedMessage } from '../../../electron/main/platform/secret-store';

const token = 'pat-1234567890-SECRET';
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sheaf-secrets-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** safeStorage stand-in: a reversible transform that (like the real one) leaves no plaintext in the bytes. */
function fakeSafeStorage(
  available = true,
  backend: ReturnType<SafeStorage['getSelectedStorageBackend']> = 'gnome_libsecret',
) {
  const key = 0x5a;
  return {
    isEncryptionAvailable: vi.fn<SafeStorage['isEncryptionAvailable']>(() => available),
    getSelectedStorageBackend: vi.fn<SafeStorage['getSelectedStorageBackend']>(() => backend),
    encryptString: vi.fn<SafeStorage['encryptString']>((text) =>
      Buffer.from([...Buffer.from(`v10${text}`)].map((b) => b ^ key)),
    ),
    decryptString: vi.fn<SafeStorage['decryptString']>((bytes) => {
      const text = Buffer.from([...bytes].map((b) => b ^ key)).toString();
      if (!text.startsWith('v10')) throw new Error('bad ciphertext');
      return text.slice(3);
    }),
  } satisfies Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
  >;
}

/** keytar, typed from its own declarations. */
function fakeKeytar(answers: boolean) {
  const vault = new Map<string, string>();
  const keytar = {
    getPassword: vi.fn<Keytar['getPassword']>(async (service, account) => {
      if (!answers)
        throw new Error('The name org.freedesktop.secrets was not provided by any .service files');
      return vault.get(`${service}/${account}`) ?? null;
    }),
    setPassword: vi.fn<Keytar['setPassword']>(async (service, account, password) => {
      vault.set(`${service}/${account}`, password);
    }),
    deletePassword: vi.fn<Keytar['deletePassword']>(async (service, account) =>
      vault.delete(`${service}/${account}`),
    ),
  } satisfies Pick<Keytar, 'getPassword' | 'setPassword' | 'deletePassword'>;
  return { vault, ...keytar };
}

type Keytar = typeof import('keytar');

async function filesIn(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) out[name] = (await readFile(join(dir, name))).toString('latin1');
  return out;
}

describe('createSecretStore', () => {
  it('uses the OS keychain when keytar loads and a keyring answers', async () => {
    const keytar = fakeKeytar(true);
    const safeStorage = fakeSafeStorage();
    const store = await createSecretStore({ dataDir, safeStorage, warn: vi.fn(), loadKeytar: () => keytar });
    await store.set('harvest', token);
    expect(keytar.vault.get('Sheaf/harvest')).toBe(token);
    expect(await store.get('harvest')).toBe(token);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(await readdir(dataDir)).toEqual([]);
  });

  it.each([
    ['keytar cannot load', () => null],
    ['no keyring answers', () => fakeKeytar(false)],
  ])(
    'falls back to a safeStorage-encrypted file when %s, never writing plaintext',
    async (_why, loadKeytar) => {
      const safeStorage = fakeSafeStorage();
      const warn = vi.fn();
      const store = await createSecretStore({ dataDir, safeStorage, warn, loadKeytar });
      await store.set('harvest', token);
      const files = await filesIn(dataDir);
      expect(Object.keys(files)).toEqual(['secrets.bin']);
      expect(files['secrets.bin']).not.toContain(token);
      expect(safeStorage.encryptString).toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();

      // A fresh store (next launch) reads it back; deleting removes the file.
      const again = await createSecretStore({ dataDir, safeStorage, warn, loadKeytar });
      expect(await again.get('harvest')).toBe(token);
      await again.delete('harvest');
      expect(await again.get('harvest')).toBeNull();
      expect(await readdir(dataDir)).toEqual([]);
    },
  );

  it.each([
    ['safeStorage has no encryption', fakeSafeStorage(false)],
    ["Linux's basic_text backend (a fixed password)", fakeSafeStorage(true, 'basic_text')],
  ])('when %s: keeps the token in memory only and tells the person', async (_why, safeStorage) => {
    const warn = vi.fn();
    const store = await createSecretStore({ dataDir, safeStorage, warn, loadKeytar: () => null });
    await store.set('harvest', token);
    expect(await readdir(dataDir)).toEqual([]);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(notRememberedMessage);
    expect(await store.get('harvest')).toBe(token);
    await store.delete('harvest');
    expect(await store.get('harvest')).toBeNull();
  });

  it('treats an unreadable file (another OS key) as no secret', async () => {
    const store = await createSecretStore({
      dataDir,
      safeStorage: fakeSafeStorage(),
      warn: vi.fn(),
      loadKeytar: () => null,
    });
    await store.set('harvest', token);
    const broken = fakeSafeStorage();
    broken.decryptString.mockImplementation(() => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    });
    const other = await createSecretStore({
      dataDir,
      safeStorage: broken,
      warn: vi.fn(),
      loadKeytar: () => null,
    });
    expect(await other.get('harvest')).toBeNull();
  });

  it('never logs the token', async () => {
    const log = vi.fn();
    const store = await createSecretStore({
      dataDir,
      safeStorage: fakeSafeStorage(),
      warn: log,
      log,
      loadKeytar: () => fakeKeytar(false),
    });
    await store.set('harvest', token);
    expect(JSON.stringify(log.mock.calls)).not.toContain(token);
  });
});
