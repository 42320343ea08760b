// Owns where the preview keeps the Harvest token: the OS keychain when one answers, else memory for this run only.
import type { SecretStore } from '../main/core/ports';
import { chooseSecretStore, type SecretStoreChoice } from '../main/adapters/choose-secret-store';

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

/** Never falls back to a plaintext file: without a keyring the token lasts until the preview stops. */
export function choosePreviewSecretStore(
  warn: (line: string) => void,
  choice: Pick<SecretStoreChoice, 'loadKeytar' | 'answerWithinMs'> = {},
): Promise<SecretStore> {
  return chooseSecretStore({
    ...choice,
    fallback: () => {
      warn(
        'Sheaf preview: no OS keychain answered, so your Harvest token is kept in memory and will not be remembered after this preview stops.',
      );
      return createMemorySecretStore();
    },
  });
}
