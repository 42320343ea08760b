// The popover at its real size (360×600, platform/popover.ts) in its busiest everyday state: a timer running, a
// focus session on and two accounts signed in. The day's entries are the popover's main content, so at least five
// of them must show whole without scrolling anything.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../electron/sandbox/server';
import { expect, shownDayTotal, startTimer, test, type Preview } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

/** Rows whose whole box lies inside the window and inside every scrolling box around them. */
async function rowsFullyVisible(page: Page): Promise<number> {
  return page.getByRole('list', { name: "Today's entries" }).evaluate((list) => {
    const inside = (inner: DOMRect, outer: { top: number; bottom: number; left: number; right: number }) =>
      inner.top >= outer.top - 0.5 &&
      inner.bottom <= outer.bottom + 0.5 &&
      inner.left >= outer.left - 0.5 &&
      inner.right <= outer.right + 0.5;
    const viewport = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
    const scrollers: Element[] = [];
    for (let el = list.parentElement; el; el = el.parentElement) {
      const { overflowY } = getComputedStyle(el);
      if (overflowY === 'auto' || overflowY === 'scroll' || overflowY === 'hidden') scrollers.push(el);
    }
    return [...list.querySelectorAll(':scope > li')].filter((row) => {
      const box = row.getBoundingClientRect();
      return inside(box, viewport) && scrollers.every((s) => inside(box, s.getBoundingClientRect()));
    }).length;
  });
}

/** Two more of today's entries in the first account, so the day has more rows than the popover could show. */
function fillTheDay(preview: Preview): void {
  const today = preview.clock.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  const [first, second] = preview.sandbox.admin.assignments();
  for (const [i, a] of [first!, second!].entries()) {
    const task = a.task_assignments[0]!.task;
    preview.sandbox.admin.createEntry({
      project_id: a.project.id,
      task_id: task.id,
      spent_date: date,
      hours: 0.5 + i,
      notes: 'Added for the layout test',
    });
  }
}

async function turnFocusOn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('checkbox', { name: 'Use focus sessions' }).check();
  await page.getByRole('button', { name: /Back/ }).click();
  await page
    .getByRole('region', { name: 'Focus session' })
    .getByRole('button', { name: 'Start focus' })
    .click();
  await expect(page.getByRole('timer', { name: 'Focus time left' })).toBeVisible();
}

async function signInToBoth(page: Page, preview: Preview): Promise<void> {
  await page.goto(preview.host.url);
  await page.getByLabel('Personal access token').fill(preview.sandbox.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Use these accounts' }).click();
  await expect(page.getByRole('button', { name: /^Sheaf Demo Co$/ })).toBeVisible();
}

// The token reaches both demo accounts, as "Try the demo" does, but here the test can add to the day.
test.use({ sandboxOptions: { accounts: DEMO_ACCOUNTS } });

/** The busiest everyday state: both accounts, six rows today, a timer running and a focus session on. */
async function busyDay(page: Page, preview: Preview): Promise<void> {
  fillTheDay(preview);
  await signInToBoth(page, preview);
  await startTimer(page, 'patient dev', 'Umbrella Health — Patient Portal — Development');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await turnFocusOn(page);
  await expect(page.getByRole('list', { name: "Today's entries" }).getByRole('listitem')).toHaveCount(6);
}

/** Five rows whole, no serious axe finding, and never a sideways scroll. */
async function judge(page: Page, size: string): Promise<void> {
  const whole = await rowsFullyVisible(page);
  test.info().annotations.push({ type: `rows fully visible at ${size}`, description: String(whole) });
  expect(whole).toBeGreaterThanOrEqual(5);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  const { width } = page.viewportSize()!;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test('with a timer, a focus session and two accounts, five of today’s entries show whole at 360×600', async ({
      page,
      preview,
    }) => {
      expect(page.viewportSize()).toEqual({ width: 360, height: 600 });
      await busyDay(page, preview);
      await page.screenshot(shot(`layout-360x600${scheme === 'dark' ? '-dark' : ''}`));
      await judge(page, '360×600');
      // Today's total appears once, as its chip in the week strip; the footer keeps the week and all accounts.
      await expect(shownDayTotal(page)).toHaveText(/^\d+:\d{2}$/);
      await expect(page.locator('dl.totals').getByRole('term')).toHaveText(['This week']);
      await expect(page.getByRole('term').filter({ hasText: 'All accounts' })).toHaveCount(1);
    });
  });
}

test.describe('a larger popover', () => {
  test.use({ viewport: { width: 420, height: 720 } });

  test('at 420×720 the same day shows at least as much, with nothing sideways', async ({ page, preview }) => {
    await busyDay(page, preview);
    await page.screenshot(shot('layout-420x720'));
    await judge(page, '420×720');
  });
});

test('the question about a second timer stands in the start form’s place: the day’s entries stay in view', async ({
  page,
  preview,
}) => {
  await signInToBoth(page, preview);
  await startTimer(page, 'website design', 'Acme Corp — Website Redesign — Design');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await page.getByRole('button', { name: /^Sheaf Demo Co$/ }).click();
  await page.getByRole('menuitemradio', { name: /Northwind Freelance/ }).click();
  const rows = page.getByRole('list', { name: "Today's entries" }).getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();

  await startTimer(page, 'storefront frontend', 'Northwind Traders — Storefront Rebuild — Frontend');
  await expect(page.getByRole('region', { name: 'Another timer is running' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop it and start' })).toBeFocused();
  expect(await rowsFullyVisible(page)).toBe(count);
});
