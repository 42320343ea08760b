// Reports in the browser preview: this week's and month's hours by client and project, and the saved copy
// (with its age) when Harvest can't be reached.
import { expect, signIn, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

test('shows the week and the month by client and project, then the saved copy offline', async ({
  page,
  preview,
}) => {
  // The page's clock (installed by the fixture) moves with the core's when the test skips ahead.
  await signIn(page, preview);
  await page.getByRole('button', { name: 'Reports' }).click();
  const reports = page.getByRole('region', { name: 'Reports' });
  const byClient = reports.getByRole('table', { name: 'By client' });
  await expect(byClient.getByRole('row')).not.toHaveCount(1);
  await expect(reports.getByRole('table', { name: 'By project' })).toBeVisible();
  // The demo clients' amounts come in their currency.
  await expect(byClient).toContainText('$');
  await expect(reports.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot(shot('reports-week'));

  await reports.getByRole('button', { name: 'Month' }).click();
  await expect(reports.getByRole('button', { name: 'Month' })).toHaveAttribute('aria-pressed', 'true');
  await expect(reports).toContainText(/[A-Z][a-z]+ \d{4}/);
  await page.screenshot(shot('reports-month'));

  // Later, offline: the saved copy answers, saying how old it is.
  await page.getByRole('button', { name: 'Timesheet' }).click();
  preview.clock.skipMinutes(30);
  await page.clock.fastForward('30:00');
  preview.sandbox.faults.outage = true;
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports.getByRole('status')).toContainText(
    "Harvest can't be reached; showing the saved copy.",
  );
  await expect(reports.getByRole('status')).toContainText(/As of (29|30|31) min ago/);
  await expect(byClient.getByRole('row')).not.toHaveCount(1);
  await page.screenshot(shot('reports-offline'));
  preview.sandbox.faults.outage = false;
});
