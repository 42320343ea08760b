// A keychain Sheaf can't read, as the person meets it in the browser preview: the signed-out screen says their
// accounts are still there and untouched, and what to do (picture at the popover's size, and axe).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { keychainMessages } from '../../electron/main/core/session/keychain';
import type { SecretStore } from '../../electron/main/core/ports';
import { startWebHost } from '../../electron/web/server';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

test('a locked keychain is said on the signed-out screen, and nothing is written over it', async ({
  page,
}) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sheaf-e2e-'));
  const written: string[] = [];
  const locked: SecretStore = {
    get: () => Promise.reject(new Error('Cannot get secret of a locked object')),
    set: async (account) => void written.push(account),
    delete: async (account) => void written.push(account),
  };
  const host = await startWebHost({
    rendererDir,
    env: { SHEAF_DATA_DIR: dataDir },
    secrets: locked,
    log: () => {},
  });
  try {
    await page.goto(host.url);
    const notices = page.getByRole('region', { name: 'Notices' });
    await expect(notices).toContainText(keychainMessages.unreadable);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/keychain-unreadable.png' });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect(written).toEqual([]);
  } finally {
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
