// Entries in the browser preview: running notes edited in place (kept across a reload mid-edit), editing with
// inline checks, delete with confirmation and undo, locked entries, and time added without a timer.
import { expect, harvestSettles, signIn, startTimer, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('edits the running timer notes in place; a reload mid-edit keeps what was typed', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  await startTimer(page, 'website dev', 'Acme Corp — Website Redesign — Development');
  const notes = page.getByRole('textbox', { name: 'Notes for the running timer' });
  await expect(notes).toBeVisible();
  await notes.fill('Checkout flow, half done');

  // The popover goes away mid-edit (here: the page reloads); the words come back.
  await page.reload();
  await expect(notes).toHaveValue('Checkout flow, half done');
  await notes.press('Enter');
  await expect
    .poll(() => preview.sandbox.admin.entries().find((e) => e.is_running)?.notes)
    .toBe('Checkout flow, half done');
  await page.screenshot(shot('running-notes'));
});

test('edits an entry; bad input says what is accepted and sends nothing', async ({ page, preview }) => {
  await signIn(page, preview);
  const today = localDate(preview.clock.now());
  const target = preview.sandbox.admin.entries().find((e) => e.spent_date === today && !e.is_locked)!;
  const name = `${target.project.name} — ${target.task.name}`;
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  const form = page.getByRole('form', { name: `Edit ${name}` });
  const duration = form.getByRole('textbox', { name: 'Duration' });
  await duration.fill('an hour or so');
  await harvestSettles(preview.sandbox, 500);
  const before = preview.sandbox.requestLog.length;
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toContainText("isn't a duration. Enter a duration like 1:30, 1.5, 90m or 1h 30m");
  await expect(duration).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot(shot('edit-bad-input'));
  expect(preview.sandbox.requestLog.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);

  await duration.fill('1h30');
  await form.getByRole('textbox', { name: 'Notes for this entry' }).fill('Reviewed with the team');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect
    .poll(() => preview.sandbox.admin.entries().find((e) => e.id === target.id))
    .toMatchObject({ hours: 1.5, notes: 'Reviewed with the team' });
  await expect(page.getByRole('list', { name: "Today's entries" })).toContainText('Reviewed with the team');
});

test('deletes after a confirmation, with a few seconds to undo; leaving the page then keeps the delete', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  const today = localDate(preview.clock.now());
  const target = preview.sandbox.admin.entries().find((e) => e.spent_date === today && !e.is_locked)!;
  const name = `${target.project.name} — ${target.task.name}`;
  const list = page.getByRole('list', { name: "Today's entries" });
  const rows = await list.getByRole('listitem').count();

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.getByRole('group', { name: `Delete ${name}?` })).toBeVisible();
  await page.screenshot(shot('delete-confirm'));
  await page.getByRole('button', { name: 'Delete entry' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(rows - 1);
  await expect(page.getByText(`Deleted ${name}.`)).toBeVisible();
  await page.screenshot(shot('delete-undo'));
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(rows);
  await page.waitForTimeout(6000);
  expect(preview.sandbox.requestLog.filter((r) => r.method === 'DELETE')).toEqual([]);

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('button', { name: 'Delete entry' }).click();
  await expect(page.getByText(`Deleted ${name}.`)).toBeVisible();
  // The popover goes away inside the undo window (a quit, a sign-out): core already has the delete.
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(rows - 1);
  await expect
    .poll(() => preview.sandbox.admin.entries().some((e) => e.id === target.id), { timeout: 15_000 })
    .toBe(false);
  await expect(list.getByRole('listitem')).toHaveCount(rows - 1);
});

test('a locked entry shows why and offers no edit or delete', async ({ page, preview }) => {
  const locked = preview.sandbox.admin.entries().find((e) => e.is_locked)!;
  const today = localDate(preview.clock.now());
  await signIn(page, preview);
  if (locked.spent_date !== today) {
    await page.getByRole('button', { name: new RegExp(`^${dayLabel(locked.spent_date)}:`) }).click();
  }
  const name = `${locked.project.name} — ${locked.task.name}`;
  const row = page.getByRole('listitem').filter({ hasText: locked.locked_reason! });
  await expect(row).toBeVisible();
  await expect(row.getByRole('button', { name: `Edit ${name}` })).toHaveCount(0);
  await expect(row.getByRole('button', { name: `Delete ${name}` })).toHaveCount(0);
  await page.screenshot(shot('locked-entry'));
});

test('adds time without a timer: a duration, checked before anything is sent', async ({ page, preview }) => {
  await signIn(page, preview);
  await page.getByRole('button', { name: 'Add time' }).click();
  const form = page.getByRole('form', { name: 'Add time' });
  await form.getByRole('button', { name: 'Add time' }).click();
  await expect(form).toContainText('Choose a project and task from the list.');
  await expect(form).toContainText('Enter a duration like 1:30, 1.5, 90m or 1h 30m');

  await form.getByRole('combobox', { name: 'Project and task for the new time' }).fill('brand research');
  await page.getByRole('option', { name: 'Globex — Brand Refresh — Research' }).click();
  await form.getByRole('textbox', { name: 'Duration' }).fill('45m');
  await form.getByRole('textbox', { name: 'Notes for the new time' }).fill('Competitor review');
  await page.screenshot(shot('add-time'));
  await form.getByRole('button', { name: 'Add time' }).click();
  await expect(form).toBeHidden();
  await expect
    .poll(() => preview.sandbox.admin.entries().find((e) => e.notes === 'Competitor review'))
    .toMatchObject({ hours: 0.75, spent_date: localDate(preview.clock.now()) });
});

test('a timestamp account enters a start and an end', async ({ page, preview }) => {
  preview.sandbox.admin.setWantsTimestampTimers(true);
  await signIn(page, preview);
  await page.getByRole('button', { name: 'Add time' }).click();
  const form = page.getByRole('form', { name: 'Add time' });
  await form.getByRole('combobox', { name: 'Project and task for the new time' }).fill('brand design');
  await page.getByRole('option', { name: 'Globex — Brand Refresh — Design' }).click();
  await form.getByRole('textbox', { name: 'Start time' }).fill('2pm');
  await form.getByRole('textbox', { name: 'End time' }).fill('1:30pm');
  await form.getByRole('button', { name: 'Add time' }).click();
  await expect(form).toContainText("The end time can't be before the start time.");
  await form.getByRole('textbox', { name: 'End time' }).fill('15:45');
  await form.getByRole('textbox', { name: 'Notes for the new time' }).fill('Logo workshop');
  await page.screenshot(shot('add-time-timestamps'));
  await form.getByRole('button', { name: 'Add time' }).click();
  await expect
    .poll(() => preview.sandbox.admin.entries().find((e) => e.notes === 'Logo workshop'))
    .toMatchObject({ started_time: '2:00pm', ended_time: '3:45pm', hours: 1.75 });
  // The demo company uses a 12 h clock: times are shown its way.
  await expect(page.getByRole('list', { name: "Today's entries" })).toContainText('2:00pm – 3:45pm');
});

function dayLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
