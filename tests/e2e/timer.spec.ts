// Tracking time end to end: pick, start, watch it run, stop, restart; and how many Harvest requests each costs.
import { expect, harvestSettles, pick, shownDayTotal, signIn, test, todaysEntryNames } from './fixtures';

test('picks a task by typing, starts it, watches it run, stops it and sees today grow', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  const running = page.getByRole('region', { name: 'Running timer' });
  const todayTotal = shownDayTotal(page);
  // No timer, no card: the start form is the top of the popover.
  await expect(running).toHaveCount(0);
  const totalBefore = await todayTotal.innerText();

  await pick(page, 'mobile dev', 'Acme Corp — Mobile App — Development');
  await page.getByRole('textbox', { name: 'Notes' }).fill('Login screen');
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  await expect(running).toContainText('Acme Corp');
  await expect(running).toContainText('Mobile App');
  await expect(running).toContainText('Development');
  // The running timer's notes are edited in place, so they sit in a text field.
  await expect(running.getByRole('textbox', { name: 'Notes for the running timer' })).toHaveValue(
    'Login screen',
  );
  const elapsed = running.getByLabel('Elapsed time');
  await expect(elapsed).toHaveText(/^\d+:\d{2}:\d{2}$/);
  const firstReading = await elapsed.innerText();
  await expect(elapsed).not.toHaveText(firstReading);

  // Ten minutes pass for Harvest and the core, so the stopped entry adds something the total can show.
  preview.clock.skipMinutes(10);
  await running.getByRole('button', { name: 'Stop' }).click();
  await expect(running).toHaveCount(0);
  await expect(todayTotal).not.toHaveText(totalBefore);
  await expect(page.getByRole('list', { name: "Today's entries" })).toContainText('Login screen');
});

test("restarts today's entry from the list: it runs again", async ({ page, preview }) => {
  await signIn(page, preview);
  const [name] = todaysEntryNames(preview);
  expect(name, 'the demo seed has an unlocked entry today').toBeTruthy();
  const [project, task] = name!.split(' — ');

  const list = page.getByRole('list', { name: "Today's entries" });
  const restart = list.getByRole('button', { name: `Restart ${name}` }).first();
  await restart.click();

  const running = page.getByRole('region', { name: 'Running timer' });
  await expect(running).toContainText(project!);
  await expect(running).toContainText(task!);
  await expect(running.getByRole('button', { name: 'Stop' })).toBeVisible();
  // Harvest continues today's entry rather than adding one; its own Restart is off while it runs.
  await expect(restart).toBeDisabled();
  // Sent behind the optimistic screen, so Harvest may take a moment.
  await expect.poll(() => preview.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(1);
});

test('starting and stopping a timer each cost Harvest exactly one request', async ({ page, preview }) => {
  const { sandbox } = preview;
  await signIn(page, preview);
  await pick(page, 'brand design', 'Globex — Brand Refresh — Design');
  await harvestSettles(sandbox);

  sandbox.admin.resetRequestLog();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const running = page.getByRole('region', { name: 'Running timer' });
  await expect(running.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Synced/ })).toBeVisible();
  await harvestSettles(sandbox);
  const starting = sandbox.requestLog.map((r) => `${r.method} ${r.path} ${r.status}`);
  test.info().annotations.push({ type: 'requests to start', description: starting.join(', ') });
  expect(starting).toEqual([expect.stringMatching(/^POST \/v2\/time_entries 201$/)]);

  sandbox.admin.resetRequestLog();
  await running.getByRole('button', { name: 'Stop' }).click();
  await expect(running).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /Synced/ })).toBeVisible();
  await harvestSettles(sandbox);
  const stopping = sandbox.requestLog.map((r) => `${r.method} ${r.path} ${r.status}`);
  test.info().annotations.push({ type: 'requests to stop', description: stopping.join(', ') });
  expect(stopping).toEqual([expect.stringMatching(/^PATCH \/v2\/time_entries\/\d+\/stop 200$/)]);
});
