// The popover shows what Sheaf already knows at once, without waiting for a slow Harvest.
import { expect, shownDayTotal, signIn, test, todaysEntryNames } from './fixtures';

// Far longer than any expect timeout: if the page waited on Harvest, these tests would fail, not just run slowly.
const slowHarvestMs = 30_000;

test("reloading the page shows today's entries while Harvest is slow", async ({ page, preview }) => {
  await signIn(page, preview);
  const list = page.getByRole('list', { name: "Today's entries" });
  const [name] = todaysEntryNames(preview);
  await expect(list.getByRole('button', { name: `Restart ${name}` }).first()).toBeVisible();

  preview.sandbox.faults.latencyMs = slowHarvestMs;
  await page.reload();
  await expect(list.getByRole('button', { name: `Restart ${name}` }).first()).toBeVisible({ timeout: 5_000 });
  await expect(shownDayTotal(page)).not.toHaveText('–');
});

test('a restarted host shows the cached entries while Harvest is slow', async ({ page, preview }) => {
  await signIn(page, preview);
  const [name] = todaysEntryNames(preview);
  await expect(page.getByRole('button', { name: `Restart ${name}` }).first()).toBeVisible();

  preview.sandbox.faults.latencyMs = slowHarvestMs;
  const host = await preview.restartHost();
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('button', { name: `Restart ${name}` }).first()).toBeVisible({ timeout: 5_000 });
  preview.sandbox.faults.clear();
});
