// The idle question's answers that take a project/task, on the browser preview with the simulated idle source:
// the person picks what the time away was for right in the question (recent pairs first), and Harvest ends up
// holding that time as its own entry.
import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, startTimer, test, type Preview } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

/** A timer on Mobile App — Development, an hour in, the person away for the last 37 minutes and back. */
async function awayFromTimer(page: import('@playwright/test').Page, preview: Preview) {
  await signIn(page, preview);
  await startTimer(page, 'mobile dev', 'Acme Corp — Mobile App — Development');
  await expect.poll(() => preview.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(1);
  seeded = new Set(
    preview.sandbox.admin
      .entries()
      .filter((e) => !e.is_running)
      .map((e) => e.id),
  );
  preview.clock.skipMinutes(60);
  preview.host.idle!.away(37);
  preview.host.idle!.back();
  const question = page.getByRole('region', { name: 'You were away' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Something else…' }).click();
  return question;
}

/** Entries Harvest had before the timer started (the sandbox's seeded weeks), left out of what is checked. */
let seeded = new Set<number>();
const onPair = (preview: Preview, project: string) =>
  preview.sandbox.admin.entries().filter((e) => e.project.name === project && !seeded.has(e.id));

test('Add as a new entry: the time away goes on the pair picked in the question, and the timer stops', async ({
  page,
  preview,
}) => {
  const question = await awayFromTimer(page, preview);
  const picker = question.getByRole('combobox', { name: 'What were you doing while away?' });
  await picker.click();
  // Recent pairs first: the one just worked on heads the list.
  await expect(question.getByRole('option').first()).toHaveAccessibleName(
    'Acme Corp — Mobile App — Development',
  );
  await picker.fill('website');
  await question.getByRole('option').first().click();
  await question.getByRole('textbox', { name: 'Notes for the time away' }).fill('client call');
  await page.screenshot(shot('idle-question-elsewhere'));
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await question.getByRole('button', { name: /^Add as its own entry on Website Redesign — / }).click();
  await expect(question).toHaveCount(0);
  await expect.poll(() => preview.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(0);
  await expect.poll(() => onPair(preview, 'Mobile App').map((e) => Math.round(e.hours * 60))).toEqual([23]);
  const [away] = onPair(preview, 'Website Redesign');
  expect(away).toMatchObject({ notes: 'client call', is_running: false });
  expect(Math.abs(away!.hours - 37 / 60)).toBeLessThan(0.02);
});

test('Give it to something else and continue: the time away goes elsewhere, the timer runs on without it', async ({
  page,
  preview,
}) => {
  const question = await awayFromTimer(page, preview);
  // Nothing picked yet.
  await expect(
    question.getByRole('button', { name: 'Give it to something else and carry on' }),
  ).toBeDisabled();
  await question.getByRole('combobox', { name: 'What were you doing while away?' }).fill('website');
  await question.getByRole('option').first().click();
  await question.getByRole('button', { name: /^Give it to Website Redesign — .* and carry on$/ }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /min went to Website Redesign/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Running timer' })).toContainText('Mobile App');

  await expect.poll(() => onPair(preview, 'Website Redesign').length).toBe(1);
  const running = onPair(preview, 'Mobile App').filter((e) => e.is_running);
  expect(running).toHaveLength(1);
  // An hour on the timer, less the 37 minutes given away.
  await expect.poll(() => Math.round(onPair(preview, 'Mobile App')[0]!.hours * 60)).toBe(23);
});

test('By keyboard alone: the question takes focus, Something else… gives the time away, and focus stays in the popover', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  await startTimer(page, 'mobile dev', 'Acme Corp — Mobile App — Development');
  await expect.poll(() => preview.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(1);
  seeded = new Set(preview.sandbox.admin.entries().map((e) => e.id));
  preview.clock.skipMinutes(60);
  preview.host.idle!.away(37);
  preview.host.idle!.back();
  const question = page.getByRole('region', { name: 'You were away' });
  await expect(question.getByRole('heading', { name: 'You were away' })).toBeFocused();

  // Keep, Discard, Discard and continue, then Something else…
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Something else…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('website');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // Notes
  await page.keyboard.type('client call');
  await page.keyboard.press('Tab'); // Add as its own entry on …
  await page.keyboard.press('Tab'); // Give it to … and carry on
  await expect(page.locator(':focus')).toHaveText(/^Give it to Website Redesign — .* and carry on$/);
  await page.screenshot(shot('idle-question-keyboard'));
  await page.keyboard.press('Enter');

  await expect(question).toHaveCount(0);
  const note = page.getByRole('status').filter({ hasText: /37 min went to Website Redesign/ });
  await expect(note).toBeVisible();
  // Focus goes back to what had it before the question (the picker, after a start), never to the page body.
  await expect(page.getByRole('combobox', { name: 'Project and task', exact: true })).toBeFocused();
  await page.screenshot(shot('idle-question-given'));
  await expect.poll(() => onPair(preview, 'Website Redesign').map((e) => e.notes)).toEqual(['client call']);
});
