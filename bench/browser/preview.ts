// Owns the bench's browser preview: a sandbox Harvest serving the 20,000-pair account, the preview host on the
// bench's build of the renderer (in-memory token, a temporary data folder), and headless Chromium signed in to
// it. The Chromium figures share one; it starts on first use and closes when the bench is done.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { localSpentDate } from '../../shared/calendar';
import { startSandbox, type Sandbox } from '../../electron/sandbox/server';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { largeAccount } from '../account';
import { benchBuild, rendererDirOf } from '../build';
import { defineNameHelper } from './page-scripts';

export interface BenchPreview {
  sandbox: Sandbox;
  host: WebHost;
  browser: Browser;
  /** A new tab the size of the popover, its init scripts added before it loads the preview. */
  newPage(...initScripts: ((page: Page) => Promise<unknown>)[]): Promise<Page>;
}

let started: Promise<{ preview: BenchPreview; close(): Promise<void> }> | undefined;

/** The shared preview, started and signed in on first use. */
export async function benchPreview(): Promise<BenchPreview> {
  started ??= start();
  return (await started).preview;
}

export async function closeBenchPreview(): Promise<void> {
  if (started) await (await started).close();
  started = undefined;
}

/** The picker can be typed in: its projects are loaded (the placeholder no longer says "Loading projects…"). */
export async function pickerReady(page: Page): Promise<void> {
  await page
    .locator('input[role="combobox"]:not([placeholder^="Loading"])')
    .waitFor({ state: 'visible', timeout: 60_000 });
}

async function start() {
  const rendererDir = rendererDirOf(benchBuild());
  // No rate limit: the bench measures the popover, not Harvest's 100 requests per 15 s.
  const sandbox = await startSandbox({ seed: largeAccount, rateLimit: false, reportsRateLimit: false });
  const today = localSpentDate(new Date());
  const [first, second] = sandbox.admin.assignments();
  // A day with a few entries, so the day list has rows to (not) re-render.
  for (const [i, assignment] of [first, second, first].entries()) {
    const task = assignment!.task_assignments[i % 2]!.task;
    sandbox.admin.createEntry({
      project_id: assignment!.project.id,
      task_id: task.id,
      spent_date: today,
      hours: 0.5 + i,
      notes: `Bench entry ${i + 1}`,
    });
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'sheaf-bench-data-'));
  const host = await startWebHost({
    rendererDir,
    env: { HARVEST_API_URL: sandbox.url, SHEAF_DATA_DIR: dataDir },
    secrets: createMemorySecretStore(),
    log: () => {},
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 360, height: 600 } });
  await context.addInitScript(defineNameHelper);
  const preview: BenchPreview = {
    sandbox,
    host,
    browser,
    async newPage(...initScripts) {
      const page = await context.newPage();
      for (const add of initScripts) await add(page);
      return page;
    },
  };
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByLabel('Personal access token').fill(sandbox.token);
  await page.getByRole('textbox', { name: 'Account ID' }).fill(sandbox.accountId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await pickerReady(page);
  await page.close();
  return {
    preview,
    async close() {
      await browser.close();
      await host.close();
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
