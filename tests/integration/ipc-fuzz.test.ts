// Fuzzes every command in the IPC contract through main's real binding (registerIpc → dispatch) against a core
// signed in to the sandbox: each broken payload gets a typed error, never reaches core, and Harvest is unchanged.
// Replay a run with IPC_FUZZ_SEED=<the seed in the failure>.
import type { WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  channelOf,
  commandNames,
  commands,
  IpcErrorCode,
  type CommandHandlers,
  type CommandName,
} from '../../shared/ipc';
import { localDate } from '../../electron/main/core/base/dates';
import { dispatch } from '../../electron/main/dispatch';
import { registerIpc, type IpcMainLike, type PopoverPage } from '../../electron/main/ipc';
import { brokenCase, huge, seeded, specs, voidCase, type FuzzCase } from '../fixtures/ipc-fuzz';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';
import { FakeIpcMain, FakeWebContents } from '../unit/electron/fake-electron';

const seed = Number(process.env.IPC_FUZZ_SEED ?? 20251125);
const casesPerCommand = 100;
const pageUrl = 'file:///app/out/renderer/index.html';

let h: Harness;
let ipcMain: FakeIpcMain;
let contents: FakeWebContents;
/** Which handlers core ran, so a refused payload can be shown never to have reached it. */
const reached: CommandName[] = [];

beforeAll(async () => {
  h = await signedInApp();
  const real: CommandHandlers = { ...h.app.commands, openHarvest: () => {}, hidePopover: () => {} };
  const counted = Object.fromEntries(
    commandNames.map((name) => [
      name,
      (input: unknown) => {
        reached.push(name);
        return (real[name] as (input: unknown) => unknown)(input);
      },
    ]),
  ) as unknown as CommandHandlers;
  ipcMain = new FakeIpcMain();
  contents = new FakeWebContents(pageUrl);
  const page: PopoverPage = { webContents: () => contents as unknown as WebContents, url: pageUrl };
  registerIpc(ipcMain as unknown as IpcMainLike, counted, page);
});

afterAll(async () => {
  await h?.close();
});

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** Sends a payload as the popover would: structured-cloned on the way, like Electron's IPC. */
async function send(name: CommandName, payload: unknown): Promise<Answer> {
  const cloned = payload === undefined ? undefined : structuredClone(payload);
  return (await ipcMain.invoke(channelOf(name), contents.mainFrame, cloned)) as Answer;
}

