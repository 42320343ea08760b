// Saved, then shown, or refused and not shown: Sheaf with a full disk, a folder it may not write to, an outbox
// it can't read, and after it has been disposed.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeDisk, setDisk } from '../../electron/main/core/storage/disk';
import { accountDir } from '../../electron/main/core/storage/local-store';
import { Outbox } from '../../electron/main/core/timesheet/outbox';
import { dispatch } from '../../electron/main/dispatch';
import type { CommandHandlers } from '../../shared/ipc';
import type { AssignmentOption } from '../../shared/state';
import { FaultyDisk } from '../fixtures/faulty-disk';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

// Counts the demo servers core starts ("Try the demo"), the real ones still starting.
const started = vi.hoisted(() => ({ demos: 0 }));
vi.mock('../../electron/sandbox/server', async (real) => {
  const mod = await real<typeof import('../../electron/sandbox/server')>();
  return {
    ...mod,
    startSandbox: (...args: Parameters<typeof mod.startSandbox>) => {
      started.demos++;
      return mod.startSandbox(...args);
    },
  };
});

let h: Harness | undefined;
afterEach(async () => {
  setDisk(nodeDisk);
  await h?.close();
  h = undefined;
});

function option(i = 0): AssignmentOption {
  return (h!.app.commands.listAssignments(undefined) as AssignmentOption[])[i]!;
}

function harvest(notes: string) {
  return h!.sandbox.admin.entries().filter((e) => e.notes === notes);
}

const accountFolder = () => accountDir(h!.dataDir, h!.sandbox.accountId, h!.sandbox.userId);

describe('a full disk', () => {
  it("refuses Start in the person's words, and shows no timer and nothing waiting", async () => {
    h = await signedInApp();
    const disk = new FaultyDisk();
    setDisk(disk);
    disk.failing = 'ENOSPC';
    const o = option();
    const result = await dispatch(h.app.commands as CommandHandlers, 'startTimer', {
      projectId: o.projectId,
      taskId: o.taskId,
      notes: 'no room',
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'storage',
        message: expect.stringMatching(
          /^Sheaf can't save to .+: the disk is full\. Your timer was not started\.$/,
        ),
      },
    });
    const state = h.app.getState();
    expect(state.running).toBeNull();
    expect(state.sync.pending).toBe(0);
    await h.app.whenSynced();
    expect(harvest('no room')).toEqual([]);
  });

  it('refuses a change to notes the same way and keeps the notes Harvest has', async () => {
    h = await signedInApp();
    const o = option();
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'before' });
    await h.app.whenSynced();
    const disk = new FaultyDisk();
    setDisk(disk);
    disk.failing = 'ENOSPC';
    const running = h.app.getState().running!;
    await expect(h.app.commands.updateNotes({ entryId: running.id, notes: 'after' })).rejects.toThrow(
      /the disk is full\. Your notes were not saved\./,
    );
    expect(h.app.getState().running?.notes).toBe('before');
  });

  it('once space is freed, what waited reaches Harvest by itself: no restart, nothing stuck', async () => {
    h = await signedInApp();
    const disk = new FaultyDisk();
    setDisk(disk);
    // Acknowledged while offline; then the disk fills before it could be sent.
    h.sandbox.faults.outage = true;
    const o = option();
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'waited for room' });
    await vi.waitFor(() => expect(h!.app.getState().sync.state).toBe('offline'));
    disk.failing = 'ENOSPC';
    h.sandbox.faults.outage = false;
    await h.app.commands.refresh(undefined);
    // The create must be noted on disk before it leaves (so it is never sent twice), so it waits, and says why.
    await vi.waitFor(() => expect(h!.app.getState().sync.message).toMatch(/the disk is full/));
    expect(harvest('waited for room')).toEqual([]);
    expect(h.app.getState().running?.notes).toBe('waited for room');
    disk.failing = null;
    await vi.waitFor(() => expect(harvest('waited for room')).toHaveLength(1), { timeout: 10_000 });
    await vi.waitFor(() => expect(h!.app.getState().sync).toMatchObject({ pending: 0, message: null }));
    expect(readFileSync(join(accountFolder(), 'outbox.jsonl'), 'utf8')).toBe('');
  });
});

