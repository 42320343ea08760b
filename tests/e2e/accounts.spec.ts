// Several accounts in the browser preview, as a person meets them: the switcher, a timer running in the other
// account, the question a second timer raises, and choosing the accounts a token reaches; pictures of each
// (test-results/screenshots/) and axe on each.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../electron/sandbox/server';
import { expect, signIn, startTimer, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

const switcher = (page: Page) => page.getByRole('button', { name: /^(Sheaf Demo Co|Northwind Freelance)$/ });

async function switchTo(page: Page, account: string) {
  await switcher(page).click();
  await page.getByRole('menuitemradio', { name: new RegExp(account) }).click();
  await expect(switcher(page)).toHaveText(new RegExp(account));
}

test('the demo signs in to two accounts: the switcher, a timer in the other one, and two at once', async ({
  page,
  preview,
}) => {
  await page.goto(preview.host.url);
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(switcher(page)).toHaveText(/Sheaf Demo Co/);

  // Opened from the keyboard, as the menu button pattern has it.
  await switcher(page).focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Accounts' });
  await expect(menu.getByRole('menuitemradio')).toHaveCount(2);
  await expect(menu.getByRole('menuitemradio', { name: /Sheaf Demo Co/ })).toBeFocused();
  await page.screenshot(shot('accounts-switcher'));
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  await startTimer(page, 'website design', 'Acme Corp — Website Redesign — Design');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await switchTo(page, 'Northwind Freelance');
  const elsewhere = page.getByRole('region', { name: 'Timer running in Sheaf Demo Co' });
  await expect(elsewhere).toContainText('Running in Sheaf Demo Co: Website Redesign — Design');
  await expect(page.getByLabel("All accounts' total today")).toBeVisible();
  await page.screenshot(shot('accounts-elsewhere'));
  expect(await seriousViolations(page)).toEqual([]);

  await startTimer(page, 'storefront frontend', 'Northwind Traders — Storefront Rebuild — Frontend');
  const question = page.getByRole('region', { name: 'Another timer is running' });
  await expect(question).toContainText('A timer is running in Sheaf Demo Co');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot(shot('accounts-two-timers'));
  expect(await seriousViolations(page)).toEqual([]);

  await question.getByRole('button', { name: 'Keep both running' }).click();
  await expect(page.getByRole('region', { name: 'Running timer' })).toContainText('Storefront Rebuild');
  await expect(elsewhere).toBeVisible();

  await elsewhere.getByRole('button', { name: 'Switch to Sheaf Demo Co' }).click();
  await expect(switcher(page)).toHaveText(/Sheaf Demo Co/);
  await expect(page.getByRole('region', { name: 'Timer running in Northwind Freelance' })).toBeVisible();
});

test.describe('a token that reaches two accounts', () => {
  test.use({ sandboxOptions: { accounts: DEMO_ACCOUNTS } });

  test('asks which accounts to use, then shows the switcher', async ({ page, preview }) => {
    await page.goto(preview.host.url);
    await page.getByLabel('Personal access token').fill(preview.sandbox.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Choose your accounts' })).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(2);
    await page.screenshot(shot('accounts-choice'));
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Use these accounts' }).click();
    await expect(switcher(page)).toBeVisible();
    await switcher(page).click();
    await expect(page.getByRole('menuitemradio')).toHaveCount(2);
  });
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the switcher open, and adding an account', async ({ page, preview }) => {
    await page.goto(preview.host.url);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await switcher(page).click();
    await expect(page.getByRole('menu', { name: 'Accounts' })).toBeVisible();
    await page.screenshot(shot('accounts-switcher-dark'));
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('menuitem', { name: 'Add an account…' }).click();
    await expect(page.getByRole('heading', { name: 'Add an account' })).toBeVisible();
    await page.screenshot(shot('accounts-add-dark'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '← Back' }).click();
    await expect(page.getByRole('form', { name: 'Start a timer' })).toBeVisible();
    // Back returns focus to the switcher that opened the view, not to the page.
    await expect(switcher(page)).toBeFocused();
  });
});

test('signing out with a change Harvest hasn’t had yet asks first, all by keyboard', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  preview.sandbox.faults.outage = true;
  await startTimer(page, 'website design', 'Acme Corp — Website Redesign — Design');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('region', { name: 'Sign out of Sheaf Demo Co?' });
  await expect(question).toContainText("1 change in Sheaf Demo Co hasn't reached Harvest yet.");
  await expect(question.getByRole('radio', { name: 'Send them first' })).toBeFocused();
  await expect(question.getByRole('radio', { name: 'Stop it first' })).toBeChecked();
  await expect(question.getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
  // The popover's own size, not the whole page: the question has to fit where it is asked.
  await page.screenshot({ path: 'test-results/screenshots/sign-out-question.png' });
  expect(await seriousViolations(page)).toEqual([]);

  // Harvest can't be reached: sending first says so, and nobody is signed out.
  await page.keyboard.press('Enter');
  await expect(question.getByRole('alert')).toContainText("Sheaf couldn't send");
  await page.screenshot({ path: 'test-results/screenshots/sign-out-not-sent.png' });

  preview.sandbox.faults.outage = false;
  await question.getByRole('radio', { name: 'Send them first' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Personal access token')).toBeVisible();
  await expect
    .poll(() => preview.sandbox.admin.entries().map((e) => [e.notes, e.is_running]))
    .toContainEqual([null, false]);
});
