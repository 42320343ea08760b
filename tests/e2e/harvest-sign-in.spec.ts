// Drives "Sign in with Harvest" end to end in the browser preview: the button opens Harvest ID (the sandbox) in
// "the browser" (a BROWSER program that follows redirects), Harvest answers Sheaf's loopback redirect, the person
// picks their accounts, and the popover shows them; a denied consent says so and stays signed out.
import { fileURLToPath } from 'node:url';
import { startSandbox, DEMO_ACCOUNTS } from '../../electron/sandbox/server';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { startWebHost } from '../../electron/web/server';
import { expect, test } from './fixtures';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const browser = fileURLToPath(new URL('../fixtures/test-browser.mjs', import.meta.url));
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

for (const decision of ['allow', 'deny'] as const) {
  test(`Sign in with Harvest, the person choosing ${decision}`, async ({ page, preview }) => {
    await preview.host.close();
    const harvest = await startSandbox({
      clock: preview.clock,
      accounts: DEMO_ACCOUNTS,
      harvestId: { autoDecision: decision },
    });
    const host = await startWebHost({
      rendererDir,
      env: {
        HARVEST_API_URL: harvest.url,
        HARVEST_ID_URL: harvest.idUrl,
        SHEAF_OAUTH_CLIENT_ID: harvest.harvestId.clientId,
        SHEAF_OAUTH_CLIENT_SECRET: harvest.harvestId.clientSecret,
        SHEAF_DATA_DIR: preview.dataDir,
        BROWSER: browser,
      },
      secrets: createMemorySecretStore(),
      clock: preview.clock,
      log: () => {},
    });
    try {
      await page.goto(host.url);
      await page.getByRole('button', { name: 'Sign in with Harvest' }).click();
      if (decision === 'deny') {
        await expect(page.getByRole('alert')).toContainText(/access/i);
        await expect(page.getByRole('button', { name: 'Sign in with Harvest' })).toBeVisible();
        return;
      }
      const choose = page.getByRole('region', { name: /Choose your accounts/i });
      await expect(choose).toBeVisible();
      await page.screenshot(shot('accounts-choose'));
      await choose.getByRole('button', { name: /Use these accounts/i }).click();
      await expect(page.getByRole('combobox', { name: 'Project and task' })).toBeVisible();
      await expect(page.getByText('Sheaf Demo Co').first()).toBeVisible();
      expect(harvest.harvestId.grants()).toBe(1);
    } finally {
      await host.close();
      await harvest.close();
    }
  });
}
