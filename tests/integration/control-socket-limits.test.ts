// The control socket under a noisy neighbour: a client that trickles bytes, one that holds every connection, one
// that asks without reading, a line that is too long in one piece, a link too long to be one, and what it answers:
// never the assignments list, a full day's snapshot whole, and an answer too large refused in words.
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandHandlers } from '../../shared/ipc';
import { maxLinkLength } from '../../shared/links';
import { startControl, type Control } from '../../electron/control/server';
import {
  busyMessage,
  controlLimits,
  maxAnswerBytes,
  type ControlLimits,
} from '../../electron/control/protocol';
import { fullDayState } from '../fixtures/full-day-state';
import { runSheafIn, stateIn } from '../fixtures/sheaf-cli';
import { sampleAppState } from '../fixtures/app-state';

const dates = { today: '2025-06-02', weekStart: '2025-06-02', weekEnd: '2025-06-08' };
let dir: string;
let control: Control | undefined;
const clients: Socket[] = [];

async function listen(handlers: Partial<CommandHandlers>, limits: Partial<ControlLimits> = {}) {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-limits-'));
  control = await startControl({
    dataDir: join(dir, 'data'),
    handlers: { getState: () => sampleAppState(dates), ...handlers } as CommandHandlers,
    showPopover: () => {},
    log: () => {},
    limits,
  });
  return control.path!;
}

function connect(path: string): Promise<Socket> {
  return new Promise((ready, fail) => {
    const socket = createConnection(path, () => ready(socket));
    socket.on('error', fail);
    clients.push(socket);
  });
}

const closed = (socket: Socket) => new Promise<void>((done) => socket.once('close', () => done()));

/** One request line and its one answer line. */
function ask(path: string, line: string): Promise<{ ok: boolean; error?: { message: string } }> {
  return new Promise((done, fail) => {
    const socket = createConnection(path);
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        socket.destroy();
        done(JSON.parse(text.slice(0, text.indexOf('\n'))));
      }
    });
    socket.on('error', fail);
    socket.write(line);
  });
}

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.destroy();
  await control?.close();
  control = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('the control socket under a noisy neighbour', () => {
  it('closes a connection at its deadline even while it trickles a byte at a time', async () => {
    const path = await listen({}, { deadlineMs: 600, idleMs: 10_000 });
    const socket = await connect(path);
    const trickle = setInterval(() => socket.write('{'), 100);
    const began = Date.now();
    await closed(socket);
    clearInterval(trickle);
    // Each byte would have reset the idle timer for ever; the deadline counts from the connect.
    expect(Date.now() - began).toBeLessThan(2000);
  });

  it('tells the command Sheaf is busy when every connection is taken, not a bare EPIPE', async () => {
    const path = await listen({});
    for (let i = 0; i < controlLimits.connections; i++) await connect(path);
    const { code, err } = await runSheafIn(join(dir, 'data'), ['status']);
    expect({ code, err }).toEqual({ code: 1, err: busyMessage });
  });

  it('stops reading from a client that asks without reading its answers', async () => {
    let answered = 0;
    const big = 'x'.repeat(100_000);
    const path = await listen({
      getState: () => {
        answered++;
        return { ...sampleAppState(dates), big } as never;
      },
    });
    const socket = await connect(path);
    socket.pause(); // reads nothing
    socket.write('{"command":"getState"}\n'.repeat(300));
    await new Promise((r) => setTimeout(r, 1000));
    // Without backpressure all 300 answers (30 MB) would wait in the host's memory for a reader that never comes.
    expect(answered).toBeLessThan(40);
  });

  it('refuses a line longer than 64 KiB even when it arrives whole, newline and all', async () => {
    const path = await listen({});
    const line = `{"command":"getState","input":"${'a'.repeat(100_000)}"}\n`;
    expect(await ask(path, line)).toEqual({
      ok: false,
      error: { code: 'bad_input', message: 'That request is too long.' },
    });
  });

  it('says a link over 8,192 characters is too long, from the socket and from sheaf open', async () => {
    const path = await listen({});
    const link = `sheaf://start?q=${'a'.repeat(maxLinkLength)}`;
    const answer = await ask(path, `${JSON.stringify({ command: 'openLink', input: { link } })}\n`);
    expect(answer.error?.message).toBe('The link is too long for Sheaf to read (at most 8,192 characters).');
    expect(await runSheafIn(join(dir, 'data'), ['open', `${link}${'b'.repeat(70_000)}`])).toMatchObject({
      code: 1,
      err: 'The link is too long for Sheaf to read (at most 8,192 characters).',
    });
  });
});

describe('what the control socket answers', () => {
  it('refuses the assignments list: scripts send words, and core matches them', async () => {
    const path = await listen({ listAssignments: () => [] });
    expect(await ask(path, '{"command":"listAssignments"}\n')).toEqual({
      ok: false,
      error: { code: 'bad_input', message: `Scripts can't ask Sheaf to "listAssignments".` },
    });
  });

  it('sends the largest realistic snapshot whole, well inside the answer cap', async () => {
    const state = fullDayState({ entries: 200, notesLength: 5000 });
    const bytes = Buffer.byteLength(`${JSON.stringify({ ok: true, value: state })}\n`);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(bytes).toBeLessThan(maxAnswerBytes / 1.5);
    await listen({ getState: () => state });
    expect(await stateIn(join(dir, 'data'))).toEqual(state);
  });

  it('refuses an answer larger than the cap in words the command prints; a smaller one is sent again', async () => {
    let big = true;
    const huge = 'x'.repeat(maxAnswerBytes);
    await listen({
      getState: () => ({ ...sampleAppState(dates), ...(big ? { notices: [huge] } : {}) }),
    });
    const data = join(dir, 'data');
    expect(await runSheafIn(data, ['status'])).toEqual({
      code: 1,
      out: '',
      err: "Sheaf's answer is 2.0 MB, more than a script may be sent (2.0 MB). Open Sheaf to see it.",
    });
    big = false;
    expect(await runSheafIn(data, ['status'])).toMatchObject({
      code: 0,
      out: 'Not signed in to Harvest: open Sheaf to sign in',
    });
  });
});
