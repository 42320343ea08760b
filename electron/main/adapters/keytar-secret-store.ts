// Owns keeping the Harvest token in the OS keychain via keytar (macOS Keychain, Windows Credential Manager,
// Secret Service on Linux). Plain Node: the browser-preview host uses it too.
import { createRequire } from 'node:module';
import type { SecretStore } from '../core/ports';

export type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

export const keychainService = 'Sheaf';

/** Loads keytar, or returns null when the native module can't load (then the host falls back). */
export function loadKeytar(): Keytar | null {
  try {
    return createRequire(import.meta.url)('keytar') as Keytar;
  } catch {
    return null;
  }
}

export function createKeytarSecretStore(keytar: Keytar, service = keychainService): SecretStore {
  return {
    get: (account) => keytar.getPassword(service, account),
    set: (account, secret) => keytar.setPassword(service, account, secret),
    delete: async (account) => {
      await keytar.deletePassword(service, account);
    },
  };
}