describe('a full disk at start, with a damaged line in the outbox', () => {
  /** A start acknowledged offline ("Saved"), Sheaf killed, one line of the outbox damaged, the disk full. */
  async function killedWithDamageOnAFullDisk(notes: string) {
    h = await signedInApp();
    h.sandbox.faults.outage = true;
    const o = option();
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes });
    await vi.waitFor(() => expect(h!.app.getState().sync.state).toBe('offline'));
    await h.app.dispose({ waitForSyncMs: 0 });
    const file = join(accountFolder(), 'outbox.jsonl');
    appendFileSync(file, '{"type":"intent","intent":{"kind":"sto\n');
    const disk = new FaultyDisk();
    setDisk(disk);
    disk.failing = 'ENOSPC';
    return { disk, file, before: readFileSync(file, 'utf8') };
  }
  /** Sheaf starts again; only then is Harvest reachable (what the killed one had on the wire is long gone). */
  async function startAgain() {
    const app = await h!.restart();
    h!.sandbox.faults.outage = false;
    return app;
  }
  const damagedCopies = () => readdirSync(accountFolder()).filter((n) => n.includes('.damaged-'));

  it('signs in, says the disk is full, and keeps the start waiting with the outbox as it was', async () => {
    const { disk, file, before } = await killedWithDamageOnAFullDisk('acknowledged offline');
    const app = await startAgain();
    const state = app.getState();
    expect(state.session.status).toBe('signed_in');
    expect(state.notices.join('\n')).toMatch(
      /^1 damaged line in the list of unsent changes could not be read\. Sheaf can't save to .+: the disk is full\. Every intact change is kept and waits to be sent/m,
    );
    expect(state.sync.pending).toBe(1);
    expect(state.running?.notes).toBe('acknowledged offline');
    // Harvest is reachable, but a create is noted on disk before it leaves: with no room, it waits.
    const refused = disk.refused;
    await app.commands.refresh(undefined);
    await app.whenSynced();
    expect(disk.refused).toBeGreaterThan(refused);
    expect(harvest('acknowledged offline')).toEqual([]);
    // Nothing was moved out of the way: the file holds every line, the damaged one too.
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(damagedCopies()).toEqual([]);
  });

  it('once room is made and Sheaf restarted, the start reaches Harvest and the damaged line is kept aside', async () => {
    const { disk } = await killedWithDamageOnAFullDisk('sent after the restart');
    await startAgain();
    await h!.app.dispose({ waitForSyncMs: 0 });
    disk.failing = null;
    const app = await h!.restart();
    expect(app.getState().notices.join('\n')).toMatch(/1 damaged line .* set aside/);
    await app.commands.refresh(undefined);
    await app.whenSynced();
    expect(harvest('sent after the restart')).toHaveLength(1);
    expect(app.getState().sync.pending).toBe(0);
    expect(damagedCopies().map((n) => readFileSync(join(accountFolder(), n), 'utf8'))).toEqual([
      expect.stringContaining('"kind":"sto\n'),
    ]);
  });

  it('once room is made, the same run catches up by itself: the start is sent, no restart needed', async () => {
    const { disk, file } = await killedWithDamageOnAFullDisk('sent without a restart');
    const app = await startAgain();
    disk.failing = null;
    await vi.waitFor(() => expect(harvest('sent without a restart')).toHaveLength(1), { timeout: 10_000 });
    await vi.waitFor(() => expect(app.getState().sync).toMatchObject({ pending: 0, message: null }));
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(damagedCopies()).toHaveLength(1);
  });
});

describe('a folder Sheaf may not write to', () => {
  it('never stops the sync loop: sends go on, and the outbox catches up when writing works again', async () => {
    h = await signedInApp();
    const disk = new FaultyDisk();
    setDisk(disk);
    const o = option();
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'read-only later' });
    disk.failing = 'EACCES';
    await h.app.whenSynced();
    await vi.waitFor(() => expect(h!.app.getState().sync.message).toMatch(/isn't allowed to write there/));
    expect(harvest('read-only later')).toHaveLength(1);
    disk.failing = null;
    await vi.waitFor(() => expect(h!.app.getState().sync.message).toBeNull(), { timeout: 10_000 });
    expect(readFileSync(join(accountFolder(), 'outbox.jsonl'), 'utf8')).toBe('');
  });
});

