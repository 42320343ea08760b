// Harvest's time API in the browser preview: a timer started from an issue's address pasted into the picker
// (the chip, the row's link button, Remove link), the billed figure where the company rounds, submitted and
// approved rows, and the By task and By person reports.
import { expect, pick, signIn, test, type Preview } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });
const issue = 'https://github.com/acme/site/issues/12';

/** axe's serious and critical findings on what the page shows now (none expected). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The e2e run's today, as the sandbox writes spent dates. */
function e2eToday(preview: Preview): string {
  const d = preview.clock.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Pastes `text` into the focused field as the browser does when the person presses Ctrl/Cmd+V. */
async function paste(page: Page, label: string, text: string) {
  await page.getByRole('combobox', { name: label }).evaluate((field, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    field.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('pasting an issue address links the timer to it; the row opens it; Remove link takes it off', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  await paste(page, 'Project and task', `Fix the header ${issue}`);
  await expect(page.getByText('linked to acme/site#12')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('Fix the header');
  await pick(page, 'website dev', 'Acme Corp — Website Redesign — Development');
  await page.screenshot(shot('link-chip'));
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const open = page.getByRole('button', { name: 'Open acme/site#12' });
  await expect(open).toBeVisible();
  await expect
    .poll(
      () => preview.sandbox.admin.entries().find((e) => e.notes === 'Fix the header')?.external_reference?.id,
    )
    .toBe('acme/site#12');
  // Not clicked here: the preview would hand the address to this machine's browser (the popover tests and
  // tests/integration/linked-work.test.ts check where a click goes).
  await page.screenshot(shot('linked-row'));
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Edit Website Redesign — Development' }).first().click();
  await page.getByRole('button', { name: 'Remove link' }).click();
  await expect(page.getByRole('button', { name: 'Open acme/site#12' })).toHaveCount(0);
  await expect
    .poll(() => preview.sandbox.admin.entries().find((e) => e.notes === 'Fix the header')?.external_reference)
    .toBeNull();
});

test.describe('the demo company’s ways: it rounds time, and its administrator has a team', () => {
  test.use({ sandboxOptions: { timeRounding: { minutes: 15, mode: 'up' }, teammates: true } });

  test('shows billed hours beside tracked ones, and submitted and approved rows apart, at 360×600', async ({
    page,
    preview,
  }) => {
    await signIn(page, preview);
    // Two of this morning's entries (the demo seeds the morning): one submitted, one approved.
    const today = e2eToday(preview);
    const [first, second] = preview.sandbox.admin
      .entries()
      .filter((e) => e.spent_date === today && !e.is_locked && !e.is_running);
    preview.sandbox.admin.submitEntry(first!.id);
    preview.sandbox.admin.closeEntry(second!.id);
    // 1 h 6 min tracked on the web: the company rounds each entry up to the quarter hour, so it bills 1:15.
    const made = preview.sandbox.admin.entries().find((e) => e.spent_date === today)!;
    preview.sandbox.admin.createEntry({
      project_id: made.project.id,
      task_id: made.task.id,
      spent_date: today,
      hours: 1.1,
      notes: 'Call with the printer',
    });
    await page.getByRole('button', { name: 'Sync now' }).click();
    const rows = page.getByRole('list', { name: "Today's entries" }).getByRole('listitem');
    await expect(rows.filter({ hasText: 'Submitted for approval' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Approved in Harvest' })).toHaveCount(1);
    await expect(page.getByLabel("This week's total")).toContainText(/^\d+:\d\d \(\d+:\d\d billed\)$/);
    await expect(page.locator('.entry.is-submitted, .entry.is-approved').first()).toBeVisible();
    await page.screenshot(shot('approval-and-billed'));
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('reports by task and, for the demo’s administrator, by person against capacity', async ({
    page,
    preview,
  }) => {
    await signIn(page, preview);
    await page.getByRole('button', { name: 'Reports' }).click();
    const reports = page.getByRole('region', { name: 'Reports' });
    const byTask = reports.getByRole('table', { name: 'By task' });
    await expect(byTask.getByRole('row')).not.toHaveCount(1);
    const byPerson = reports.getByRole('table', { name: 'By person' });
    await expect(byPerson).toContainText(/of \d+:\d\d/);
    await byPerson.scrollIntoViewIfNeeded();
    await page.screenshot(shot('reports-by-person'));
    expect(await seriousViolations(page)).toEqual([]);
  });
});
