// The preview reading idle time from this computer (`npm run web -- --idle system`): GNOME Mutter's idle monitor
// (a stand-in on a private D-Bus session bus, following mutter's org.gnome.Mutter.IdleMonitor.xml) says the
// person has been away past the threshold, then that they are back, and the popover asks the time-away question.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, signIn, startTimer, test as base } from './fixtures';
import { startPrivateBus, type PrivateBus } from '../fixtures/dbus/private-bus';
import { startMutterIdleMonitor, type MutterIdleMonitor } from '../fixtures/dbus/idle-services';

const test = base.extend<{ desktop: { bus: PrivateBus; monitor: MutterIdleMonitor } }>({
  // Playwright reads what a fixture needs from this pattern, and the bus needs nothing.
  // eslint-disable-next-line no-empty-pattern
  desktop: async ({}, provide) => {
    const bus = await startPrivateBus();
    const monitor = await startMutterIdleMonitor(bus.connect());
    await provide({ bus, monitor });
    await bus.close();
  },
  idleBus: async ({ desktop }, provide) => provide(desktop.bus.address),
});

/** Waits until Sheaf has read the idle monitor again, so it holds what the compositor now says. */
async function readAgain(monitor: MutterIdleMonitor): Promise<void> {
  const reads = monitor.reads();
  // The adapter reads every ten seconds.
  await expect.poll(() => monitor.reads(), { timeout: 25_000 }).toBeGreaterThan(reads);
}

test("away past the threshold by the compositor's count, then back: the time-away question", async ({
  page,
  preview,
  desktop,
}) => {
  test.setTimeout(90_000);
  await signIn(page, preview);
  await startTimer(page, 'mobile dev', 'Acme Corp — Mobile App — Development');
  await expect.poll(() => preview.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(1);
  expect(preview.logs).toContain(
    'idle: time away from GNOME Mutter IdleMonitor; lock from the fallback; sleep from the fallback',
  );

  preview.clock.skipMinutes(60);
  desktop.monitor.idleMs = 37 * 60_000;
  await readAgain(desktop.monitor);
  // The minute's check sees 37 minutes without input (the default threshold is 10).
  preview.host.checkNow();
  const question = page.getByRole('region', { name: 'You were away' });
  await expect(question).toHaveCount(0);

  // The person touches the keyboard: the compositor's count starts again, and Sheaf hears it on its next read.
  desktop.monitor.idleMs = 300;
  await expect(question).toBeVisible({ timeout: 25_000 });
  await expect(question).toContainText('37');
  await page.screenshot({ path: 'test-results/screenshots/idle-question-system.png', fullPage: true });
});

test('`npm run web -- --idle system` reads idle time from the desktop on the session bus', async ({
  desktop,
}) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sheaf-e2e-cli-'));
  // tsx itself, not npx: it passes SIGTERM on to the preview, so none is left running.
  const cli = spawn('node_modules/.bin/tsx', ['electron/web/cli.ts', '--idle', 'system'], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: desktop.bus.address, SHEAF_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const said: string[] = [];
    const lines = createInterface({ input: cli.stderr! });
    lines.on('line', (line) => said.push(line));
    await expect
      .poll(() => said.find((line) => line.startsWith('idle: ')), { timeout: 30_000 })
      .toBe('idle: time away from GNOME Mutter IdleMonitor; lock from the fallback; sleep from the fallback');
  } finally {
    const exited = new Promise((done) => cli.once('exit', done));
    cli.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('`--idle` names its choices when given another', async () => {
  const cli = spawn('node_modules/.bin/tsx', ['electron/web/cli.ts', '--idle', 'sideways'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  cli.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const code = await new Promise((done) => cli.once('exit', done));
  expect(code).toBe(2);
  expect(said).toContain('--idle takes none, simulated or system, not "sideways"');
});
