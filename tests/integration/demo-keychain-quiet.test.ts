// `npm start` in the desktop app opens straight into the demo. Built as electron/main/index.ts builds it (the
// Electron host's secret store, with no keyring and a safeStorage that can't encrypt, then core with the demo
// port), nothing about the keychain is said: no log line, no warning, no notice, through start and switching
// between the demo's accounts. A real token signed in afterwards is still warned about.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSheafApp, type SheafApp } from '../../electron/main/core/app';
import { createSecretStore, notRememberedMessage } from '../../electron/main/platform/secret-store';
import { startDemo } from '../../electron/sandbox/demo';
import { startSandbox, type Sandbox } from '../../electron/sandbox/server';

let app: SheafApp | undefined;
let sandbox: Sandbox | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await app?.dispose({ waitForSyncMs: 0 });
  await sandbox?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  app = sandbox = dataDir = undefined;
});

/** A Linux desktop with no keyring: keytar finds nothing, safeStorage would only use its fixed password. */
const noProtection = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text' as const,
  encryptString: (text: string) => Buffer.from(text),
  decryptString: (bytes: Buffer) => bytes.toString(),
};

const aboutTheKeychain = /keychain|keyring|keytar|safeStorage|secrets|token/i;

async function desktopHost(demo: boolean) {
  dataDir = mkdtempSync(join(tmpdir(), 'sheaf-demo-quiet-'));
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const warn = vi.fn<(message: string) => void>();
  sandbox = await startSandbox({ rateLimit: false });
  const secrets = await createSecretStore({
    dataDir,
    safeStorage: noProtection,
    warn,
    log,
    demo,
    loadKeytar: () => null,
  });
  app = createSheafApp({
    env: { HARVEST_API_URL: sandbox.url },
    dataDir,
    secrets,
    fetch: (input, init) => fetch(input, init),
    log,
    demo: { start: startDemo },
    autoDemo: demo,
  });
  await app.start();
  return { app, lines, warn, sandbox };
}

describe('the desktop host opening in the demo', () => {
  it('says nothing about the keychain, in the log, as a warning or as a notice', async () => {
    const { app, lines, warn } = await desktopHost(true);
    expect(app.getState().session).toMatchObject({ status: 'signed_in', demo: true });
    const [first, second] = app.getState().accounts;
    await app.commands.switchAccount({ accountId: second!.id });
    await app.commands.switchAccount({ accountId: first!.id });
    expect(lines.filter((l) => aboutTheKeychain.test(l))).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    expect(app.getState().notices.filter((n) => aboutTheKeychain.test(JSON.stringify(n)))).toEqual([]);
  });

  it('still warns when a real token signed in then cannot be kept past this run', async () => {
    const { app, warn, sandbox } = await desktopHost(true);
    await app.commands.signIn({ token: sandbox.token, accountId: sandbox.accountId });
    expect(warn).toHaveBeenCalledWith(notRememberedMessage);
  });
});

describe('the desktop host not in the demo', () => {
  it('logs where tokens are kept, as before', async () => {
    const { lines } = await desktopHost(false);
    expect(lines).toContain('secrets: keytar unavailable; using safeStorage');
  });
});
