// A real full disk, not a simulated one: the data folder on a small tmpfs that is filled to the last byte. Needs
// root (mount); elsewhere the storage-port tests in disk-faults.test.ts cover the same rule.
import { execFileSync } from 'node:child_process';
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountDir } from '../../electron/main/core/storage/local-store';
import type { AssignmentOption } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'sheaf-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Writes until the disk says ENOSPC; the file is what to delete to make room again. */
function fillUp(folder: string): string {
  const file = join(folder, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
  // The last partial block too: not one byte is left.
  const tail = openSync(file, 'a');
  try {
    for (;;) writeSync(tail, Buffer.alloc(1, 1));
  } catch {
    // ENOSPC: full.
  } finally {
    closeSync(tail);
  }
  return file;
}

let h: Harness | undefined;
let mounted: string | null = null;
afterEach(async () => {
  if (mounted) execFileSync('umount', ['-l', mounted], { stdio: 'ignore' });
  mounted = null;
  await h?.close();
  h = undefined;
});

describe.skipIf(!canMountTmpfs())('a real full disk (a 256 KB tmpfs as the data folder)', () => {
  it("refuses Start in the person's words, then works again once room is made, with no restart", async () => {
    h = await signedInApp({ signIn: false });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', h.dataDir]);
    mounted = h.dataDir;
    await h.app.commands.signIn({ token: h.sandbox.token, accountId: h.sandbox.accountId });
    const o = (h.app.commands.listAssignments(undefined) as AssignmentOption[])[0]!;
    const filler = fillUp(h.dataDir);

    await expect(
      h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'no room at all' }),
    ).rejects.toThrow(/: the disk is full\. Your timer was not started\.$/);
    expect(h.app.getState().running).toBeNull();

    rmSync(filler);
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'room again' });
    await h.app.whenSynced();
    expect(h.sandbox.admin.entries().filter((e) => e.notes === 'room again')).toHaveLength(1);
    expect(h.sandbox.admin.entries().filter((e) => e.notes === 'no room at all')).toEqual([]);
  });

  it('keeps a start acknowledged offline when Sheaf starts on it with a damaged outbox line, and sends it once room is made', async () => {
    h = await signedInApp({ signIn: false });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', h.dataDir]);
    mounted = h.dataDir;
    await h.app.commands.signIn({ token: h.sandbox.token, accountId: h.sandbox.accountId });
    const o = (h.app.commands.listAssignments(undefined) as AssignmentOption[])[0]!;
    h.sandbox.faults.outage = true;
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'saved offline' });
    await vi.waitFor(() => expect(h!.app.getState().sync.state).toBe('offline'));
    await h.app.dispose({ waitForSyncMs: 0 });
    const outbox = join(accountDir(h.dataDir, h.sandbox.accountId, h.sandbox.userId), 'outbox.jsonl');
    appendFileSync(outbox, '{"type":"intent","intent":{"kind":"sto\n');
    const filler = fillUp(h.dataDir);

    const full = await h.restart();
    h.sandbox.faults.outage = false;
    expect(full.getState().session.status).toBe('signed_in');
    expect(full.getState().notices.join('\n')).toMatch(/1 damaged line .* the disk is full\./);
    expect(full.getState().sync.pending).toBe(1);
    expect(readFileSync(outbox, 'utf8')).toContain('saved offline');

    await full.dispose({ waitForSyncMs: 0 });
    rmSync(filler);
    const app = await h.restart();
    await app.commands.refresh(undefined);
    await app.whenSynced();
    expect(h.sandbox.admin.entries().filter((e) => e.notes === 'saved offline')).toHaveLength(1);
    expect(app.getState().sync.pending).toBe(0);
  });
});
