// axe on the views this popover added: the picker's recent and pinned list, an entry being edited, the delete
// confirmation, another week, reports, and the banner for refused changes; light and dark.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test('picker, editing, deleting, another week and reports', async ({ page, preview }) => {
      await signIn(page, preview);
      await page.getByRole('combobox', { name: 'Project and task' }).click();
      await expect(page.getByRole('listbox')).toContainText('Recent');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      const edit = page.getByRole('button', { name: /^Edit / }).first();
      await edit.click();
      await page.getByRole('textbox', { name: 'Duration' }).fill('nonsense');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText(/isn't a duration/)).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Cancel' }).click();

      await page
        .getByRole('button', { name: /^Delete / })
        .first()
        .click();
      await expect(page.getByRole('button', { name: 'Delete entry' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Keep' }).click();

      for (let i = 0; i < 7; i++) await page.getByRole('button', { name: 'Previous day' }).click();
      await expect(page.getByRole('button', { name: 'Back to today' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Reports' }).click();
      await expect(page.getByRole('table', { name: 'By client' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/reports-${scheme}.png` });
    });

    test('a change Harvest refused', async ({ page, preview }) => {
      await signIn(page, preview);
      const today = preview.sandbox.admin.entries().find((e) => !e.is_locked && !e.is_running)!;
      const name = `${today.project.name} — ${today.task.name}`;
      // Locked on the web after the popover loaded it: the edit goes out and comes back refused.
      preview.sandbox.admin.lockEntry(today.id);
      await page
        .getByRole('button', { name: `Edit ${name}` })
        .first()
        .click();
      await page.getByRole('textbox', { name: 'Notes for this entry' }).fill('Too late');
      await page.getByRole('button', { name: 'Save' }).click();
      const banner = page.getByRole('region', { name: 'Changes Harvest refused' });
      await expect(banner).toBeVisible();
      await expect(banner.getByRole('button', { name: /^Discard/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/refused-change-${scheme}.png` });
      await banner.getByRole('button', { name: /^Discard/ }).click();
      await expect(banner).toBeHidden();
    });
  });
}
