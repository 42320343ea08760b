// Offline-first: the outbox survives restarts and damage, conflicts wait for the person, time lands where it
// was spent, and Harvest's rate limit is never hit however fast the person clicks.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../../electron/main/core/dates';
import { accountDir } from '../../electron/main/core/local-store';
import type { SheafApp } from '../../electron/main/core/app';
import type { AssignmentOption } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const options = () => h.app.commands.listAssignments(undefined) as AssignmentOption[];
const pick = (i = 0) => options()[i]!;
const outboxFile = () => join(accountDir(h.dataDir, h.sandbox.accountId, h.sandbox.userId), 'outbox.jsonl');
const harvest = (notes: string) => h.sandbox.admin.entries().filter((e) => e.notes === notes);

async function startOffline(notes: string, i = 0) {
  const o = pick(i);
  await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes });
}

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
    writeFileSync(join(h.dataDir, 'last-session.json'), '{"accountId": 12');
    writeFileSync(
      join(accountDir(h.dataDir, h.sandbox.accountId, h.sandbox.userId), 'cache.json'),
      'not json',
    );
    const app = await h.restart();
    expect(app.getState().session.status).toBe('signed_in');
    expect(app.getState().notices.join(' ')).toMatch(/record of your last session was damaged/);
  });
});

describe('conflicts are shown, never dropped', () => {
  it('a queued change to an entry locked on the web waits with Harvest’s reason; apply elsewhere keeps the time', async () => {
    h = await signedInApp();
    await startOffline('will be locked');
    await h.app.whenSynced();
    const id = h.app.getState().running!.id as number;
    h.sandbox.faults.outage = true;
    h.clock.advanceMinutes(45);
    await h.app.commands.stopTimer(undefined);
    h.sandbox.admin.stopRunning();
    h.sandbox.admin.lockEntry(id, 'Item Approved and Locked for this Time Period');
    h.sandbox.faults.outage = false;
    await Promise.resolve(h.app.commands.updateNotes({ entryId: id, notes: 'edited offline' })).catch(
      () => undefined,
    );
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    const s = h.app.getState();
    expect(s.setAside).toHaveLength(1);
    expect(s.setAside[0]).toMatchObject({
      reason: expect.stringMatching(/locked/i),
      canApplyElsewhere: true,
    });
    await h.app.commands.resolveSetAside({ id: s.setAside[0]!.id, action: 'applyElsewhere' });
    await h.app.whenSynced();
    expect(h.app.getState().setAside).toEqual([]);
    expect(harvest('edited offline')).toMatchObject([
      { spent_date: localDate(h.clock.now()), is_running: false },
    ]);
  });

  it('a change to an entry deleted on the web is set aside; discard drops it', async () => {
    h = await signedInApp();
    await startOffline('will vanish');
    await h.app.whenSynced();
    const id = h.app.getState().running!.id as number;
    h.sandbox.faults.outage = true;
    await h.app.commands.updateNotes({ entryId: id, notes: 'too late' });
    h.sandbox.admin.deleteEntry(id);
    h.sandbox.faults.outage = false;
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    const [item] = h.app.getState().setAside;
    expect(item?.reason).toMatch(/find/i);
    await h.app.commands.resolveSetAside({ id: item!.id, action: 'discard' });
    expect(h.app.getState().setAside).toEqual([]);
    expect(readFileSync(outboxFile(), 'utf8')).not.toContain('too late');
  });
});

