// Tests the Harvest client end to end against the sandbox Harvest server: every endpoint, both timer styles,
// capped pages, and the faults that matter (a POST dropped after it was applied, 429s).
import { afterEach, describe, expect, it } from 'vitest';
import type { HarvestClientConfig } from '../../electron/main/core/harvest/client';
import {
  ForbiddenError,
  NotFoundError,
  OutcomeUnknownError,
  UnauthorizedError,
  ValidationError,
} from '../../electron/main/core/harvest/errors';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../electron/sandbox/server';
import { FakeClock } from '../fixtures/fake-clock';
import { testClient, type TestClient } from '../fixtures/harvest-client';

const TODAY = '2025-03-05';

interface Harness extends TestClient {
  sandbox: Sandbox;
  clock: FakeClock;
}

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

async function harness(
  options: SandboxOptions = {},
  overrides: Partial<HarvestClientConfig> = {},
): Promise<Harness> {
  // A Wednesday morning; the same clock drives the sandbox and the client so both agree on "now".
  const clock = new FakeClock(`${TODAY}T10:00:00Z`);
  const sandbox = await startSandbox({ clock, ...options });
  sandboxes.push(sandbox);
  const { client, sleeps } = testClient(
    { baseUrl: sandbox.url, token: sandbox.token, accountId: sandbox.accountId },
    clock,
    overrides,
  );
  return { sandbox, client, clock, sleeps };
}

const requestsTo = (sandbox: Sandbox, method: string, path: RegExp) =>
  sandbox.requestLog.filter((r) => r.method === method && path.test(r.path));

