// The `sheaf` command while Harvest can't be reached: the change is made in Sheaf, waits in the outbox, the
// command says so, and it reaches Harvest once the network is back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { runSheafIn, startSignedInPreview, stateIn, type SignedInPreview } from '../fixtures/sheaf-cli';

let dir: string;
let preview: SignedInPreview;

const sheaf = (...args: string[]) => runSheafIn(preview.dataDir, args);
const sync = async () => (await stateIn(preview.dataDir)).sync;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-cli-offline-'));
  preview = await startSignedInPreview(dir);
});

afterAll(async () => {
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
});

it('starts and stops offline, says the change waits for the network, and Harvest gets it once back', async () => {
  preview.sandbox.faults.outage = true;
  const started = await sheaf('start', 'mobile', 'research');
  expect(started.code).toBe(0);
  expect(started.out.split('\n')[0]).toBe('Started Acme Corp — Mobile App — Research');
  // Sheaf learns it is offline when its first try fails; from then on every change says so at once.
  await vi.waitFor(async () => expect((await sync()).state).toBe('offline'), {
    timeout: 30_000,
    interval: 200,
  });
  const stopped = await sheaf('stop');
  expect(stopped).toEqual({
    code: 0,
    out: "Stopped Acme Corp — Mobile App — Research\nSaved; it will reach Harvest when you're back online.",
    err: '',
  });
  expect((await sync()).pending).toBeGreaterThan(0);
  expect(preview.sandbox.admin.entries()).toHaveLength(0);

  preview.sandbox.faults.outage = false;
  await vi.waitFor(async () => expect((await sync()).pending).toBe(0), { timeout: 60_000, interval: 250 });
  expect(preview.sandbox.admin.entries()).toEqual([expect.objectContaining({ is_running: false })]);
}, 120_000);
