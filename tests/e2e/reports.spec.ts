// Reports in the browser preview: a week's and a month's hours by client and project, stepping back and forth
// between them, columns that line up, and the saved copy (with its age) when Harvest can't be reached.
import type { Page } from '@playwright/test';
import { expect, signIn, test, type Preview } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

/** Signed in, on the Reports tab: its region. */
async function openReports(page: Page, preview: Preview) {
  await signIn(page, preview);
  await page.getByRole('button', { name: 'Reports' }).click();
  return page.getByRole('region', { name: 'Reports' });
}

/** Half an hour later (the saved copies no longer fresh) with Harvest unreachable, back on Reports. */
async function offlineLater(page: Page, preview: Preview): Promise<void> {
  await page.getByRole('button', { name: 'Timesheet' }).click();
  preview.clock.skipMinutes(30);
  // The page's clock (installed by the fixture) moves with the core's.
  await page.clock.fastForward('30:00');
  preview.sandbox.faults.outage = true;
  await page.getByRole('button', { name: 'Reports' }).click();
}

test('shows the week and the month by client and project, then the saved copy offline', async ({
  page,
  preview,
}) => {
  const reports = await openReports(page, preview);
  const byClient = reports.getByRole('table', { name: 'By client' });
  await expect(byClient.getByRole('row')).not.toHaveCount(1);
  await expect(reports.getByRole('table', { name: 'By project' })).toBeVisible();
  // The demo clients' amounts come in their currency.
  await expect(byClient).toContainText('$');
  await expect(reports.getByRole('button', { name: 'Week', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.screenshot(shot('reports-week'));

  await reports.getByRole('button', { name: 'Month', exact: true }).click();
  await expect(reports.getByRole('button', { name: 'Month', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(reports).toContainText(/[A-Z][a-z]+ \d{4}/);
  await page.screenshot(shot('reports-month'));

  // Later, offline: the saved copy answers, saying how old it is.
  await offlineLater(page, preview);
  await expect(reports.getByRole('status')).toContainText(
    "Harvest can't be reached; showing the saved copy.",
  );
  await expect(reports.getByRole('status')).toContainText(/As of (29|30|31) min ago/);
  await expect(byClient.getByRole('row')).not.toHaveCount(1);
  await page.screenshot(shot('reports-offline'));
  preview.sandbox.faults.outage = false;
});

test('steps back and forth by week and by month from the keyboard, naming each period', async ({
  page,
  preview,
}) => {
  // The e2e clock starts on Wednesday 3 June 2026; the demo's week starts on Monday.
  const reports = await openReports(page, preview);
  const title = reports.getByRole('heading', { level: 2 });
  const previous = reports.getByRole('button', { name: 'Previous week' });
  const next = reports.getByRole('button', { name: 'Next week' });
  await expect(title).toHaveText('1 Jun – 7 Jun 2026');
  await expect(next).toBeDisabled();

  await previous.focus();
  await page.keyboard.press('Enter');
  await expect(title).toHaveText('25 May – 31 May 2026');
  await expect(next).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(title).toHaveText('18 May – 24 May 2026');
  await expect(reports.getByRole('table', { name: 'By client' })).toBeVisible();
  await page.screenshot(shot('reports-week-back'));
  await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(title).toHaveText('1 Jun – 7 Jun 2026');
  await expect(next).toBeDisabled();

  // The month says which days it covers while it is still going, and a past month names itself only.
  await reports.getByRole('button', { name: 'Month', exact: true }).click();
  await expect(title).toHaveText('June 2026');
  await expect(reports).toContainText('1–3 June so far');
  await expect(reports.getByRole('button', { name: 'Next month' })).toBeDisabled();
  await page.screenshot(shot('reports-month-so-far'));
  await reports.getByRole('button', { name: 'Previous month' }).click();
  await expect(title).toHaveText('May 2026');
  await expect(reports).not.toContainText('so far');
  await expect(reports.getByRole('button', { name: 'Next month' })).toBeEnabled();

  // Each period keeps its place: back to Week shows this week still.
  await reports.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(title).toHaveText('1 Jun – 7 Jun 2026');
});

test.describe('with the week starting on Sunday', () => {
  test.use({ sandboxOptions: { weekStartDay: 'Sunday' } });

  test("follows the company's week start", async ({ page, preview }) => {
    const reports = await openReports(page, preview);
    await expect(reports.getByRole('heading', { level: 2 })).toHaveText('31 May – 6 Jun 2026');
    await reports.getByRole('button', { name: 'Previous week' }).click();
    await expect(reports.getByRole('heading', { level: 2 })).toHaveText('24 May – 30 May 2026');
  });
});

test('a past period offline shows its saved copy with its age, and says why once', async ({
  page,
  preview,
}) => {
  const reports = await openReports(page, preview);
  await reports.getByRole('button', { name: 'Previous week' }).click();
  await expect(reports.getByRole('heading', { level: 2 })).toHaveText('25 May – 31 May 2026');
  await expect(reports.getByRole('table', { name: 'By client' })).toBeVisible();

  await offlineLater(page, preview);
  // The popover opens Reports on this week again; never fetched offline, it says so.
  await reports.getByRole('button', { name: 'Previous week' }).click();
  await expect(reports.getByRole('heading', { level: 2 })).toHaveText('25 May – 31 May 2026');
  await expect(reports.getByRole('status')).toContainText(/As of (29|30|31) min ago/);
  await expect(reports.getByText("Harvest can't be reached", { exact: false })).toHaveCount(1);
  await expect(page.getByText("Harvest can't be reached", { exact: false })).toHaveCount(1);
  await page.screenshot(shot('reports-week-back-offline'));
  preview.sandbox.faults.outage = false;
});

test('By client and By project put Hours, Billable and Amount at the same x', async ({ page, preview }) => {
  const reports = await openReports(page, preview);
  const headerXs = async (table: string) =>
    Promise.all(
      ['Hours', 'Billable', 'Amount'].map(async (name) => {
        const box = await reports
          .getByRole('table', { name: table })
          .getByRole('columnheader', { name, exact: true })
          .boundingBox();
        return box && [Math.round(box.x), Math.round(box.width)];
      }),
    );
  for (const period of ['Week', 'Month']) {
    await reports.getByRole('button', { name: period, exact: true }).click();
    await expect(reports.getByRole('table', { name: 'By project' })).toBeVisible();
    const clients = await headerXs('By client');
    expect(clients.every((x) => x !== null)).toBe(true);
    expect(await headerXs('By project')).toEqual(clients);
  }
  await page.screenshot(shot('reports-columns'));
});