describe('against the sandbox: a duration account', () => {
  it('reads the user, the company and only the assignments a person may track time to', async () => {
    const { sandbox, client } = await harness();
    await expect(client.getMe()).resolves.toMatchObject({ id: sandbox.userId });
    await expect(client.getCompany()).resolves.toMatchObject({ wants_timestamp_timers: false });

    const assignments = await client.listMyProjectAssignments();
    const expected = sandbox.admin
      .assignments()
      .filter((a) => a.is_active)
      .map((a) => ({ id: a.id, tasks: a.task_assignments.filter((t) => t.is_active).map((t) => t.id) }))
      .filter((a) => a.tasks.length > 0);
    expect(assignments.map((a) => ({ id: a.id, tasks: a.task_assignments.map((t) => t.id) }))).toEqual(
      expected,
    );
    // The demo seed has an inactive project and an inactive task: they must be gone.
    expect(expected.length).toBeLessThan(sandbox.admin.assignments().length);
    expect(assignments.every((a) => a.is_active && a.task_assignments.every((t) => t.is_active))).toBe(true);
  });

  it('starts, stops, restarts, edits, lists and deletes a timer', async () => {
    const { sandbox, client } = await harness();
    const [first] = await client.listMyProjectAssignments();
    const project_id = first!.project.id;
    const task_id = first!.task_assignments[0]!.task.id;

    const started = await client.createTimeEntry({ project_id, task_id, spent_date: TODAY, notes: 'Sheaf' });
    expect(started).toMatchObject({ is_running: true, notes: 'Sheaf', spent_date: TODAY });

    const running = await client.listTimeEntries({ user_id: sandbox.userId, is_running: true });
    expect(running.map((e) => e.id)).toEqual([started.id]);

    const stopped = await client.stopTimeEntry(started.id);
    expect(stopped.is_running).toBe(false);
    const restarted = await client.restartTimeEntry(started.id);
    expect(restarted.is_running).toBe(true);
    await client.stopTimeEntry(restarted.id);

    const edited = await client.updateTimeEntry(started.id, { notes: 'Edited', hours: 1.25 });
    expect(edited).toMatchObject({ notes: 'Edited', hours: 1.25 });
    await expect(client.getTimeEntry(started.id)).resolves.toMatchObject({ notes: 'Edited' });

    const logged = await client.createTimeEntry({ project_id, task_id, spent_date: TODAY, hours: 2 });
    expect(logged).toMatchObject({ is_running: false, hours: 2 });

    const today = await client.listTimeEntries({ from: TODAY, to: TODAY });
    expect(today.map((e) => e.id)).toEqual(expect.arrayContaining([started.id, logged.id]));
    const ledger = sandbox.admin.entries().filter((e) => e.spent_date === TODAY);
    expect(new Set(today.map((e) => e.id))).toEqual(new Set(ledger.map((e) => e.id)));

    await client.deleteTimeEntry(logged.id);
    await expect(client.getTimeEntry(logged.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(sandbox.admin.entries().some((e) => e.id === logged.id)).toBe(false);
  });

  it("passes Harvest's own 422 message through", async () => {
    const { client } = await harness();
    const error = await client
      .createTimeEntry({ project_id: 0, task_id: 0, spent_date: TODAY })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    // The sandbox's own words ("Project is invalid, …"), not the client's generic fallback.
    expect((error as ValidationError).message).toMatch(/^Project .*, Task /);
  });

  it('reads the project and client time reports', async () => {
    const { sandbox, client } = await harness();
    const projects = await client.projectTimeReport('2025-03-01', TODAY);
    const clients = await client.clientTimeReport('2025-03-01', TODAY);
    const ledger = sandbox.admin
      .entries()
      .filter((e) => e.spent_date >= '2025-03-01' && e.spent_date <= TODAY);
    const total = ledger.reduce((sum, e) => sum + e.hours, 0);
    const sum = (rows: { total_hours: number }[]) => rows.reduce((s, r) => s + r.total_hours, 0);
    expect(ledger.length).toBeGreaterThan(0);
    expect(sum(projects)).toBeCloseTo(total, 1);
    expect(sum(clients)).toBeCloseTo(total, 1);
    expect(requestsTo(sandbox, 'GET', /^\/v2\/reports\/time\/projects\?/)[0]!.path).toContain(
      'from=2025-03-01',
    );
  });
});

describe('against the sandbox: a timestamp account', () => {
  it('starts a timer from a start time and logs a start–end entry', async () => {
    const { client } = await harness({ wantsTimestampTimers: true, seed: 'empty' });
    await expect(client.getCompany()).resolves.toMatchObject({ wants_timestamp_timers: true });
    const [first] = await client.listMyProjectAssignments();
    const project_id = first!.project.id;
    const task_id = first!.task_assignments[0]!.task.id;

    const running = await client.createTimeEntry({
      project_id,
      task_id,
      spent_date: TODAY,
      started_time: '9:00am',
    });
    expect(running).toMatchObject({ is_running: true, started_time: '9:00am', ended_time: null });
    const stopped = await client.stopTimeEntry(running.id);
    expect(stopped.is_running).toBe(false);
    expect(stopped.ended_time).toEqual(expect.any(String));

    const logged = await client.createTimeEntry({
      project_id,
      task_id,
      spent_date: TODAY,
      started_time: '1:00pm',
      ended_time: '2:30pm',
    });
    expect(logged).toMatchObject({
      is_running: false,
      hours: 1.5,
      started_time: '1:00pm',
      ended_time: '2:30pm',
    });
  });
});

describe('against the sandbox: pages and faults', () => {
  it('reads every page from a server that caps pages at 100', async () => {
    const { sandbox, client } = await harness({
      seed: { projects: 250, tasksPerProject: 2 },
      maxPerPage: 100,
    });
    const assignments = await client.listMyProjectAssignments();
    expect(assignments).toHaveLength(250);
    expect(new Set(assignments.map((a) => a.id)).size).toBe(250);
    expect(requestsTo(sandbox, 'GET', /^\/v2\/users\/me\/project_assignments/)).toHaveLength(3);

    const { project, task_assignments } = assignments[0]!;
    for (let i = 0; i < 230; i++) {
      sandbox.admin.createEntry({
        project_id: project.id,
        task_id: task_assignments[0]!.task.id,
        spent_date: TODAY,
        hours: 0.25,
      });
    }
    const entries = await client.listTimeEntries({ from: TODAY, to: TODAY });
    expect(entries).toHaveLength(230);
    expect(new Set(entries.map((e) => e.id)).size).toBe(230);
    expect(requestsTo(sandbox, 'GET', /^\/v2\/time_entries\?/)).toHaveLength(3);
  });

  it('never sends a create twice when the connection drops after Harvest applied it', async () => {
    const { sandbox, client } = await harness({ seed: 'empty' });
    const [first] = await client.listMyProjectAssignments();
    const before = sandbox.admin.entries().length;
    sandbox.faults.add({ kind: 'drop-after', method: 'POST' });

    const error = await client
      .createTimeEntry({
        project_id: first!.project.id,
        task_id: first!.task_assignments[0]!.task.id,
        spent_date: TODAY,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(sandbox.admin.entries()).toHaveLength(before + 1);
    expect(requestsTo(sandbox, 'POST', /^\/v2\/time_entries/)).toHaveLength(1);
  });

  it('retries reads through 503s, and maps a member 403 and a revoked token 401', async () => {
    const { sandbox, client } = await harness();
    sandbox.faults.add({ kind: 503, count: 2, method: 'GET' });
    await expect(client.getMe()).resolves.toMatchObject({ id: sandbox.userId });
    expect(requestsTo(sandbox, 'GET', /^\/v2\/users\/me$/).map((r) => r.status)).toEqual([503, 503, 200]);

    sandbox.admin.setCompanyForbidden(true);
    await expect(client.getCompany()).rejects.toBeInstanceOf(ForbiddenError);
    sandbox.admin.revokeToken();
    await expect(client.getMe()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('waits out the Retry-After of injected 429s and repeats the request', async () => {
    const { sandbox, client, sleeps } = await harness();
    // Real 429s mostly carry no Retry-After (the next test); when one does, it is what the client waits.
    sandbox.faults.omitRetryAfter = false;
    sandbox.faults.add({ kind: 429, count: 2 });
    await expect(client.getMe()).resolves.toMatchObject({ id: sandbox.userId });
    expect(sleeps).toEqual([15_000, 15_000]);
    expect(requestsTo(sandbox, 'GET', /^\/v2\/users\/me$/).map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('backs off on its own when the 429 has no Retry-After', async () => {
    const { sandbox, client, sleeps } = await harness();
    sandbox.faults.omitRetryAfter = true;
    sandbox.faults.add({ kind: 429, count: 2, method: 'POST' });
    const [first] = await client.listMyProjectAssignments();
    await client.createTimeEntry({
      project_id: first!.project.id,
      task_id: first!.task_assignments[0]!.task.id,
      spent_date: TODAY,
      hours: 1,
    });
    expect(sleeps).toEqual([15_000, 30_000]);
    expect(requestsTo(sandbox, 'POST', /^\/v2\/time_entries/).map((r) => r.status)).toEqual([429, 429, 201]);
  });
});
