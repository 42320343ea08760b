// Drives the built Electron app: the popover's page is sandboxed and sees only window.sheaf; sign in to the demo,
// start a timer, stop it. Skips where the Electron binary was never downloaded (offline machines).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
test.skip(!binary, 'Electron binary not installed (it is downloaded on first run; this machine is offline)');

let app: ElectronApplication;
let popover: Page;
let dataDir: string;

test.beforeAll(async () => {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
    throw new Error('Sheaf is not built: run `npm run build` first.');
  }
  dataDir = await mkdtemp(join(tmpdir(), 'sheaf-electron-e2e-'));
  app = await electron.launch({
    executablePath: binary!,
    args: [root],
    cwd: root,
    // Fresh data, signed out (no auto-demo), and no real Harvest token from the developer's shell.
    env: { ...process.env, SHEAF_DATA_DIR: dataDir, SHEAF_DEMO: '0', HARVEST_ACCESS_TOKEN: '' },
  });
  popover = await app.firstWindow();
  // The popover starts hidden until the tray is clicked; show it the way a second launch would.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.show());
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('the page is sandboxed and sees only window.sheaf', async () => {
  const surface = await popover.evaluate(() => ({
    keys: Object.keys((window as unknown as { sheaf: object }).sheaf).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(surface.require).toBe('undefined');
  expect(surface.process).toBe('undefined');
  expect(surface.keys).toContain('subscribe');
  expect(surface.keys).not.toContain('ipcRenderer');
});

test('sign in to the demo, start a timer, stop it', async () => {
  await popover.getByRole('button', { name: 'Try the demo' }).click();
  // The demo signs in to two accounts: the header shows the account switcher.
  await expect(popover.getByRole('button', { name: /Sheaf Demo Co/ })).toBeVisible();

  const combobox = popover.getByRole('combobox', { name: 'Project and task' });
  await combobox.fill('website design');
  await popover.getByRole('option', { name: 'Acme Corp — Website Redesign — Design' }).click();
  await popover.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(popover.getByRole('button', { name: 'Stop' })).toBeVisible();

  await popover.getByRole('button', { name: 'Stop' }).click();
  await expect(popover.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
});
