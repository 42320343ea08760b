// Owns what every end-to-end test starts from: its own sandbox Harvest and preview host, signed out, fresh data.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Clock } from '../../electron/main/core/ports';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../electron/sandbox/server';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { startWebHost, type WebHost } from '../../electron/web/server';

export { expect };

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/**
 * Where every run's clock starts: Wednesday 3 June 2026, 4:00pm on this machine's clock (a working afternoon, after
 * the demo's seeded morning, far from any zone's DST change), so no run depends on the real date or hour.
 */
export const e2eStart = new Date(2026, 5, 3, 16, 0);

/**
 * Starts at `e2eStart` and runs at real speed from there, plus whatever a test skips ahead; shared by core and
 * sandbox so they agree on "now", and the page's clock starts at the same moment (see the `page` fixture).
 */
export class SkippableClock implements Clock {
  private readonly createdMs = Date.now();
  private offsetMs = 0;
  now(): Date {
    return new Date(e2eStart.getTime() + (Date.now() - this.createdMs) + this.offsetMs);
  }
  skipMinutes(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }
}

export interface Preview {
  sandbox: Sandbox;
  host: WebHost;
  clock: SkippableClock;
  dataDir: string;
  /** Lines the host and core logged (never the token). */
  logs: string[];
  /** Stops the host and starts a new one on the same data folder, as relaunching Sheaf would. */
  restartHost(): Promise<WebHost>;
}

export const test = base.extend<{
  preview: Preview;
  sandboxOptions: Omit<SandboxOptions, 'clock'>;
  idleBus: string | null;
  hostEnv: Record<string, string>;
}>({
  /** What the sandbox starts with beyond the shared clock (`test.use` it), e.g. the accounts its token reaches. */
  sandboxOptions: [{}, { option: true }],
  /** A D-Bus session bus's address: the host reads idle from the desktop there (`--idle system`), not simulated. */
  idleBus: [null, { option: true }],
  /** More of the host's environment (`test.use` it): the desktop it runs on, a PATH with stand-in programs. */
  hostEnv: [{}, { option: true }],
  /** The page's clock starts where the core's is, and moves at real speed unless a test pauses or skips it. */
  page: async ({ page, preview }, provide) => {
    await page.clock.install({ time: preview.clock.now() });
    await provide(page);
  },
  preview: async ({ sandboxOptions, idleBus, hostEnv }, provide) => {
    const clock = new SkippableClock();
    const sandbox = await startSandbox({ ...sandboxOptions, clock });
    const dataDir = await mkdtemp(join(tmpdir(), 'sheaf-e2e-'));
    const logs: string[] = [];
    // The token lives in memory: a test must never touch the developer's keychain.
    const secrets = createMemorySecretStore();
    const start = () =>
      startWebHost({
        rendererDir,
        // Harvest ID too: a token given without an account id lists its accounts there.
        // A home of its own: "Install the sheaf command" links into it, never into the developer's.
        env: {
          HARVEST_API_URL: sandbox.url,
          HARVEST_ID_URL: sandbox.idUrl,
          SHEAF_DATA_DIR: dataDir,
          HOME: join(dataDir, 'home'),
          ...(idleBus ? { DBUS_SESSION_BUS_ADDRESS: idleBus } : {}),
          ...hostEnv,
        },
        secrets,
        clock,
        log: (line) => logs.push(line),
        // Tests play the person leaving and coming back through `preview.host.idle`, or the desktop's services.
        simulateIdle: !idleBus,
        systemIdle: !!idleBus,
      });
    const preview: Preview = {
      sandbox,
      host: await start(),
      clock,
      dataDir,
      logs,
      async restartHost() {
        await preview.host.close();
        preview.host = await start();
        return preview.host;
      },
    };
    await provide(preview);
    await preview.host.close();
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export async function signIn(page: Page, preview: Preview): Promise<void> {
  await page.goto(preview.host.url);
  await page.getByLabel('Personal access token').fill(preview.sandbox.token);
  await page.getByRole('textbox', { name: 'Account ID' }).fill(preview.sandbox.accountId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText('Sheaf Demo Co')).toBeVisible();
}

/** Opens Settings from the gear and answers its region. */
export async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('region', { name: 'Settings' });
}

/** The shown day's total: its chip in the week strip, the one place a day's total appears ("–" for none). */
export const shownDayTotal = (page: Page) =>
  page.getByRole('list', { name: 'Week by day' }).locator('button[aria-current="date"] .week-day-hours');

/** Picks a project/task the way a person does: type, then choose the matching option. */

export async function pick(page: Page, typed: string, option: string): Promise<void> {
  const combobox = page.getByRole('combobox', { name: 'Project and task' });
  await combobox.fill(typed);
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('option', { name: option }).click();
}

/** Picks a project/task as a person does, then presses Start. */
export async function startTimer(page: Page, typed: string, option: string): Promise<void> {
  await pick(page, typed, option);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
}

/** Waits until Harvest has seen no request for `quietMs`, so a count includes any follow-up refresh. */
export async function harvestSettles(sandbox: Sandbox, quietMs = 1500): Promise<void> {
  let seen = -1;
  for (let i = 0; i < 40 && seen !== sandbox.requestLog.length; i++) {
    seen = sandbox.requestLog.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/** Today's unlocked entries in the sandbox, as the person would name their restart buttons. */
export function todaysEntryNames({ sandbox, clock }: Preview): string[] {
  const today = localDate(clock.now());
  return sandbox.admin
    .entries()
    .filter((e) => e.spent_date === today && !e.is_locked)
    .map((e) => `${e.project.name} — ${e.task.name}`);
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
