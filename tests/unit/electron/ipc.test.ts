// Tests main's IPC binding: every contract command is handled, payloads are validated, foreign senders refused.
import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import {
  channelOf,
  commandNames,
  eventChannel,
  stateChannel,
  type CommandHandlers,
  type PopoverEvent,
} from '../../../shared/ipc';
import type { AppState } from '../../../shared/state';
import { appState } from './app-state';
import { pushTo, registerIpc, type PopoverPage } from '../../../electron/main/ipc';
import { FakeIpcMain, FakeWebContents, fakeFrame } from './fake-electron';

const pageUrl = 'file:///app/out/renderer/index.html';

const state = appState();

function setup(url = pageUrl) {
  const ipcMain = new FakeIpcMain();
  const contents = new FakeWebContents(url);
  // ipc.ts takes Electron's whole WebContents; the fake has the slice it reads (isDestroyed, mainFrame, send).
  const page: PopoverPage = { webContents: () => contents as unknown as WebContents, url };
  const handlers = Object.fromEntries(
    commandNames.map((name) => [name, vi.fn(async () => (name === 'getState' ? state : undefined))]),
  ) as unknown as CommandHandlers;
  const unregister = registerIpc(ipcMain, handlers, page);
  return { ipcMain, contents, handlers, unregister, ours: contents.mainFrame };
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract command, and removes them all', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(commandNames.map(channelOf).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes a good payload, parsed, to the handler and wraps the value', async () => {
    const { ipcMain, handlers, ours } = setup();
    const result = await ipcMain.invoke(channelOf('startTimer'), ours, {
      projectId: 3,
      taskId: 9,
      notes: 'x',
    });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(handlers.startTimer).toHaveBeenCalledWith({ projectId: 3, taskId: 9, notes: 'x' });
    expect(await ipcMain.invoke(channelOf('getState'), ours)).toEqual({ ok: true, value: state });
  });

  it.each([
    ['startTimer', { projectId: 'three', taskId: 9 }],
    ['startTimer', { projectId: 3, taskId: 9, sneaky: true }],
    ['signIn', { token: 'short', accountId: '12' }],
    ['restartEntry', null],
    ['stopTimer', { unexpected: 1 }],
  ] as const)('answers bad_input for %s(%j) without calling core or throwing', async (name, payload) => {
    const { ipcMain, handlers, ours } = setup();
    const result = (await ipcMain.invoke(channelOf(name), ours, payload)) as {
      ok: boolean;
      error: { code: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad_input');
    expect(handlers[name]).not.toHaveBeenCalled();
  });

  it.each([
    ['another webContents', fakeFrame(pageUrl, { processId: 9, routingId: 1 })],
    [
      'an iframe inside the popover',
      fakeFrame('file:///app/out/renderer/index.html', { processId: 4, routingId: 8 }, fakeFrame(pageUrl)),
    ],
    ['the popover navigated elsewhere', fakeFrame('https://evil.example/')],
    ['a different local file', fakeFrame('file:///tmp/evil.html')],
    ['a frame that is already gone', null],
  ])('refuses %s with forbidden_sender', async (_what, frame) => {
    const { ipcMain, handlers } = setup();
    const result = await ipcMain.invoke(channelOf('signOut'), frame);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(handlers.signOut).not.toHaveBeenCalled();
  });

  it('refuses everyone once the popover is destroyed', async () => {
    const { ipcMain, contents, ours } = setup();
    contents.destroyed = true;
    expect(await ipcMain.invoke(channelOf('getState'), ours)).toMatchObject({
      error: { code: 'forbidden_sender' },
    });
  });

  it('accepts any page of the dev server origin, but not another origin', async () => {
    const { ipcMain, ours } = setup('http://localhost:5173/');
    ours.url = 'http://localhost:5173/index.html?x=1';
    expect(await ipcMain.invoke(channelOf('getState'), ours)).toMatchObject({ ok: true });
    ours.url = 'http://localhost:5174/';
    expect(await ipcMain.invoke(channelOf('getState'), ours)).toMatchObject({ ok: false });
  });

  it('maps a handler crash to an internal error result', async () => {
    const { ipcMain, handlers, ours } = setup();
    vi.mocked(handlers.refresh).mockRejectedValueOnce(new Error('boom'));
    expect(await ipcMain.invoke(channelOf('refresh'), ours)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('pushTo', () => {
  it('sends every snapshot on the state channel and every event on the event channel while the popover lives', () => {
    const contents = new FakeWebContents();
    let listener: (s: AppState) => void = () => {};
    let tell: (e: PopoverEvent) => void = () => {};
    const stopState = vi.fn();
    const stopEvents = vi.fn();
    const stop = pushTo(
      { webContents: () => contents as unknown as WebContents },
      {
        subscribe: (l) => {
          listener = l;
          return stopState;
        },
        onEvent: (l) => {
          tell = l;
          return stopEvents;
        },
      },
    );
    listener(state);
    tell({ type: 'openSettings' });
    expect(contents.sent).toEqual([
      [stateChannel, state],
      [eventChannel, { type: 'openSettings' }],
    ]);
    contents.destroyed = true;
    listener(state);
    tell({ type: 'openSettings' });
    expect(contents.sent).toHaveLength(2);
    stop();
    expect(stopState).toHaveBeenCalledOnce();
    expect(stopEvents).toHaveBeenCalledOnce();
  });
});
