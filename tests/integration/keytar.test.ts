// Tests the real keytar against a real Secret Service (gnome-keyring under dbus-run-session, as `npm test` runs it).
// Without a D-Bus session it skips with the reason; on CI (process.env.CI) a missing session is a failure.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeytarSecretStore, loadKeytar } from '../../electron/main/adapters/keytar-secret-store';
import { keyringAnswers } from '../../electron/main/adapters/choose-secret-store';
import { createSecretStore } from '../../electron/main/platform/secret-store';
import { choosePreviewSecretStore } from '../../electron/web/secrets';

const hasSession = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const howToRun =
  "run it inside a keyring session: dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock " +
  "--replace --components=secrets >/dev/null; npx vitest run tests/integration/keytar.test.ts'";

if (!hasSession && process.env.CI) {
  describe('keytar against the Secret Service', () => {
    it('needs a D-Bus session with a Secret Service on CI', () => {
      throw new Error(
        `No DBUS_SESSION_BUS_ADDRESS, so there is no Secret Service to test keytar against; ${howToRun}`,
      );
    });
  });
} else {
  describe.skipIf(!hasSession)(
    hasSession
      ? 'keytar against the Secret Service'
      : `keytar against the Secret Service (skipped: no D-Bus session; ${howToRun})`,
    () => {
      it('loads the native module', () => {
        expect(loadKeytar()).not.toBeNull();
      });

      it('round-trips a secret: set, get, replace, delete', async () => {
        const store = createKeytarSecretStore(loadKeytar()!, `Sheaf test ${randomUUID()}`);
        expect(await keyringAnswers(store)).toBe(true);
        expect(await store.get('harvest')).toBeNull();
        await store.set('harvest', 'token-one');
        expect(await store.get('harvest')).toBe('token-one');
        await store.set('harvest', 'token-two');
        expect(await store.get('harvest')).toBe('token-two');
        await store.delete('harvest');
        expect(await store.get('harvest')).toBeNull();
      });

      it('is what the preview picks too, through the same chooser (no warning about memory)', async () => {
        const warnings: string[] = [];
        const store = await choosePreviewSecretStore((line) => warnings.push(line));
        const account = `probe-${randomUUID()}`;
        await store.set(account, 'in the keychain');
        expect(await createKeytarSecretStore(loadKeytar()!).get(account)).toBe('in the keychain');
        await store.delete(account);
        expect(warnings).toEqual([]);
      });

      it('is what createSecretStore picks when a keyring answers (no file, safeStorage untouched)', async () => {
        const dataDir = await mkdtemp(join(tmpdir(), 'sheaf-keytar-'));
        const untouchable = () => {
          throw new Error('safeStorage must not be used while a keyring answers');
        };
        try {
          const store = await createSecretStore({
            dataDir,
            safeStorage: {
              isEncryptionAvailable: untouchable,
              encryptString: untouchable,
              decryptString: untouchable,
            },
            warn: untouchable,
          });
          const account = `probe-${randomUUID()}`;
          await store.set(account, 'in the keychain');
          expect(await store.get(account)).toBe('in the keychain');
          await store.delete(account);
          expect(await readdir(dataDir)).toEqual([]);
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      });
    },
  );
}
