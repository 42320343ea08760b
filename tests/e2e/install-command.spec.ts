// Settings' "Install the sheaf command" in the browser preview, against the preview's own temporary home: the link
// lands in ~/.local/bin and Settings says where; "For everyone…" asks before doing anything.
import { readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, signIn, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test('Settings installs the sheaf command in ~/.local/bin and says where it put it', async ({
  page,
  preview,
}) => {
  await page.setViewportSize({ width: 360, height: 600 });
  await signIn(page, preview);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Settings' });

  await settings.getByRole('button', { name: 'For everyone…' }).click();
  const asked = settings.getByRole('group', { name: 'Install for everyone' });
  await expect(asked).toContainText('/usr/local/bin');
  await asked.getByRole('button', { name: 'Cancel' }).click();
  await expect(asked).toHaveCount(0);

  await settings.getByRole('button', { name: 'Install the sheaf command' }).click();
  const said = settings.getByRole('status').filter({ hasText: 'Installed ~/.local/bin/sheaf' });
  await expect(said).toContainText("isn't on your PATH");
  const link = join(preview.dataDir, 'home', '.local', 'bin', 'sheaf');
  expect(readlinkSync(link)).toBe(resolve('scripts/sheaf.mjs'));
  await said.scrollIntoViewIfNeeded();
  await page.screenshot({ ...shot('settings-install-command'), fullPage: false });
});