describe('manual entries, edits and deletes', () => {
  for (const timestamp of [false, true]) {
    it(`${timestamp ? 'timestamp' : 'duration'} account: add, edit and delete reach Harvest`, async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      const o = pick(2);
      const today = localDate(h.clock.now());
      await h.app.commands.addEntry(
        timestamp
          ? {
              projectId: o.projectId,
              taskId: o.taskId,
              spentDate: today,
              startedTime: '8:00am',
              endedTime: '9:30am',
              notes: 'manual',
            }
          : { projectId: o.projectId, taskId: o.taskId, spentDate: today, hours: 1.5, notes: 'manual' },
      );
      const local = h.app.getState().day.entries.find((e) => e.notes === 'manual')!;
      expect(local).toMatchObject({ hours: 1.5, pending: true });
      await h.app.commands.editEntry({
        entryId: local.id,
        changes: { notes: 'manual, edited', ...(timestamp ? { endedTime: '10:00am' } : { hours: 2 }) },
      });
      await h.app.whenSynced();
      expect(harvest('manual, edited')).toMatchObject([{ hours: 2, is_running: false }]);
      const id = harvest('manual, edited')[0]!.id;
      await h.app.commands.deleteEntry({ entryId: id });
      expect(h.app.getState().day.entries.some((e) => e.id === id)).toBe(false);
      await h.app.whenSynced();
      expect(harvest('manual, edited')).toEqual([]);
    });
  }
});

describe('the rate limit', () => {
  it('200 start/stop presses in a row stay within 100 requests per 15 s and no 429 reaches the person', async () => {
    h = await signedInApp({ rateLimit: { limit: 100, windowMs: 15_000 } });
    // The client's waits move the shared fake clock, so a 15-second window passes without real waiting,
    // and nothing else moves it: every press lands in the same instant unless the client holds it back.
    let waited = 0;
    await h.restart({
      harvest: {
        sleep: async (ms) => {
          waited += ms;
          h.clock.advance(ms);
        },
      },
    });
    const o = pick(0);
    const before = h.sandbox.requestLog.length;
    for (let i = 0; i < 100; i++) {
      await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: `press ${i}` });
      // Each press reaches Harvest on its own (nothing queued to merge with), as when clicking online.
      await h.app.whenSynced();
      await h.app.commands.stopTimer(undefined);
      await h.app.whenSynced();
    }
    const log = h.sandbox.requestLog.slice(before);
    // One create and one stop per press (held-back ones may add a correction of their time).
    expect(log.filter((r) => r.method === 'POST')).toHaveLength(100);
    expect(log.filter((r) => r.path.endsWith('/stop'))).toHaveLength(100);
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    // The client held requests back to stay inside Harvest's budget…
    expect(waited).toBeGreaterThan(0);
    // …and no rolling 15 s window saw more than 100.
    const times = log.map((r) => Date.parse(r.at));
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 15_000).length));
    expect(busiest).toBeLessThanOrEqual(100);
    expect(h.app.getState().error).toBeNull();
    expect(h.sandbox.admin.entries().filter((e) => e.notes?.startsWith('press '))).toHaveLength(100);
  });
});

/** Half an hour logged today (found again by its notes), then restarted while Harvest is out of reach. */
async function restartOffline(notes: string) {
  h = await signedInApp({ seed: 'empty' });
  const o = pick();
  await h.app.commands.addEntry({
    projectId: o.projectId,
    taskId: o.taskId,
    spentDate: localDate(h.clock.now()),
    hours: 0.5,
    notes,
  });
  await h.app.whenSynced();
  h.sandbox.faults.outage = true;
  await h.app.commands.restartEntry({ entryId: harvest(notes)[0]!.id });
}

/** Harvest hears of everything a day later (past its 24 h cap on a running timer). */
async function backADayLater() {
  h.clock.advanceMinutes(25 * 60);
  h.sandbox.faults.outage = false;
  await h.app.commands.refresh(undefined);
  await h.app.whenSynced();
}

describe('a timer restarted while offline, Harvest hearing of it a day later', () => {
  it('stopped again: keeps the minutes it really ran', async () => {
    await restartOffline('ran twice');
    h.clock.advanceMinutes(12);
    await h.app.commands.stopTimer(undefined);
    await backADayLater();
    expect(harvest('ran twice')).toEqual([expect.objectContaining({ is_running: false, hours: 0.7 })]);
  });

  it('followed by another timer: ends when the other began', async () => {
    await restartOffline('ran until the next');
    h.clock.advanceMinutes(18);
    const other = pick(1);
    await h.app.commands.startTimer({ projectId: other.projectId, taskId: other.taskId, notes: 'the next' });
    await backADayLater();
    expect(harvest('ran until the next')).toEqual([
      expect.objectContaining({ is_running: false, hours: 0.8 }),
    ]);
    expect(harvest('the next')).toEqual([expect.objectContaining({ is_running: true })]);
  });
});

