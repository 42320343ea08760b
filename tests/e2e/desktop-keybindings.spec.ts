// Settings on GNOME where apps can't hold global shortcuts: the preview (like the desktop app on Wayland without
// a GlobalShortcuts portal) says so, offers GNOME's own keyboard settings, adds Sheaf's shortcuts there through
// gsettings (a stand-in on PATH, tests/fixtures/bin/gsettings) and lists what it added.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, openSettings, signIn, test } from './fixtures';

const mediaKeys = 'org.gnome.settings-daemon.plugins.media-keys';
const folder = '/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings';

test.describe('on GNOME', () => {
  test.use({
    hostEnv: {
      XDG_CURRENT_DESKTOP: 'ubuntu:GNOME',
      PATH: `${resolve('tests/fixtures/bin')}:${process.env.PATH}`,
    },
  });

  test("Settings adds the shortcuts to GNOME's keyboard settings and shows what it added", async ({
    page,
    preview,
  }) => {
    // At the popover's 360×600 (playwright.config.ts).
    await signIn(page, preview);
    const settings = await openSettings(page);

    // Unsupported here, said as it is, and pointing at the offer below.
    await expect(settings.getByText("This preview can't hold global shortcuts").first()).toBeVisible();
    const add = settings.getByRole('button', { name: "Add them to GNOME's keyboard settings" });
    await add.click();

    const added = settings.getByRole('status').filter({ hasText: "Added to GNOME's keyboard settings" });
    await expect(added).toContainText('Sheaf: Show or hide Sheaf: Ctrl+Shift+H runs sheaf show');
    await expect(added).toContainText('Sheaf: Start or stop the timer: Ctrl+Shift+T runs sheaf toggle');
    const lines = readFileSync(join(preview.dataDir, 'home', 'gsettings.log'), 'utf8');
    expect(lines).toContain(
      `gsettings set ${mediaKeys}.custom-keybinding:${folder}/sheaf-toggle/ command 'sheaf toggle'`,
    );
    expect(lines).toContain(
      `gsettings set ${mediaKeys} custom-keybindings ['${folder}/sheaf-show/', '${folder}/sheaf-toggle/']`,
    );
    await expect(
      settings.getByRole('button', { name: "Add them to GNOME's keyboard settings again" }),
    ).toBeVisible();

    // axe on the offer and its list: nothing serious or critical.
    const axe = await new AxeBuilder({ page }).include('.desktop-keybindings').analyze();
    expect(
      axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact ?? '')).map((v) => v.id),
    ).toEqual([]);
    await added.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/settings-gnome-keybindings.png' });
  });
});

test('without GNOME the preview offers nothing and keeps the setting only', async ({ page, preview }) => {
  await signIn(page, preview);
  const settings = await openSettings(page);
  await expect(settings.getByText('this preview keeps the setting only').first()).toBeVisible();
  await expect(settings.getByRole('button', { name: /keyboard settings/ })).toHaveCount(0);
});
