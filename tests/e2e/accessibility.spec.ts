// axe on the popover's three screens: no serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, startTimer, test, type Preview } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/** Signed in, with a timer running on Website Redesign — Design. */
async function timerRunning(page: Page, preview: Preview) {
  await signIn(page, preview);
  await startTimer(page, 'website design', 'Acme Corp — Website Redesign — Design');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
}

test('the signed-out screen', async ({ page, preview }) => {
  await page.goto(preview.host.url);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('signed in with a timer running', async ({ page, preview }) => {
  await timerRunning(page, preview);
  expect(await seriousViolations(page)).toEqual([]);
});

test("today's entries with the picker open", async ({ page, preview }) => {
  await signIn(page, preview);
  await expect(
    page.getByRole('list', { name: "Today's entries" }).getByRole('listitem').first(),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Project and task' }).fill('a');
  await expect(page.getByRole('listbox')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('signed in with a timer running', async ({ page, preview }) => {
    await timerRunning(page, preview);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
