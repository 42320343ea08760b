// The timesheet by keyboard alone, at 360×600: start with notes, pin, edit and delete with undo. Every step says
// where focus is, since focus falling to the page body is the silent failure a keyboard user meets.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/** Presses Tab until the focused control has this accessible name (as a person tabbing through would). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim(),
    );
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

const body = (page: Page) => page.evaluate(() => document.activeElement === document.body);

test('starts with notes: type, Tab takes the match, type notes, Enter', async ({ page, preview }) => {
  await signIn(page, preview);
  const picker = page.getByRole('combobox', { name: 'Project and task' });
  await page.keyboard.press('/');
  await expect(picker).toBeFocused();
  await page.keyboard.type('data mig meet');
  await page.keyboard.press('Tab');
  await expect(picker).toHaveValue('Globex — Data Migration — Meetings');
  await expect(page.getByRole('textbox', { name: 'Notes', exact: true })).toBeFocused();
  await page.keyboard.type('Kick-off call');
  await page.keyboard.press('Enter');

  const running = page.getByRole('region', { name: 'Running timer' });
  await expect(running).toContainText('Data Migration');
  await expect(running.getByRole('textbox', { name: 'Notes for the running timer' })).toHaveValue(
    'Kick-off call',
  );
  await expect
    .poll(() => preview.sandbox.admin.entries().find((e) => e.is_running)?.notes)
    .toBe('Kick-off call');
  // Ready for the next one, not lost on the page.
  await expect(picker).toBeFocused();
});

test('pins the chosen pair from the keyboard', async ({ page, preview }) => {
  await signIn(page, preview);
  await page.keyboard.press('/');
  await page.keyboard.type('patient dev');
  await page.keyboard.press('Tab');
  await tabTo(page, 'Pin to favourites');
  const pin = page.getByRole('button', { name: 'Pin to favourites' });
  await page.keyboard.press('Space');
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await expect(pin).toBeFocused();

  // Back in the picker with nothing typed, the pair waits under Pinned.
  await page.keyboard.press('/');
  const picker = page.getByRole('combobox', { name: 'Project and task' });
  await expect(picker).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveValue('');
  await page.keyboard.press('ArrowDown');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toContainText('Pinned');
  await expect(
    listbox.getByRole('option', { name: 'Umbrella Health — Patient Portal — Development' }),
  ).toHaveCount(1);
});

test('edits an entry and leaves with Escape; focus goes back to its Edit button', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  const list = page.getByRole('list', { name: "Today's entries" });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const edit = list.getByRole('button', { name: /^Edit / }).first();
  const name = (await edit.getAttribute('aria-label'))!;
  await tabTo(page, name);
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name });
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(page.getByRole('button', { name })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(form).toBeVisible();
  await form.getByRole('textbox', { name: 'Duration' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2:15');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByRole('button', { name })).toBeFocused();
  await expect(list).toContainText('2:15');
});

test('answers the time-away question from the keyboard: it takes focus, Tab reaches Discard it, Enter', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  const picker = page.getByRole('combobox', { name: 'Project and task' });
  await page.keyboard.press('/');
  await page.keyboard.type('mobile dev');
  await page.keyboard.press('Enter');
  await expect.poll(() => preview.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(1);
  preview.clock.skipMinutes(60);
  preview.host.idle!.away(40);
  preview.host.idle!.back();
  const question = page.getByRole('region', { name: 'You were away' });
  await expect(question.getByRole('heading', { name: 'You were away' })).toBeFocused();
  await tabTo(page, 'Discard it');
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  // The 40 minutes away are gone and the timer stopped where the person left; focus is back in the popover.
  await expect.poll(() => preview.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(0);
  await expect(picker).toBeFocused();
  expect(await body(page)).toBe(false);
});

test('deletes an entry and undoes it, all from the keyboard', async ({ page, preview }) => {
  await signIn(page, preview);
  const list = page.getByRole('list', { name: "Today's entries" });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const rows = await list.getByRole('listitem').count();
  const remove = list.getByRole('button', { name: /^Delete / }).first();
  const name = (await remove.getAttribute('aria-label'))!;
  await tabTo(page, name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Delete entry' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(rows - 1);
  // The 5-second Undo is where focus is.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(rows);
  await expect(page.getByRole('button', { name })).toBeFocused();
  expect(await body(page)).toBe(false);
});
