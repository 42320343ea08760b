// Owns the checks of each account style's fields, restart and delete, over loopback HTTP against the sandbox.
// Hours count on duration accounts and start/end times on timestamp accounts; restart there answers a new
// entry; a delete answers the entry as JSON, or Harvest's refusal (locked, closed, archived project or task).
import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../shared/harvest/schemas';
import { TODAY, sandboxAt } from '../fixtures/harvest/sandbox-harness';

const MINUTE = 60_000;
const stamp = (d: Date) => d.toISOString().replace('.000', '');

describe('each account style reads only its own fields', () => {
  it('starts a running timer on a timestamp account when a POST sends only hours', async () => {
    const { call, clock, trackable } = await sandboxAt({ seed: 'empty', wantsTimestampTimers: true });
    const posted = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, hours: 2 },
    });
    expect(posted.status).toBe(201);
    expect(posted.json).toMatchObject({
      is_running: true,
      hours: 0,
      started_time: '10:00am',
      ended_time: null,
      timer_started_at: stamp(clock.now()),
    });
    // Ignored means unread: hours Harvest would refuse elsewhere make no 422 here.
    const wild = await call('POST', '/time_entries', {
      body: {
        ...trackable(),
        spent_date: TODAY,
        hours: 'lots',
        started_time: '8:00am',
        ended_time: '9:00am',
      },
    });
    expect(wild.json).toMatchObject({ is_running: false, hours: 1, started_time: '8:00am' });
  });

  it('changes nothing when a PATCH sends hours on a timestamp account', async () => {
    const { call, clock, trackable } = await sandboxAt({ seed: 'empty', wantsTimestampTimers: true });
    const logged = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, started_time: '8:00am', ended_time: '9:30am' },
    });
    clock.advance(MINUTE);
    const patched = await call('PATCH', `/time_entries/${logged.json.id}`, { body: { hours: 4 } });
    expect(patched.status).toBe(200);
    expect(patched.json).toEqual(logged.json);
    // Times and notes still edit as usual.
    const moved = await call('PATCH', `/time_entries/${logged.json.id}`, {
      body: { hours: 4, ended_time: '10:00am', notes: 'Longer' },
    });
    expect(moved.json).toMatchObject({ hours: 2, ended_time: '10:00am', notes: 'Longer' });
  });

  it('ignores start and end times on a duration account, in a POST and in a PATCH', async () => {
    const { call, clock, trackable } = await sandboxAt({ seed: 'empty' });
    const timesOnly = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, started_time: '8:00am', ended_time: '9:00am' },
    });
    expect(timesOnly.json).toMatchObject({
      is_running: true,
      hours: 0,
      started_time: null,
      ended_time: null,
      timer_started_at: stamp(clock.now()),
    });
    const logged = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, hours: 1.5, started_time: 'nonsense' },
    });
    expect(logged.json).toMatchObject({ is_running: false, hours: 1.5, started_time: null });
    clock.advance(MINUTE);
    const patched = await call('PATCH', `/time_entries/${logged.json.id}`, {
      body: { started_time: '9:00am', ended_time: '1:00pm' },
    });
    expect(patched.json).toEqual(logged.json);
  });

  it('checks the times a timestamp account reads: 422 for a malformed or backwards time', async () => {
    const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty', wantsTimestampTimers: true });
    const post = (body: object) => call('POST', '/time_entries', { body: { ...trackable(), ...body } });
    const badTime = await post({ spent_date: TODAY, started_time: '25:00', ended_time: '9:00am' });
    expect([badTime.status, badTime.json.message]).toEqual([
      422,
      expect.stringMatching(/^Started time is invalid/),
    ]);
    const backwards = await post({ spent_date: TODAY, started_time: '9:00am', ended_time: '8:00am' });
    expect(backwards.status).toBe(422);
    expect(sandbox.admin.entries()).toEqual([]);
  });

  it('leaves the admin back door unrestricted: entries made elsewhere may carry either style', async () => {
    const { sandbox, trackable } = await sandboxAt({ seed: 'empty', wantsTimestampTimers: true });
    const byHours = sandbox.admin.createEntry({ ...trackable(), spent_date: TODAY, hours: 2 });
    expect(byHours).toMatchObject({ is_running: false, hours: 2 });
    expect(sandbox.admin.updateEntry(byHours.id, { hours: 3 }).hours).toBe(3);
  });
});

