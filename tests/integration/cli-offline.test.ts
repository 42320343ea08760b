// The `sheaf` command while Harvest can't be reached: the change is made in Sheaf, waits in the outbox, the
// command says so, and it reaches Harvest once the network is back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { AppState } from '../../shared/state';
import { startSandbox, type Sandbox } from '../../electron/sandbox/server';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { runSheaf } from '../../scripts/sheaf/cli';

let dir: string;
let sandbox: Sandbox;
let host: WebHost;

async function sheaf(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSheaf(args, {
    env: { SHEAF_DATA_DIR: join(dir, 'data') },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const status = async () => JSON.parse((await sheaf('status', '--json')).out) as { sync: AppState['sync'] } & Record<string, unknown>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-cli-offline-'));
  sandbox = await startSandbox({ seed: 'empty', rateLimit: false });
  host = await startWebHost({
    rendererDir: join(dir, 'renderer'),
    env: { HARVEST_API_URL: sandbox.url, HARVEST_ACCESS_TOKEN: sandbox.token, HARVEST_ACCOUNT_ID: sandbox.accountId },
    dataDir: join(dir, 'data'),
    secrets: createMemorySecretStore(),
    log: () => {},
  });
  await vi.waitFor(async () => expect((await status()).signedIn).toBe(true), { timeout: 15_000 });
});

afterAll(async () => {
  await host?.close();
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

it('starts and stops offline, says the change waits for the network, and Harvest gets it once back', async () => {
  sandbox.faults.outage = true;
  const started = await sheaf('start', 'mobile', 'research');
  expect(started.code).toBe(0);
  expect(started.out.split('\n')[0]).toBe('Started Acme Corp — Mobile App — Research');
  // Sheaf learns it is offline when its first try fails; from then on every change says so at once.
  await vi.waitFor(async () => expect((await status()).sync.state).toBe('offline'), { timeout: 30_000, interval: 200 });
  const stopped = await sheaf('stop');
  expect(stopped).toEqual({
    code: 0,
    out: "Stopped Acme Corp — Mobile App — Research\nSaved; it will reach Harvest when you're back online.",
    err: '',
  });
  expect((await status()).sync.pending).toBeGreaterThan(0);
  expect(sandbox.admin.entries()).toHaveLength(0);

  sandbox.faults.outage = false;
  await vi.waitFor(async () => expect((await status()).sync.pending).toBe(0), { timeout: 60_000, interval: 250 });
  expect(sandbox.admin.entries()).toEqual([expect.objectContaining({ is_running: false })]);
}, 120_000);