describe('hours set on a running timer while offline', () => {
  it('count on from when they were set, not from when Harvest heard of them', async () => {
    h = await signedInApp();
    await startOffline('set hours');
    await h.app.whenSynced();
    h.clock.advanceMinutes(10);
    h.sandbox.faults.outage = true;
    await h.app.commands.editEntry({ entryId: h.app.getState().running!.id, changes: { hours: 2 } });
    h.clock.advanceMinutes(60);
    h.sandbox.faults.outage = false;
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    await h.app.commands.stopTimer(undefined);
    await h.app.whenSynced();
    expect(harvest('set hours')[0]!.hours).toBeCloseTo(3, 2);
  });
});

describe('a one-hour offline session in simulated time', () => {
  for (const timestamp of [false, true]) {
    it(`${timestamp ? 'timestamp' : 'duration'} account: everything lands with the time it was done`, async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      h.sandbox.faults.outage = true;
      const today = localDate(h.clock.now());
      const [a, b, c] = [pick(0), pick(1), pick(2)];
      // 10:00 start A; 10:05 notes; 10:15 stop; 10:20 start B; 10:40 start C (stops B); 10:55 stop; 11:00 add 0.5 h.
      await h.app.commands.startTimer({ projectId: a.projectId, taskId: a.taskId, notes: 'train A' });
      h.clock.advanceMinutes(5);
      await h.app.commands.updateNotes({
        entryId: h.app.getState().running!.id,
        notes: 'train A, wifi down',
      });
      h.clock.advanceMinutes(10);
      await h.app.commands.stopTimer(undefined);
      h.clock.advanceMinutes(5);
      await h.app.commands.startTimer({ projectId: b.projectId, taskId: b.taskId, notes: 'train B' });
      h.clock.advanceMinutes(20);
      await h.app.commands.startTimer({ projectId: c.projectId, taskId: c.taskId, notes: 'train C' });
      h.clock.advanceMinutes(15);
      await h.app.commands.stopTimer(undefined);
      h.clock.advanceMinutes(5);
      await h.app.commands.addEntry(
        timestamp
          ? {
              projectId: a.projectId,
              taskId: a.taskId,
              spentDate: today,
              startedTime: '8:00am',
              endedTime: '8:30am',
              notes: 'train manual',
            }
          : { projectId: a.projectId, taskId: a.taskId, spentDate: today, hours: 0.5, notes: 'train manual' },
      );
      await h.app.whenSynced();
      const offline = h.app.getState();
      expect(offline.sync).toMatchObject({ state: 'offline', pending: 7 });
      expect(offline.today.totalHours).toBeGreaterThanOrEqual(0.25 + 1 / 3 + 0.25 + 0.5 - 0.001);

      h.clock.advanceMinutes(60); // back online at noon
      h.sandbox.faults.outage = false;
      h.takeRequests();
      await h.app.commands.refresh(undefined);
      await h.app.whenSynced();
      const expected: [string, number, string | null, string | null][] = [
        ['train A, wifi down', 0.25, '10:00am', '10:15am'],
        ['train B', 1 / 3, '10:20am', '10:40am'],
        ['train C', 0.25, '10:40am', '10:55am'],
        ['train manual', 0.5, '8:00am', '8:30am'],
      ];
      for (const [notes, hours, started, ended] of expected) {
        const [e, ...more] = harvest(notes);
        expect(more).toEqual([]);
        expect(e).toMatchObject({ is_running: false, spent_date: today });
        expect(e!.hours).toBeCloseTo(hours, 2);
        if (timestamp) expect([e!.started_time, e!.ended_time]).toEqual([started, ended]);
      }
      // Each entry is one create carrying its own end: nothing to correct afterwards.
      expect(h.takeRequests().filter((r) => !r.startsWith('GET'))).toEqual(
        Array(4).fill('POST /v2/time_entries'),
      );
      expect(h.app.getState().sync).toMatchObject({ state: 'idle', pending: 0 });
    });
  }
});