describe('restart', () => {
  it('answers with a new entry running from now on a timestamp account, leaving the old one as it was', async () => {
    const { call, clock, sandbox, trackable } = await sandboxAt({
      seed: 'empty',
      wantsTimestampTimers: true,
    });
    const old = sandbox.admin.createEntry({
      ...trackable(),
      spent_date: '2025-03-03',
      started_time: '8:00am',
      ended_time: '9:00am',
      notes: 'Write the spec',
    });
    clock.advance(30 * MINUTE);
    const restarted = await call('PATCH', `/time_entries/${old.id}/restart`);
    expect(restarted.status).toBe(200);
    expect(restarted.json.id).not.toBe(old.id);
    expect(restarted.json).toMatchObject({
      spent_date: TODAY,
      project: old.project,
      task: old.task,
      notes: 'Write the spec',
      is_running: true,
      hours: 0,
      started_time: '10:30am',
      ended_time: null,
      timer_started_at: stamp(clock.now()),
    });
    expect((await call('GET', `/time_entries/${old.id}`)).json).toEqual(old);
    expect(sandbox.admin.entries().map((e: TimeEntry) => e.id)).toEqual([restarted.json.id, old.id]);
    // The new entry is the running one: restarting the old one again stops it for another new entry.
    clock.advance(15 * MINUTE);
    const again = await call('PATCH', `/time_entries/${old.id}/restart`);
    expect(again.json.id).not.toBe(restarted.json.id);
    expect((await call('GET', `/time_entries/${restarted.json.id}`)).json).toMatchObject({
      is_running: false,
      ended_time: '10:45am',
      hours: 0.25,
    });
  });

  it('restarts in place on a duration account', async () => {
    const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
    const old = sandbox.admin.createEntry({ ...trackable(), spent_date: TODAY, hours: 1 });
    const restarted = await call('PATCH', `/time_entries/${old.id}/restart`);
    expect(restarted.json).toMatchObject({ id: old.id, is_running: true, hours: 1 });
    expect(sandbox.admin.entries()).toHaveLength(1);
  });
});

describe('delete', () => {
  it('answers 200 with the deleted entry as JSON', async () => {
    const { call, sandbox } = await sandboxAt();
    const victim = sandbox.admin.entries().find((e) => !e.is_locked)!;
    const before = (await call('GET', `/time_entries/${victim.id}`)).json;
    const deleted = await call('DELETE', `/time_entries/${victim.id}`);
    expect([deleted.status, deleted.json]).toEqual([200, before]);
    expect(deleted.headers.get('content-type')).toContain('application/json');
    expect((await call('GET', `/time_entries/${victim.id}`)).status).toBe(404);
  });

  it('refuses to delete an entry whose project is archived, which also stops taking time', async () => {
    const { call, sandbox } = await sandboxAt();
    const victim = sandbox.admin.entries().find((e) => !e.is_locked)!;
    sandbox.admin.archiveProject(victim.project.id);
    const refused = await call('DELETE', `/time_entries/${victim.id}`);
    expect([refused.status, refused.json]).toEqual([
      422,
      { message: 'This time entry is not removable. Its project has been archived.' },
    ]);
    expect(sandbox.admin.entries().some((e) => e.id === victim.id)).toBe(true);
    const listed = (await call('GET', '/users/me/project_assignments')).json.project_assignments;
    expect(listed.some((a: { project: { id: number } }) => a.project.id === victim.project.id)).toBe(false);
    const post = await call('POST', '/time_entries', {
      body: { project_id: victim.project.id, task_id: victim.task.id, spent_date: TODAY },
    });
    expect(post.status).toBe(422);
  });

  it('refuses to delete an entry whose task is archived', async () => {
    const { call, sandbox } = await sandboxAt();
    const victim = sandbox.admin.entries().find((e) => !e.is_locked)!;
    sandbox.admin.archiveTask(victim.project.id, victim.task.id);
    const refused = await call('DELETE', `/time_entries/${victim.id}`);
    expect([refused.status, refused.json]).toEqual([
      422,
      { message: 'This time entry is not removable. Its task has been archived.' },
    ]);
    expect((await call('GET', `/time_entries/${victim.id}`)).json.task_assignment.is_active).toBe(false);
    expect(() => sandbox.admin.archiveTask(victim.project.id, 999)).toThrow(/No assignment/);
  });
});