/** Short enough to read in a failure: huge strings (keys too) cut down, the whole capped. */
function shown(payload: unknown): string {
  const text = String(
    JSON.stringify(payload, (_k, v: unknown) =>
      typeof v === 'string' && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v,
    ),
  );
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function expectTypedRefusal(answer: Answer, where: string, code?: IpcErrorCode, echoesKey = false): void {
  expect(answer.ok, where).toBe(false);
  expect(IpcErrorCode.safeParse(answer.error?.code).success, where).toBe(true);
  if (code) expect(answer.error?.code, where).toBe(code);
  expect(typeof answer.error?.message, where).toBe('string');
  expect(answer.error!.message.length, where).toBeGreaterThan(0);
  // Something a person can read, not the huge input echoed back (a huge unknown key is, see the last test).
  if (!echoesKey)
    expect(
      answer.error!.message.length,
      `${where}: ${answer.error!.message.slice(0, 80)}…`,
    ).toBeLessThanOrEqual(200);
}

const takesNothing = (name: CommandName) => commands[name].input instanceof z.ZodVoid;

describe('the fuzzer itself', () => {
  it('has a valid payload for every command that takes one, and knows the rest take nothing', () => {
    for (const name of commandNames) {
      const spec = specs[name];
      if (takesNothing(name)) expect(spec, name).toBeNull();
      else expect(commands[name].input.safeParse(spec?.valid).success, name).toBe(true);
    }
  });
});

describe(`broken payloads for every command (seed ${seed})`, () => {
  it(`answers each of ${casesPerCommand} per command with bad_input, and leaves Harvest, pins and settings alone`, async () => {
    const random = seeded(seed);
    const harvest = h.sandbox.admin.entries();
    const settings = await h.app.commands.getSettings(undefined);
    const before = h.app.getState();
    const started = Date.now();
    let sent = 0;
    for (const name of commandNames) {
      const spec = specs[name];
      for (let i = 0; i < casesPerCommand; i++) {
        const c: FuzzCase = spec ? brokenCase(spec, random) : voidCase(random);
        const where = `seed ${seed}, ${name} #${i}: ${c.what}: ${shown(c.payload)}`;
        reached.length = 0;
        expectTypedRefusal(await send(name, c.payload), where, 'bad_input', c.hugeKey);
        expect(reached, where).toEqual([]);
        sent++;
      }
    }
    expect(sent).toBe(commandNames.length * casesPerCommand);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();

    // Core is alive, still signed in, and nothing it was sent changed what it shows or stores.
    await h.app.whenSynced();
    expect(await send('getState', undefined)).toMatchObject({ ok: true });
    const after = h.app.getState();
    expect(after.session.status).toBe('signed_in');
    expect(after.sync.pending).toBe(0);
    expect(after.favourites).toEqual(before.favourites);
    expect(after.day.date).toBe(before.day.date);
    expect(await h.app.commands.getSettings(undefined)).toEqual(settings);
    expect(h.sandbox.admin.entries()).toEqual(harvest);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('well-formed payloads naming things that are not the person’s', () => {
  const missing = 987_654_321;
  const cases: Array<[CommandName, () => unknown]> = [
    ['startTimer', () => ({ projectId: missing, taskId: 1 })],
    ['addEntry', () => ({ projectId: missing, taskId: 1, spentDate: localDate(h.clock.now()), hours: 1 })],
    ['pinAssignment', () => ({ projectId: missing, taskId: 1 })],
    ['restartEntry', () => ({ entryId: missing })],
    ['updateNotes', () => ({ entryId: 'local-none', notes: 'x' })],
    ['editEntry', () => ({ entryId: missing, changes: { notes: 'x' } })],
    ['deleteEntry', () => ({ entryId: missing, undoable: true })],
    ['undoDelete', () => ({ entryId: missing })],
  ];

  it.each(cases)('%s gets a validation error from core, and Harvest is unchanged', async (name, payload) => {
    const harvest = h.sandbox.admin.entries();
    expectTypedRefusal(await send(name, payload()), name, 'validation');
    await h.app.whenSynced();
    expect(h.sandbox.admin.entries()).toEqual(harvest);
  });
});

describe('unknown command names', () => {
  it('has a channel for each command and none other, so Electron itself refuses any other channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(commandNames.map(channelOf).sort());
  });

  it('answers any other name given to dispatch (as the browser preview passes it on) with bad_input', async () => {
    const random = seeded(seed);
    const handlers = { ...h.app.commands, openHarvest: () => {}, hidePopover: () => {} };
    const names: unknown[] = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '',
      'GetState',
      'getState ',
      'sheaf:getState',
      huge(random),
      42,
      null,
      undefined,
      {},
      ['getState'],
      ...Array.from({ length: 20 }, () => Math.floor(random() * 36 ** 8).toString(36)),
    ];
    const harvest = h.sandbox.admin.entries();
    for (const name of names) {
      const answer = (await dispatch(handlers, name, { projectId: 1, taskId: 2 })) as Answer;
      expectTypedRefusal(answer, `command ${shown(name)}`, 'bad_input');
      expect(answer.error!.message).toMatch(/^Unknown command: /);
    }
    expect(h.sandbox.admin.entries()).toEqual(harvest);
  });
});

describe('a huge unknown key', () => {
  // zod names unrecognized keys in its message: dispatch caps it, so a 1 MB key can't come back as 1 MB.
  it('comes back in a message of at most 200 characters', async () => {
    const answer = await send('getReport', { period: 'week', ['k'.repeat(100_000)]: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(answer.error!.message.length).toBeLessThanOrEqual(200);
  });
});
