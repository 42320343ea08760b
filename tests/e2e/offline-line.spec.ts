// Offline, on the browser preview: the sync line says one steady thing through Sheaf's retries — what waits and
// when the next try is — and is up to date again once Harvest answers.
import { expect, signIn, startTimer, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test('offline, the sync line reads "Offline · 1 change waiting · trying again in …" and never flips to Syncing…', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  preview.sandbox.faults.outage = true;
  await startTimer(page, 'mobile dev', 'Acme Corp — Mobile App — Development');
  const line = page.locator('footer.sync');
  await expect(line).toContainText(/Offline · 1 change waiting · trying again (in \d+ s|in \d+ min|now)/);
  await page.screenshot(shot('offline-sync-line'));
  // Through a few retries, the line never says "Syncing…".
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    seen.add((await line.textContent()) ?? '');
    await page.waitForTimeout(250);
  }
  expect([...seen].filter((text) => text.includes('Syncing'))).toEqual([]);

  preview.sandbox.faults.outage = false;
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(line).toContainText(/Synced/, { timeout: 90_000 });
});
