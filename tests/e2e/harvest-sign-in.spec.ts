// Drives "Sign in with Harvest" end to end in the browser preview: the button opens Harvest ID (the sandbox) in
// "the browser" (a BROWSER program that follows redirects), Harvest answers Sheaf's loopback redirect, the person
// picks their accounts, and the popover shows them; a denied consent says so and stays signed out; accounts added
// while someone else is signed in to Harvest ID in that browser say whose they are and wait for a yes.
import { fileURLToPath } from 'node:url';
import { startSandbox, DEMO_ACCOUNTS } from '../../electron/sandbox/server';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { startWebHost } from '../../electron/web/server';
import { expect, test, type Preview } from './fixtures';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const browser = fileURLToPath(new URL('../fixtures/test-browser.mjs', import.meta.url));
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

/** A sandbox Harvest whose Harvest ID answers `decision` at once, and a preview host that signs in through it. */
async function harvestAndHost(preview: Preview, decision: 'allow' | 'deny') {
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
  return {
    harvest,
    host,
    close: async () => {
      await host.close();
      await harvest.close();
    },
  };
}

for (const decision of ['allow', 'deny'] as const) {
  test(`Sign in with Harvest, the person choosing ${decision}`, async ({ page, preview }) => {
    const { harvest, host, close } = await harvestAndHost(preview, decision);
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
      await expect(choose).toContainText('Signed in to Harvest as Dana Demo (dana@example.com)');
      await page.screenshot(shot('accounts-choose'));
      await choose.getByRole('button', { name: /Use these accounts/i }).click();
      await expect(page.getByRole('combobox', { name: 'Project and task' })).toBeVisible();
      await expect(page.getByText('Sheaf Demo Co').first()).toBeVisible();
      expect(harvest.harvestId.grants()).toBe(1);
    } finally {
      await close();
    }
  });
}

test('accounts added as another Harvest user say whose they are, and are used only once the person ticks yes', async ({
  page,
  preview,
}) => {
  const { harvest, host, close } = await harvestAndHost(preview, 'allow');
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sign in with Harvest' }).click();
    const choose = page.getByRole('region', { name: /Choose your accounts/i });
    await choose.getByRole('button', { name: /Use these accounts/i }).click();
    await expect(page.getByRole('combobox', { name: 'Project and task' })).toBeVisible();

    // A colleague signs in to Harvest ID in the same browser; the person adds an account.
    harvest.harvestId.signInAs({ id: 9001, first_name: 'Sam', last_name: 'Other', email: 'sam@example.com' });
    await page.getByRole('button', { name: /^(Sheaf Demo Co|Northwind Freelance)$/ }).click();
    await page.getByRole('menuitem', { name: 'Add an account…' }).click();
    await page.getByRole('button', { name: 'Sign in with Harvest' }).click();
    await expect(choose).toContainText(
      'These accounts belong to Sam Other (sam@example.com), not Dana Demo, who is signed in now.',
    );
    await page.setViewportSize({ width: 360, height: 600 });
    await page.screenshot(shot('accounts-choose-someone-else'));
    await choose.getByRole('button', { name: /Use these accounts/i }).click();
    await expect(choose.getByRole('alert')).toContainText('Tick “Use Sam Other’s accounts” to use them');
    await choose.getByRole('checkbox', { name: 'Use Sam Other’s accounts' }).check();
    await choose.getByRole('button', { name: /Use these accounts/i }).click();
    await expect(choose).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Project and task' })).toBeVisible();
    expect(harvest.harvestId.grants()).toBe(2);
  } finally {
    await close();
  }
});
