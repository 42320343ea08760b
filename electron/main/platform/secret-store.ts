// Owns Electron's fallback for the Harvest token when no keyring answers (chooseSecretStore decides, as in the
// preview): a file encrypted with safeStorage; when that can't protect it, memory only (never plaintext on disk).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../core/ports';
import { chooseSecretStore, type SecretStoreChoice } from '../adapters/choose-secret-store';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> & {
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'];
};

export const notRememberedMessage =
  "Sheaf couldn't find a keychain to keep your token safe, so it will forget it when Sheaf quits. " +
  "You'll need to paste it again next time.";

/** safeStorage is only a real protection with an OS-backed key; Linux's 'basic_text' uses a fixed password. */
export function canEncrypt(safeStorage: SafeStorageLike): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
}

/**
 * All secrets in one encrypted file (secrets.bin in the data dir). Refuses to write when encryption is not
 * available: the secret is then kept in memory for this run and `warn` tells the person why.
 */
export function createSafeStorageSecretStore(
  file: string,
  safeStorage: SafeStorageLike,
  warn: (message: string) => void,
): SecretStore {
  const memory = new Map<string, string>();

  const readAll = async (): Promise<Record<string, string>> => {
    if (!canEncrypt(safeStorage)) return {};
    try {
      const parsed: unknown = JSON.parse(safeStorage.decryptString(await readFile(file)));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      // Missing, or written under another OS key: either way there is nothing we can use.
      return {};
    }
  };
  const writeAll = async (secrets: Record<string, string>) => {
    if (Object.keys(secrets).length === 0) return rm(file, { force: true });
    await writeFileAtomic(file, safeStorage.encryptString(JSON.stringify(secrets)), { mode: 0o600 });
  };

  return {
    async get(account) {
      return memory.get(account) ?? (await readAll())[account] ?? null;
    },
    async set(account, secret) {
      if (!canEncrypt(safeStorage)) {
        memory.set(account, secret);
        warn(notRememberedMessage);
        return;
      }
      memory.delete(account);
      await writeAll({ ...(await readAll()), [account]: secret });
    },
    async delete(account) {
      memory.delete(account);
      if (!canEncrypt(safeStorage)) return;
      const { [account]: _gone, ...rest } = await readAll();
      await writeAll(rest);
    },
  };
}

export interface SecretStoreOptions extends Pick<SecretStoreChoice, 'loadKeytar' | 'answerWithinMs'> {
  dataDir: string;
  safeStorage: SafeStorageLike;
  /** Told when a token someone signed in with can't be kept past this run. */
  warn: (message: string) => void;
  log?: (line: string) => void;
  /**
   * Opening straight into the demo (`npm start`): its token is the sandbox's own and is never stored, so where
   * tokens would be kept is no news and goes unsaid. A real sign-in later is still warned about.
   */
  demo?: boolean;
}

export function createSecretStore(options: SecretStoreOptions): Promise<SecretStore> {
  const log = options.demo ? () => {} : (options.log ?? (() => {}));
  return chooseSecretStore({
    ...options,
    log,
    fallback: (why) => {
      log(`secrets: ${why}; using safeStorage`);
      return createSafeStorageSecretStore(
        join(options.dataDir, 'secrets.bin'),
        options.safeStorage,
        options.warn,
      );
    },
  });
}
