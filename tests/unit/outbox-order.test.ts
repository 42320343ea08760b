// The outbox's writes land in the order they were asked for, so an older snapshot never overwrites a newer one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Intent } from '../../electron/main/core/timesheet/intents';
import { Outbox } from '../../electron/main/core/timesheet/outbox';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stop = (n: number): Intent => ({
  kind: 'stop',
  id: `i${n}`,
  at: '2026-11-25T10:00:00.000Z',
  ref: n + 1,
});

it('the last save asked for is what is on disk, however many were in flight', async () => {
  dir = mkdtempSync(join(tmpdir(), 'sheaf-outbox-'));
  // A folder that doesn't exist yet: every save first creates it, as after a fresh sign-in.
  const outbox = new Outbox(join(dir, 'accounts', 'a-1', 'outbox.jsonl'));
  const saves = Array.from({ length: 40 }, (_, n) =>
    outbox.save({ intents: Array.from({ length: n + 1 }, (_, k) => stop(k)), ids: new Map(), setAside: [] }),
  );
  await Promise.all(saves);
  const loaded = await outbox.load();
  expect(loaded.intents).toHaveLength(40);
  expect(loaded.problems).toEqual([]);
});
