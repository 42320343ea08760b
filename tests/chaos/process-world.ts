// Owns the real-process World of the fault-injection smoke test: the sandbox Harvest on loopback, the core in a
// child process on a real data folder (SIGKILLed for real), and a clock file both sides read as "now".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../electron/sandbox/server';
import { msPerMinute as minute } from '../../shared/elapsed';
import { FakeClock } from '../fixtures/fake-clock';
import { writeClockFile } from './clock-file';
import { startCore } from './core';
import type { World, WorldSetup } from './scenario';

export async function openProcessWorld({ start, account, diskFailing }: WorldSetup): Promise<World> {
  const clock = new FakeClock(start);
  const dir = mkdtempSync(join(tmpdir(), 'sheaf-chaos-'));
  const clockFile = join(dir, 'clock');
  const tick = (ms: number) => {
    clock.advance(ms);
    writeClockFile(clockFile, clock.now());
  };
  tick(0);
  const sandbox = await startSandbox({
    clock,
    seed: 'empty',
    wantsTimestampTimers: account.timestamp,
    timeClock: account.clock,
    rateLimit: false,
  });
  const core = await startCore(
    () => ({
      CHAOS_CLOCK_FILE: clockFile,
      CHAOS_API_URL: sandbox.url,
      CHAOS_TOKEN: sandbox.token,
      CHAOS_ACCOUNT_ID: sandbox.accountId,
      CHAOS_DATA_DIR: join(dir, 'data'),
      CHAOS_DISK: diskFailing() ?? '',
    }),
    () => ((clock.now().getTime() - start.getTime()) / minute).toFixed(0),
  );
  return {
    harvest: sandbox,
    core,
    now: () => clock.now(),
    pass: async (ms) => tick(ms),
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    settle: async () => {
      // Time goes on while the core catches up (its request budget is 100 per 15 s of this clock, too).
      const passing = setInterval(() => tick(5_000), 20);
      return core.send({ op: 'settle' }).finally(() => clearInterval(passing));
    },
    close: async () => {
      core.end();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
