// Tests the offline outbox: on disk before a change is acknowledged, sent after a restart, a lost create looked
// for rather than sent again, and damaged or half-written files set aside while the rest is kept.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../electron/main/core/base/dates';
import { accountDir } from '../../electron/main/core/storage/local-store';
import { sessionRecordPath } from '../../electron/main/core/session/last-session';
import type { SheafApp } from '../../electron/main/core/app';
import { offlineHelpers } from '../fixtures/offline-app';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
const { pick, outboxFile, harvest, startOffline } = offlineHelpers(() => h);

describe('the outbox', () => {
  it('is on disk before a change is acknowledged, and a restart sends what was left', async () => {
    h = await signedInApp();
    h.sandbox.faults.outage = true;
    await startOffline('survives a restart');
    // Acknowledged = written: the line is there the moment the command resolves.
    expect(readFileSync(outboxFile(), 'utf8')).toContain('survives a restart');
    h.clock.advanceMinutes(20);
    await h.app.commands.stopTimer(undefined);
    const app = await h.restart();
    // Cold start from cache: the session and the unsent change show before Harvest is reachable.
    expect(app.getState().session.status).toBe('signed_in');
    expect(app.getState().sync.pending).toBe(2);
    expect(app.getState().day.entries.find((e) => e.notes === 'survives a restart')).toMatchObject({
      pending: true,
      hours: expect.closeTo(1 / 3, 3),
    });
    h.sandbox.faults.outage = false;
    await app.commands.refresh(undefined);
    await app.whenSynced();
    expect(harvest('survives a restart')).toHaveLength(1);
    expect(harvest('survives a restart')[0]).toMatchObject({ is_running: false, hours: 0.33 });
    expect(readFileSync(outboxFile(), 'utf8')).toBe('');
  });

  it('a create that was in flight when Sheaf died is looked for, not sent again', async () => {
    h = await signedInApp();
    // Harvest creates the entry, then the connection dies before the answer: the app restarts meanwhile.
    h.sandbox.faults.add({ kind: 'drop-after', method: 'POST' });
    h.sandbox.faults.outage = false;
    await startOffline('in flight');
    await h.app.whenSynced();
    const app = await h.restart();
    await app.commands.refresh(undefined);
    await app.whenSynced();
    expect(harvest('in flight')).toHaveLength(1);
    expect(app.getState().running?.id).toBe(harvest('in flight')[0]!.id);
  });

  it('a create sent before a crash is found by the notes it was sent with, even if they changed since', async () => {
    h = await signedInApp();
    h.sandbox.faults.outage = true;
    const o = pick(0);
    await startOffline('crash v1');
    const local = h.app.getState().running!.id;
    // As if Sheaf had sent the start (with 'crash v1') and died before hearing back: Harvest has it…
    const lines = readFileSync(outboxFile(), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    lines[lines.length - 1].intent.attempted = true;
    lines[lines.length - 1].intent.sentNotes = 'crash v1';
    writeFileSync(outboxFile(), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    h.startElsewhere(o, 'crash v1');
    // …and after the restart the person edits the notes before the network is back.
    const app = await h.restart();
    await app.commands.updateNotes({ entryId: local, notes: 'crash v2' });
    h.sandbox.faults.outage = false;
    await app.commands.refresh(undefined);
    await app.whenSynced();
    const mine = h.sandbox.admin.entries().filter((e) => e.notes?.startsWith('crash'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.notes).toBe('crash v2');
  });

  it('an entry logged elsewhere with the same project, task and notes is not taken for a lost create', async () => {
    h = await signedInApp();
    const o = pick(3);
    const today = localDate(h.clock.now());
    // Logged on the web a minute before, unseen by Sheaf; then Sheaf's start is lost on the wire.
    h.clock.advanceMinutes(-1);
    const web = h.sandbox.admin.createEntry({
      project_id: o.projectId,
      task_id: o.taskId,
      spent_date: today,
      hours: 1,
    });
    h.clock.advanceMinutes(1);
    h.sandbox.faults.add({ kind: 'drop-before', method: 'POST' });
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId });
    await h.app.whenSynced();
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    const same = h.sandbox.admin
      .entries()
      .filter(
        (e) => e.project.id === o.projectId && e.task.id === o.taskId && e.spent_date === today && !e.notes,
      );
    expect(same.map((e) => e.id)).toContain(web.id);
    const ours = same.find((e) => e.id !== web.id);
    expect(ours).toMatchObject({ is_running: true });
    expect(h.app.getState().running?.id).toBe(ours!.id);
    expect(h.sandbox.admin.entries().find((e) => e.id === web.id)).toMatchObject({
      hours: 1,
      is_running: false,
    });
  });

  it('opens from the cache without waiting on Harvest', async () => {
    h = await signedInApp();
    await startOffline('cached');
    await h.app.whenSynced();
    await h.app.dispose();
    h.sandbox.faults.latencyMs = 1500;
    const started = Date.now();
    const app = await h.restart();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(app.getState().session.status).toBe('signed_in');
    expect(app.getState().running?.notes).toBe('cached');
    h.sandbox.faults.latencyMs = 0;
  });
});

describe('damaged files', () => {
  async function withDamage(damage: (file: string) => void) {
    h = await signedInApp();
    h.sandbox.faults.outage = true;
    await startOffline('first change');
    h.clock.advanceMinutes(10);
    await h.app.commands.stopTimer(undefined);
    await startOffline('second change', 1);
    damage(outboxFile());
    const app = await h.restart();
    // Still offline: what the restart read is checked before anything could be sent; `back()` reconnects.
    return app;
  }

  /** The network returns and the restarted app sends what it kept. */
  async function back(app: SheafApp) {
    h.sandbox.faults.outage = false;
    await app.commands.refresh(undefined);
    await app.whenSynced();
  }

  it('a truncated outbox keeps every intact change and says what it set aside', async () => {
    const app = await withDamage((file) => {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.length - 25));
    });
    const s = app.getState();
    expect(s.notices.join(' ')).toMatch(/1 damaged line .* set aside/);
    expect(s.sync.pending).toBe(2);
    await back(app);
    expect(harvest('first change')).toMatchObject([{ is_running: false, hours: expect.closeTo(10 / 60, 2) }]);
    expect(harvest('second change')).toHaveLength(0);
    expect(readdirSync(join(outboxFile(), '..')).some((n) => n.includes('.damaged-'))).toBe(true);
  });

  it('garbage lines are set aside and the rest is sent', async () => {
    const app = await withDamage((file) => {
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      lines.splice(1, 0, '{"type":"intent","intent":{"kind":"teleport"}}', '\u0000\u0001 garbage ]]');
      writeFileSync(file, `${lines.join('\n')}\n`);
    });
    expect(app.getState().notices.join(' ')).toMatch(/2 damaged lines/);
    expect(app.getState().sync.pending).toBe(3);
    await back(app);
    expect(harvest('first change')).toHaveLength(1);
    expect(harvest('second change')).toHaveLength(1);
  });

  it('a half-written temp file from a crash mid-write is ignored and removed', async () => {
    const app = await withDamage((file) =>
      writeFileSync(`${file}.1a2b3c4d`, '{"type":"intent","intent":{"ki'),
    );
    expect(app.getState().notices).toEqual([]);
    expect(app.getState().sync.pending).toBe(3);
    expect(readdirSync(join(outboxFile(), '..')).filter((n) => n.startsWith('outbox.jsonl.'))).toEqual([]);
  });

  it('a damaged cache or session record is set aside; the app starts and rebuilds from Harvest', async () => {
    h = await signedInApp();
    await h.app.dispose();
    writeFileSync(sessionRecordPath(h.dataDir, h.sandbox.accountId), '{"accountId": 12');
    writeFileSync(
      join(accountDir(h.dataDir, h.sandbox.accountId, h.sandbox.userId), 'cache.json'),
      'not json',
    );
    const app = await h.restart();
    expect(app.getState().session.status).toBe('signed_in');
    expect(app.getState().notices.join(' ')).toMatch(/record of your last session was damaged/);
  });
});

describe('the record of the last session', () => {
  it("an older Sheaf's single record still opens its account from the cache, offline", async () => {
    const { renameSync, mkdirSync } = await import('node:fs');
    h = await signedInApp();
    await h.app.dispose();
    mkdirSync(join(h.dataDir, 'sessions'), { recursive: true });
    renameSync(sessionRecordPath(h.dataDir, h.sandbox.accountId), join(h.dataDir, 'last-session.json'));
    h.sandbox.faults.outage = true;
    const app = await h.restart();
    expect(app.getState().session.status).toBe('signed_in');
    expect(app.getState().notices).toEqual([]);
  });
});
