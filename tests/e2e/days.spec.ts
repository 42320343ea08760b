// Days and weeks in the browser preview: stepping back and forth, the week strip and its totals, an earlier
// week read from Harvest, back to today; and changes made on the web showing when the popover opens.
import { expect, shownDayTotal, signIn, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const label = (date: string) =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

test('steps to yesterday and to last week, with day and week totals, then back to today', async ({
  page,
  preview,
}) => {
  const today = localDate(preview.clock.now());
  const lastWeek = addDays(today, -7);
  const option = preview.sandbox.admin.assignments()[0]!;
  preview.sandbox.admin.createEntry({
    project_id: option.project.id,
    task_id: option.task_assignments[0]!.task.id,
    spent_date: lastWeek,
    hours: 2.5,
    notes: 'Last week on purpose',
  });
  await signIn(page, preview);

  const strip = page.getByRole('list', { name: 'Week by day' });
  await expect(strip.getByRole('button')).toHaveCount(7);
  await expect(strip.getByRole('button', { name: new RegExp(`^${label(today)}:`) })).toHaveAttribute(
    'aria-current',
    'date',
  );
  await page.screenshot(shot('day-today'));

  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Yesterday/ })).toBeVisible();
  const yesterday = addDays(today, -1);
  const yesterdays = preview.sandbox.admin.entries().filter((e) => e.spent_date === yesterday);
  const list = page.getByRole('list', { name: `Entries for ${label(yesterday)}` });
  await expect(list.getByRole('listitem')).toHaveCount(yesterdays.length);

  // Seven days back is in another week: Harvest is asked for it.
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Previous day' }).click();
  const earlier = page.getByRole('list', { name: `Entries for ${label(lastWeek)}` });
  await expect(earlier).toContainText('Last week on purpose');
  await expect(shownDayTotal(page)).toHaveText('2:30');
  await expect(strip.getByRole('button', { name: `${label(lastWeek)}: 2:30` })).toBeVisible();
  await expect(page.getByLabel("That week's total")).toHaveText('2:30');
  await page.screenshot(shot('day-last-week'));

  await page.getByRole('button', { name: 'Back to today' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible();
  await expect(page.getByRole('list', { name: "Today's entries" })).toBeVisible();
  await expect(
    page.getByRole('progressbar', { name: 'This week against your weekly capacity' }),
  ).toHaveAttribute('aria-valuemax', '35');
});

test('opening the popover shows a timer started on the web and notes changed on a phone', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  const today = localDate(preview.clock.now());
  const edited = preview.sandbox.admin.entries().find((e) => e.spent_date === today && !e.is_locked)!;
  const assignment = preview.sandbox.admin.assignments()[1]!;
  preview.clock.skipMinutes(1);
  preview.sandbox.admin.updateEntry(edited.id, { notes: 'Changed on the phone' });
  preview.sandbox.admin.createEntry({
    project_id: assignment.project.id,
    task_id: assignment.task_assignments[0]!.task.id,
    spent_date: today,
    running: true,
    notes: 'Started on the web',
  });

  // The popover is shown again: the page becomes visible.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(10_500);
  const before = preview.sandbox.requestLog.length;
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const running = page.getByRole('region', { name: 'Running timer' });
  await expect(running).toContainText(assignment.project.name);
  await expect(running.getByRole('textbox', { name: 'Notes for the running timer' })).toHaveValue(
    'Started on the web',
  );
  await expect(page.getByRole('list', { name: "Today's entries" })).toContainText('Changed on the phone');
  const asked = preview.sandbox.requestLog.slice(before).map((r) => r.path);
  expect(asked.some((p) => p.includes('updated_since='))).toBe(true);
  await page.screenshot(shot('changed-on-the-web'));
});

test('runs on its fixed clock: core, Harvest and the page all say Wednesday 3 June 2026, 4pm', async ({
  page,
  preview,
}) => {
  expect(localDate(preview.clock.now())).toBe('2026-06-03');
  await signIn(page, preview);
  const pageNow = await page.evaluate(() => [new Date().getDay(), new Date().getHours()]);
  expect(pageNow).toEqual([3, 16]);
  await expect
    .poll(() => preview.sandbox.admin.entries().some((e) => e.spent_date === '2026-06-03'))
    .toBe(true);
});
