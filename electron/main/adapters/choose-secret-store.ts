// Owns choosing where secrets live, the same way in every host: the OS keychain when keytar loads and a keyring
// answers a probe in time, else the host's own fallback; and a keyring that stops answering later (a locked
// Secret Service waiting on its unlock prompt) fails the call after a while instead of leaving Sheaf waiting.
import type { SecretStore } from '../core/ports';
import { createKeytarSecretStore, loadKeytar as loadRealKeytar, type Keytar } from './keytar-secret-store';

/** Long enough for a keyring starting on D-Bus activation; short enough that a start isn't held up for long. */
export const keyringAnswerMs = 5000;

export class KeyringTimeoutError extends Error {
  constructor(ms: number) {
    super(`The keychain didn't answer within ${Math.round(ms / 1000)} seconds.`);
    this.name = 'KeyringTimeoutError';
  }
}

export interface SecretStoreChoice {
  /** The host's store when no keyring answers (why: for its log or its warning). */
  fallback(why: string): SecretStore;
  log?: (line: string) => void;
  loadKeytar?: () => Keytar | null;
  /** How long one keyring call may take (tests shorten it). */
  answerWithinMs?: number;
}

export async function chooseSecretStore(choice: SecretStoreChoice): Promise<SecretStore> {
  const log = choice.log ?? (() => {});
  const keytar = (choice.loadKeytar ?? loadRealKeytar)();
  if (!keytar) return choice.fallback('keytar unavailable');
  const store = answeringWithin(createKeytarSecretStore(keytar), choice.answerWithinMs ?? keyringAnswerMs);
  if (await keyringAnswers(store)) {
    log('secrets: OS keychain');
    return store;
  }
  // A bus with no Secret Service refuses at once, or (activation that never completes) doesn't answer the probe:
  // either way no keyring holds anything of ours. A probe for an entry that doesn't exist never prompts, so a
  // locked keyring answers it; its real entries then time out, and the session reads them as unreadable.
  return choice.fallback('no keyring answered');
}

/** Whether a keyring actually answers (keytar loads even where no Secret Service runs). */
export async function keyringAnswers(store: SecretStore): Promise<boolean> {
  try {
    await store.get('__sheaf_probe__');
    return true;
  } catch {
    return false;
  }
}

/** Every call rejects with KeyringTimeoutError when the keyring hasn't answered within `ms`. */
export function answeringWithin(store: SecretStore, ms: number): SecretStore {
  const bounded = <T>(call: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new KeyringTimeoutError(ms)), ms);
      timer.unref?.();
    });
    return Promise.race([call, late]).finally(() => clearTimeout(timer));
  };
  return {
    get: (account) => bounded(store.get(account)),
    set: (account, secret) => bounded(store.set(account, secret)),
    delete: (account) => bounded(store.delete(account)),
  };
}
