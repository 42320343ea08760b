// The popover at 360×600 with the browser's text size doubled (Chromium's own font-size setting, which the CSS
// follows because its sizes are in rem/em): never a sideways scroll, Start/Stop and the picker in reach, and no
// button whose words are cut.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, startTimer, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

/** Chromium's "Font size" setting, as a person sets it: 32 px instead of 16. */
async function doubleTheTextSize(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
}

/** Anything scrolled or scrollable sideways: the page, or any box wider inside than out. */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) found.push('the page');
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const { overflowX } = getComputedStyle(el);
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
        found.push(el.className || el.tagName);
    }
    return found;
  });
}

/** Visible buttons whose words don't fit inside them (cut or spilling out). */
async function cutButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, [role="tab"]')]
      .filter((b) => b.offsetParent !== null && b.innerText.trim() !== '')
      .filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)
      .map((b) => b.innerText.trim()),
  );
}

/** The element is on screen, whole, once focused (as Tab would bring it into view). */
async function inReach(page: Page, name: string, locator: ReturnType<Page['getByRole']>) {
  await locator.focus();
  await expect(locator, name).toBeFocused();
  await expect(locator, name).toBeInViewport({ ratio: 1 });
}

test('at 200% text size the popover scales, never scrolls sideways, and keeps Start, Stop and the picker in reach', async ({
  page,
  preview,
}) => {
  expect(page.viewportSize()).toEqual({ width: 360, height: 600 });
  await doubleTheTextSize(page);
  await signIn(page, preview);
  // The text really is twice as large: the popover's 13 px base is now 26 px.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('26px');

  const combobox = page.getByRole('combobox', { name: 'Project and task' });
  await inReach(page, 'the picker', combobox);
  await page.screenshot(shot('text-200-idle'));
  expect(await sidewaysScrollers(page)).toEqual([]);
  expect(await cutButtons(page)).toEqual([]);

  await startTimer(page, 'patient dev', 'Umbrella Health — Patient Portal — Development');
  await inReach(page, 'Stop', page.getByRole('button', { name: 'Stop' }));
  await page.screenshot(shot('text-200-running'));
  expect(await sidewaysScrollers(page)).toEqual([]);
  expect(await cutButtons(page)).toEqual([]);

  await page.getByRole('button', { name: 'Stop' }).click();
  // By keyboard: type, Tab takes the match into Notes, Tab again reaches Start, on screen and whole.
  await combobox.focus();
  await page.keyboard.type('mobile dev');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Notes' })).toBeFocused();
  await page.keyboard.press('Tab');
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await expect(start).toBeFocused();
  await expect(start).toBeInViewport({ ratio: 1 });
  await page.screenshot(shot('text-200-start'));
  expect(await cutButtons(page)).toEqual([]);

  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('table', { name: 'By client' })).toBeVisible();
  await page.screenshot(shot('text-200-reports'));
  // Laid out as grids at this size, the report tables still read as tables.
  await expect(page.getByRole('table', { name: 'By client' }).getByRole('columnheader')).toHaveCount(4);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  expect(await sidewaysScrollers(page)).toEqual([]);
  expect(await cutButtons(page)).toEqual([]);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.screenshot(shot('text-200-settings'));
  expect(await sidewaysScrollers(page)).toEqual([]);
  expect(await cutButtons(page)).toEqual([]);
});
