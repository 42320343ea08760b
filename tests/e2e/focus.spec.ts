// A focus session on the preview, as a person meets it: turned on in Settings (it is opt-in), Start focus under the
// start form, the phase and its countdown, taking the break early, and Harvest's timer left running by the break
// (that setting is off).
import { expect, signIn, startTimer, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test('a focus session beside the running timer, and a break that leaves the timer alone', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  await startTimer(page, 'patient dev', 'Umbrella Health — Patient Portal — Development');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

  const card = page.getByRole('region', { name: 'Focus session' });
  await expect(card).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings' }).click();
  // Off by default: only the switch shows; the lengths and sounds come with it.
  const group = page.getByRole('group', { name: 'Focus sessions' });
  await expect(group.getByRole('checkbox')).toHaveCount(1);
  await expect(group.getByLabel('Work for (minutes)')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Use focus sessions' }).check();
  await expect(group.getByLabel('Work for (minutes)')).toHaveValue('25');
  await page.screenshot({ path: 'test-results/screenshots/settings-focus-on.png' });
  await page.getByRole('button', { name: /Back/ }).click();
  await expect(card).toContainText('0 sessions today');
  await card.screenshot({ path: 'test-results/screenshots/focus-start-card.png' });
  await card.getByRole('button', { name: 'Start focus' }).click();
  await expect(card.getByText('Focus', { exact: true })).toBeVisible();
  await expect(card.getByRole('timer', { name: 'Focus time left' })).toHaveText(/^2[45]:\d\d$/);
  await expect(card).toContainText('0 sessions today');
  await page.screenshot(shot('focus-work'));

  await card.getByRole('button', { name: 'Break now' }).click();
  await expect(card.getByText('Break', { exact: true })).toBeVisible();
  await expect(card.getByRole('timer', { name: 'Break time left' })).toHaveText(/^[45]:\d\d$/);
  await card.screenshot({ path: 'test-results/screenshots/focus-break-card.png' });

  // "Stop the timer during breaks" is off: Harvest's timer runs on.
  expect(preview.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

  await card.getByRole('button', { name: 'End focus' }).click();
  await expect(card.getByRole('button', { name: 'Start focus' })).toBeVisible();
});