describe('an outbox Sheaf cannot read', () => {
  it('(a folder where the file should be) neither fails sign-in nor signs out: it is said, set aside, and Sheaf carries on', async () => {
    h = await signedInApp({ signIn: false });
    mkdirSync(join(accountFolder(), 'outbox.jsonl'), { recursive: true });
    await h.app.commands.signIn({ token: h.sandbox.token, accountId: h.sandbox.accountId });
    const state = h.app.getState();
    expect(state.session.status).toBe('signed_in');
    expect(state.notices.join('\n')).toMatch(
      /couldn't read its list of unsent changes .*a folder is where the file should be.*set aside/,
    );
    expect(readdirSync(accountFolder()).some((f) => f.startsWith('outbox.jsonl.damaged-'))).toBe(true);
    const o = option();
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'after the fix' });
    await h.app.whenSynced();
    expect(harvest('after the fix')).toHaveLength(1);
  });

  it('reports an empty or cut-off line in the middle, never dropping it silently', async () => {
    h = await signedInApp({ signIn: false });
    const file = join(accountFolder(), 'outbox.jsonl');
    mkdirSync(accountFolder(), { recursive: true });
    writeFileSync(file, '{"type":"id","local":"local-1","id":5}\n\n{"type":"intent","intent":{"kind":"sto\n');
    const loaded = await new Outbox(file).load();
    expect(loaded.ids.get('local-1')).toBe(5);
    expect(loaded.problems).toEqual([expect.stringMatching(/^2 damaged lines/)]);
  });
});

describe('a disposed app', () => {
  it('is silent: after an offline cold start and a dispose, nothing reaches Harvest when the network returns', async () => {
    h = await signedInApp({ app: { retryDelayMs: 20 } });
    h.sandbox.faults.outage = true;
    const app = await h.restart();
    expect(app.getState().session.status).toBe('signed_in');
    await app.dispose({ waitForSyncMs: 0 });
    const before = h.sandbox.requestLog.length;
    h.sandbox.faults.outage = false;
    await new Promise((r) => setTimeout(r, 600));
    expect(h.sandbox.requestLog.slice(before)).toEqual([]);
  });
});

describe('many quick changes', () => {
  it('100 quick note edits typed offline reach Harvest as at most two PATCHes, ending with the last words', async () => {
    h = await signedInApp();
    const o = option();
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: '' });
    await h.app.whenSynced();
    const id = h.app.getState().running!.id;
    // Typed while Harvest is out of reach (or slow, or rate limiting): the edits wait in the queue together.
    h.sandbox.faults.outage = true;
    for (let i = 1; i <= 100; i++) await h.app.commands.updateNotes({ entryId: id, notes: `draft ${i}` });
    expect(h.app.getState().sync.pending).toBeLessThanOrEqual(2);
    h.takeRequests();
    h.sandbox.faults.outage = false;
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    const patches = h.takeRequests().filter((r) => r.startsWith('PATCH'));
    expect(patches.length).toBeLessThanOrEqual(2);
    expect(harvest('draft 100')).toHaveLength(1);
    // Each acknowledged edit is a written (fsynced) outbox: slow on a busy disk, whatever the coalescing does.
  }, 60_000);

  it('ten overlapping "Try the demo" clicks start one demo, and end signed in to it', async () => {
    h = await signedInApp({ signIn: false });
    const before = started.demos;
    await Promise.all(Array.from({ length: 10 }, () => h!.app.commands.signInDemo(undefined)));
    const state = h.app.getState();
    expect(state.session).toMatchObject({ status: 'signed_in', demo: true });
    expect(started.demos - before).toBe(1);
  });
});

describe('log lines', () => {
  it('say nothing per change sent, and carry nothing the person wrote, unless debugging is switched on', async () => {
    const lines: string[] = [];
    h = await signedInApp({ app: { log: (line) => lines.push(line) } });
    const o = option();
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'private words' });
    await h.app.whenSynced();
    expect(lines.filter((l) => l.startsWith('sent '))).toEqual([]);
    expect(lines.filter((l) => l.includes('private words'))).toEqual([]);
    await h.close();
    const debugLines: string[] = [];
    h = await signedInApp({ app: { log: (line) => debugLines.push(line), debug: true } });
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'private words' });
    await h.app.whenSynced();
    expect(debugLines.some((l) => l.includes('private words'))).toBe(true);
  });
});
