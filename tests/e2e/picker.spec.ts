// The fast picker in the browser preview: "/" focuses it, typing ranks matches, Enter starts at once, recent and
// pinned pairs come first with nothing typed, and a pin survives a relaunch.
import { expect, signIn, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

test('keyboard only: / focuses, fuzzy typing, Enter starts the top match at once', async ({
  page,
  preview,
}) => {
  await signIn(page, preview);
  const combobox = page.getByRole('combobox', { name: 'Project and task' });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  await expect(combobox).toBeFocused();

  // With nothing typed: recent pairs first.
  await page.keyboard.press('ArrowDown');
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('listbox')).toContainText(/^Recent/);
  await page.screenshot(shot('picker-empty-query'));

  await page.keyboard.type('patint dev');
  const options = page.getByRole('option');
  await expect(options.first()).toHaveAttribute(
    'aria-label',
    'Umbrella Health — Patient Portal — Development',
  );
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.screenshot(shot('picker-fuzzy'));
  await page.keyboard.press('Enter');
  const running = page.getByRole('region', { name: 'Running timer' });
  await expect(running).toContainText('Patient Portal');
  await expect(running).toContainText('Development');

  // Escape clears the query first, and only then hides the popover.
  await page.keyboard.press('Control+k');
  await expect(combobox).toBeFocused();
  await page.keyboard.type('acme');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(combobox).toHaveValue('');
});

test('pins a pair, shows it under Pinned, and keeps it after a relaunch', async ({ page, preview }) => {
  await signIn(page, preview);
  const combobox = page.getByRole('combobox', { name: 'Project and task' });
  await combobox.fill('reporting qa');
  await page.getByRole('option', { name: 'Initech — Reporting Automation — Quality Assurance' }).click();
  const pin = page.getByRole('button', { name: 'Pin to favourites' });
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');

  await preview.restartHost();
  await page.goto(preview.host.url);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await combobox.click();
  const listbox = page.getByRole('listbox');
  await expect(listbox).toContainText('Pinned');
  const pinnedHeading = listbox.getByText('Pinned', { exact: true });
  await expect(pinnedHeading).toBeVisible();
  await expect(
    page.getByRole('option', { name: 'Initech — Reporting Automation — Quality Assurance' }).first(),
  ).toBeVisible();
  await page.screenshot(shot('picker-pinned'));
});

test('20,000 pairs: filters and scrolls through the virtualized list', async ({ page, preview }) => {
  await preview.host.close();
  // A large generated account on a sandbox of its own.
  const { startSandbox } = await import('../../electron/sandbox/server');
  const big = await startSandbox({ clock: preview.clock, seed: { projects: 2500, tasksPerProject: 8 } });
  try {
    const { startWebHost } = await import('../../electron/web/server');
    const { createMemorySecretStore } = await import('../../electron/web/secrets');
    const { fileURLToPath } = await import('node:url');
    const host = await startWebHost({
      rendererDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
      env: { HARVEST_API_URL: big.url, SHEAF_DATA_DIR: preview.dataDir },
      secrets: createMemorySecretStore(),
      clock: preview.clock,
    });
    try {
      await page.goto(host.url);
      await page.getByLabel('Personal access token').fill(big.token);
      await page.getByRole('textbox', { name: 'Account ID' }).fill(big.accountId);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const combobox = page.getByRole('combobox', { name: 'Project and task' });
      await expect(combobox).toHaveAttribute('placeholder', /search/, { timeout: 30_000 });
      await combobox.click();
      // Only a window of rows is in the page, however many pairs there are.
      expect(await page.getByRole('option').count()).toBeLessThan(40);
      await page.keyboard.press('End');
      for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
      await expect(page.locator('[role=option][aria-selected=true]')).toBeVisible();

      await combobox.fill('p-2417 research');
      await expect(page.getByRole('option').first()).toHaveAttribute(
        'aria-label',
        'Client 167 — Project 2417 — Research',
      );
      await page.screenshot(shot('picker-20000'));
    } finally {
      await host.close();
    }
  } finally {
    await big.close();
  }
});

test('marks the letters that matched, and Recent names each pair’s client', async ({ page, preview }) => {
  await signIn(page, preview);
  const combobox = page.getByRole('combobox', { name: 'Project and task' });
  await combobox.fill('patint dev');
  const top = page.getByRole('option').first();
  await expect(top).toHaveAttribute('aria-label', 'Umbrella Health — Patient Portal — Development');
  // "patint" finds Patient with the e skipped: "Pati" and "nt" are marked, and "Dev" of Development.
  await expect(top.locator('mark')).toHaveText(['Pati', 'nt', 'Dev']);
  // Marked as elements, never as HTML: the name's text is whole and its accessible name unchanged.
  await expect(top).toContainText('Patient Portal');
  await expect(top).toContainText('Development');
  await page.screenshot(shot('picker-marks'));

  // A client's letters are marked in its heading.
  await combobox.fill('acme mob');
  await expect(page.getByRole('listbox').locator('.group-label mark').first()).toHaveText('Acme');
  await expect(page.getByRole('option').first().locator('mark')).toHaveText(['Mob']);

  // With nothing typed, Recent comes first and each of its pairs says whose it is.
  await combobox.fill('');
  await page.keyboard.press('ArrowDown');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toContainText(/^Recent/);
  const recentFirst = page.getByRole('option').first();
  const name = (await recentFirst.getAttribute('aria-label'))!;
  const client = name.split(' — ')[0]!;
  await expect(recentFirst.locator('.option-client')).toHaveText(`${client} · `);
  await expect(listbox.locator('mark')).toHaveCount(0);
  await page.screenshot(shot('picker-recent-clients'));
});
