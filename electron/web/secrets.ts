// Owns where the preview keeps the Harvest token: the OS keychain when one answers, else memory for this run only.
import type { SecretStore } from '../main/core/ports';
import { createKeytarSecretStore, keyringAnswers, loadKeytar } from '../main/adapters/keytar-secret-store';

export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret);
    },
    delete: async (account) => {
      secrets.delete(account);
    },
  };
}

const keyringProbeMs = 5000;

/** Never falls back to a plaintext file: without a keyring the token lasts until the preview stops. */
export async function choosePreviewSecretStore(warn: (line: string) => void): Promise<SecretStore> {
  const keytar = loadKeytar();
  if (keytar) {
    const store = createKeytarSecretStore(keytar);
    // A session bus without a Secret Service can leave the probe waiting on D-Bus activation; don't wait long.
    const answered = await Promise.race([
      keyringAnswers(store),
      new Promise<false>((done) => setTimeout(() => done(false), keyringProbeMs).unref()),
    ]);
    if (answered) return store;
  }
  warn(
    'Sheaf preview: no OS keychain answered, so your Harvest token is kept in memory and will not be remembered after this preview stops.',
  );
  return createMemorySecretStore();
}
