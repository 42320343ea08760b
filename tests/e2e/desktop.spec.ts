// Desktop integration on the browser preview: the settings view (saved to the data folder, theme applied,
// shortcuts explained as desktop-only here) and the idle question after simulated time away.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, startTimer, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test('settings: opened from the gear, changes saved to the data folder, theme applied, Back returns', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings.getByRole('group', { name: 'Keyboard shortcuts' })).toBeVisible();

  const shortcut = settings.getByRole('textbox', { name: 'Start or stop the timer' });
  // Written the way this OS writes shortcuts (the preview goes by the browser's platform: Linux here).
  await expect(shortcut).toHaveValue('Ctrl+Shift+T');
  // The preview can't hold global shortcuts, and says so instead of pretending.
  await expect(settings.getByText('Global shortcuts work in the desktop app').first()).toBeVisible();
  await shortcut.click();
  await page.keyboard.press('Control+Alt+K');
  await expect(shortcut).toHaveValue('Ctrl+Alt+K');

  const minutes = settings.getByRole('spinbutton', { name: 'Ask after (minutes away)' });
  // A number it can't use is explained beside the field, in a sentence.
  await minutes.fill('300');
  await minutes.press('Enter');
  await expect(minutes).toHaveAccessibleDescription('Ask after at most 240 minutes');
  await page.screenshot(shot('settings-refused'));
  await minutes.fill('15');
  await minutes.press('Enter');
  await settings.getByRole('checkbox', { name: 'Saturday' }).check();
  await page.screenshot(shot('settings'));
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    .toBe('rgb(28, 28, 30)');
  await page.screenshot(shot('settings-dark'));
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const saved = JSON.parse(readFileSync(join(preview.dataDir, 'settings.json'), 'utf8'));
  expect(saved).toMatchObject({
    idleThresholdMinutes: 15,
    theme: 'dark',
    shortcuts: { toggleTimer: 'Control+Alt+K' },
    noTimerReminder: { days: [1, 2, 3, 4, 5, 6] },
  });

  await settings.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByRole('form', { name: 'Start a timer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
  // Escape closes Settings here as in the app, and focus goes back to the gear.
  await page.keyboard.press('Enter');
  await expect(settings.getByRole('heading', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();

  // A relaunch keeps them.
  await preview.restartHost();
  await page.goto(preview.host.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('idle question: away with a timer running, asked on return; Discard and continue trims and restarts', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  await startTimer(page, 'mobile dev', 'Acme Corp — Mobile App — Development');
  const running = page.getByRole('region', { name: 'Running timer' });
  await expect(running).toContainText('Mobile App');

  // Harvest has the timer (sent at once) before time moves on.
  await expect.poll(() => preview.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(1);
  // An hour later; the person left 37 minutes ago and now comes back.
  preview.clock.skipMinutes(60);
  preview.host.idle!.away(37);
  await expect(page.getByRole('region', { name: 'You were away' })).toHaveCount(0);
  preview.host.idle!.back();

  const question = page.getByRole('region', { name: 'You were away' });
  await expect(question).toBeVisible();
  await expect(question).toContainText('(37 min)');
  await expect(question).toContainText('Mobile App — Development');
  expect(preview.logs.some((l) => l.includes('preview notification (idle): You were away since'))).toBe(true);
  await page.screenshot(shot('idle-question'));

  await question.getByRole('button', { name: 'Discard and continue' }).click();
  await expect(question).toHaveCount(0);
  await expect(running).toContainText('Mobile App');

  // Harvest ends up with the old entry trimmed to the 23 minutes before the person left, and one new timer.
  const mine = () =>
    preview.sandbox.admin
      .entries()
      .filter((e) => e.project.name === 'Mobile App' && e.task.name === 'Development');
  await expect.poll(() => mine().some((e) => !e.is_running && Math.abs(e.hours - 23 / 60) < 0.02)).toBe(true);
  // The new timer follows the trim in the same queue.
  await expect.poll(() => mine().filter((e) => e.is_running)).toHaveLength(1);
});

test("a member, whose token can't read the company's settings, chooses the day the week starts", async ({
  page,
  preview,
}) => {
  preview.sandbox.admin.setCompanyForbidden(true);
  await page.goto(preview.host.url);
  await page.getByLabel('Personal access token').fill(preview.sandbox.token);
  await page.getByRole('textbox', { name: 'Account ID' }).fill(preview.sandbox.accountId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const strip = page.getByRole('list', { name: 'Week by day' });
  await expect(strip.getByRole('button').first()).toHaveAccessibleName(/^Mon/);

  await page.getByRole('button', { name: 'Settings' }).click();
  const week = page.getByRole('group', { name: 'Your week' });
  await week.getByRole('combobox', { name: 'Week starts on' }).selectOption('Wednesday');
  await week.scrollIntoViewIfNeeded();
  await page.screenshot(shot('settings-member-week'));
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(strip.getByRole('button').first()).toHaveAccessibleName(/^Wed/);
  expect(JSON.parse(readFileSync(join(preview.dataDir, 'settings.json'), 'utf8'))).toMatchObject({
    weekStartDay: 'Wednesday',
  });
});
