// Tests the Harvest client's error answers over real loopback HTTP against a scripted server: typed errors,
// retries on 5xx, timeouts and dropped connections, and repeats that meet their own earlier success.
import { describe, expect, it } from 'vitest';
import {
  BadResponseError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../../electron/main/core/harvest/errors';
import { harness, rejection, startServer, timeEntry, TOKEN, user } from '../fixtures/scripted-harvest';
import { startScriptedServer, type ScriptedServer } from '../fixtures/scripted-server';

describe('error answers, as the real API sends them', () => {
  it('maps 401, 403, 404 and 422 to typed errors without retrying', async () => {
    const { client, server } = await harness();
    server.script(
      {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer realm="Harvest"' },
        body: {
          error: 'invalid_token',
          error_description:
            'The access token provided is expired, revoked, malformed or invalid for other reasons.',
        },
      },
      { status: 403, body: { message: 'Not authorized!' } },
      { status: 404, body: { status: 404, error: 'Not Found' } },
      { status: 422, body: { message: "Project can't be blank, Task can't be blank" } },
    );

    expect(await rejection(client.getMe())).toBeInstanceOf(UnauthorizedError);
    expect(await rejection(client.getCompany())).toBeInstanceOf(ForbiddenError);
    expect(await rejection(client.getTimeEntry(99))).toBeInstanceOf(NotFoundError);
    const invalid = await rejection(
      client.createTimeEntry({ project_id: 0, task_id: 0, spent_date: '2025-03-04' }),
    );
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid.message).toBe("Project can't be blank, Task can't be blank");
    expect(invalid.status).toBe(422);
    expect(server.requests).toHaveLength(4);
  });

  it('takes error_description, else error, from a 400, and survives an HTML 404 page', async () => {
    const { client, server } = await harness();
    server.script(
      { status: 400, body: { error: 'invalid_request', error_description: 'from must be a date' } },
      { status: 400, body: { error: 'bad_thing' } },
      { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html><body>Not Found</body></html>' },
      { status: 400, body: '' },
    );
    expect((await rejection(client.listTimeEntries())).message).toBe('from must be a date');
    expect((await rejection(client.listTimeEntries())).message).toBe('bad_thing');
    expect(await rejection(client.getTimeEntry(1))).toBeInstanceOf(NotFoundError);
    const empty = await rejection(client.getTimeEntry(1));
    expect(empty).toBeInstanceOf(ValidationError);
    expect(empty.message).toContain('HTTP 400');
  });

  it('never repeats the token, even when Harvest echoes it back', async () => {
    const { client, server } = await harness();
    server.script({ status: 422, body: { message: `Token ${TOKEN} is not allowed here` } });
    const error = await rejection(client.updateTimeEntry(5, { notes: 'x' }));
    expect(error.message).toBe('Token [token] is not allowed here');
  });

  it('retries a GET on 5xx and gives up with ServerError after maxRetries', async () => {
    const { client, server, sleeps } = await harness({ maxRetries: 2 });
    server.script(
      { status: 500, body: '' },
      { status: 502, body: '<html>Bad gateway</html>' },
      { status: 503 },
    );
    const error = await rejection(client.getMe());
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(3);
    // Full jitter with random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(sleeps).toEqual([250, 500]);
  });

  it('answers a 200 that does not match the schema with BadResponseError naming the field', async () => {
    const { client, server } = await harness();
    server.script(
      { status: 200, body: timeEntry(3, { hours: 'two' }) },
      { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>maintenance</html>' },
      { status: 200, body: { time_entries: 'none' } },
    );
    const wrongType = await rejection(client.getTimeEntry(3));
    expect(wrongType).toBeInstanceOf(BadResponseError);
    expect(wrongType.message).toContain('hours');
    expect(await rejection(client.getTimeEntry(3))).toBeInstanceOf(BadResponseError);
    expect(await rejection(client.listTimeEntries())).toBeInstanceOf(BadResponseError);
  });
});

describe('timeouts and dropped connections', () => {
  it('times out a request that never gets an answer', async () => {
    const { client, server } = await harness({ timeoutMs: 200, maxRetries: 0 });
    server.script('hang');
    expect(await rejection(client.getMe())).toBeInstanceOf(TimeoutError);
  });

  it('retries a GET after a timeout, a 503 and a reset connection', async () => {
    // Long enough that the answers after the hang arrive in time on a busy machine.
    const { client, server } = await harness({ timeoutMs: 1_000 });
    server.script('hang', { status: 503 }, 'reset', { status: 200, body: user });
    await expect(client.getMe()).resolves.toMatchObject({ id: user.id });
    expect(server.requests).toHaveLength(4);
  });

  it('gives up a GET on a connection that keeps resetting with NetworkError', async () => {
    const { client, server } = await harness({ maxRetries: 1 });
    server.script('reset', 'reset');
    expect(await rejection(client.getMe())).toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(2);
  });

  it('never sends a POST twice once it may have reached Harvest: reset, timeout or 5xx', async () => {
    const { client, server } = await harness({ timeoutMs: 1_000 });
    const body = { project_id: 1, task_id: 2, spent_date: '2025-03-04' };
    server.script('reset');
    expect(await rejection(client.createTimeEntry(body))).toBeInstanceOf(OutcomeUnknownError);
    expect(server.requests).toHaveLength(1);

    server.script('hang');
    const timedOut = await rejection(client.createTimeEntry(body));
    expect(timedOut).toBeInstanceOf(OutcomeUnknownError);
    expect(timedOut.cause).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);

    server.script({ status: 500 });
    const failed = await rejection(client.createTimeEntry(body));
    expect(failed).toBeInstanceOf(OutcomeUnknownError);
    expect(failed.cause).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('never repeats a restart that may have landed (a timestamp account makes a new entry each time)', async () => {
    const { client, server } = await harness();
    server.script('reset');
    expect(await rejection(client.restartTimeEntry(8))).toBeInstanceOf(OutcomeUnknownError);
    expect(server.requests).toHaveLength(1);
  });

  it('sends a POST again when the connection was refused, so nothing reached the server', async () => {
    const probe = await startScriptedServer();
    const port = probe.port;
    await probe.close();
    let late: ScriptedServer | undefined;
    const { client, sleeps } = await harness({
      baseUrl: `http://127.0.0.1:${port}/v2`,
      sleep: async (ms) => {
        sleeps.push(ms);
        // Harvest "comes back" while the client waits to retry.
        if (late === undefined) {
          late = await startServer({ port, answers: [{ status: 201, body: timeEntry(21) }] });
        }
      },
    });
    await expect(
      client.createTimeEntry({ project_id: 1, task_id: 2, spent_date: '2025-03-04' }),
    ).resolves.toMatchObject({ id: 21 });
    expect(sleeps).toHaveLength(1);
    expect(late!.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('reports NetworkError, not an unknown outcome, for a POST that was refused every time', async () => {
    const probe = await startScriptedServer();
    await probe.close();
    const { client } = await harness({ baseUrl: `${probe.baseUrl}`, maxRetries: 2 });
    const error = await rejection(
      client.createTimeEntry({ project_id: 1, task_id: 2, spent_date: '2025-03-04' }),
    );
    expect(error).toBeInstanceOf(NetworkError);
  });
});

describe('repeats that meet their own earlier success', () => {
  it('treats a 404 on a repeated DELETE as deleted', async () => {
    const { client, server } = await harness();
    server.script('reset', { status: 404, body: { status: 404, error: 'Not Found' } });
    await expect(client.deleteTimeEntry(12)).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'DELETE /v2/time_entries/12',
      'DELETE /v2/time_entries/12',
    ]);
  });

  it('still reports a 404 on a first DELETE', async () => {
    const { client, server } = await harness();
    server.script({ status: 404, body: { status: 404, error: 'Not Found' } });
    expect(await rejection(client.deleteTimeEntry(12))).toBeInstanceOf(NotFoundError);
  });

  it('answers a repeated stop that meets "not running" with the entry Harvest now has', async () => {
    const { client, server } = await harness();
    server.script(
      'reset',
      { status: 422, body: { message: 'Time entry is not running' } },
      { status: 200, body: timeEntry(13, { is_running: false, hours: 0.75 }) },
    );
    await expect(client.stopTimeEntry(13)).resolves.toMatchObject({ id: 13, is_running: false, hours: 0.75 });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PATCH /v2/time_entries/13/stop',
      'PATCH /v2/time_entries/13/stop',
      'GET /v2/time_entries/13',
    ]);
  });
});
