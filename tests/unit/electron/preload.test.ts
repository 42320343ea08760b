// Tests the preload's surface: exactly the contract's commands plus subscribe, built on invoke, nothing else exposed.
import type { ContextBridge, IpcRenderer } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, commandNames, eventChannel, stateChannel, type SheafApi } from '../../../shared/ipc';
import { contractChannels } from '../../../electron/preload/channels';

// Typed from Electron's declarations: send and sendSync are there so the test can show they never leak.
const ipcRenderer = vi.hoisted(
  () =>
    ({
      invoke: vi.fn<IpcRenderer['invoke']>(async () => ({ ok: true, value: undefined })),
      on: vi.fn<IpcRenderer['on']>(),
      removeListener: vi.fn<IpcRenderer['removeListener']>(),
      send: vi.fn<IpcRenderer['send']>(),
      sendSync: vi.fn<IpcRenderer['sendSync']>(),
    }) satisfies Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener' | 'send' | 'sendSync'>,
);
const exposeInMainWorld = vi.hoisted(() => vi.fn<ContextBridge['exposeInMainWorld']>());
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld } satisfies Pick<ContextBridge, 'exposeInMainWorld'>,
  ipcRenderer,
}));

let api: SheafApi;

beforeAll(async () => {
  // What electron.vite.config.ts bakes in with `define` at build time.
  (globalThis as Record<string, unknown>).__SHEAF_IPC__ = contractChannels();
  await import('../../../electron/preload/index');
  expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
  expect(exposeInMainWorld.mock.calls[0]?.[0]).toBe('sheaf');
  api = exposeInMainWorld.mock.calls[0]?.[1] as SheafApi;
});

describe('window.sheaf', () => {
  it('has one function per contract command plus subscribe and onEvent, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...commandNames, 'subscribe', 'onEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('never hands out ipcRenderer or its methods', () => {
    const exposed = Object.values(api) as unknown[];
    for (const fn of Object.values(ipcRenderer)) expect(exposed).not.toContain(fn);
    expect(exposed).not.toContain(ipcRenderer);
  });

  it('invokes each command on its contract channel with only the input', async () => {
    const input = { projectId: 1, taskId: 2 };
    await (api.startTimer as (i: unknown, extra: unknown) => Promise<unknown>)(input, 'extra');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf('startTimer'), input);
    for (const name of commandNames) {
      await (api[name] as () => Promise<unknown>)();
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(`sheaf:${name}`, undefined);
    }
  });

  it.each([
    ['subscribe', stateChannel],
    ['onEvent', eventChannel],
  ] as const)(
    '%s relays messages without the IPC event and unsubscribes the same listener',
    (method, channelName) => {
      const listener = vi.fn();
      const unsubscribe = api[method](listener);
      const [channel, relay] = ipcRenderer.on.mock.calls.at(-1) as unknown as [
        string,
        (e: unknown, s: unknown) => void,
      ];
      expect(channel).toBe(channelName);
      const event = { sender: ipcRenderer };
      relay(event, { snapshot: 1 });
      expect(listener).toHaveBeenCalledWith({ snapshot: 1 });
      expect(listener.mock.calls[0]).toHaveLength(1);
      unsubscribe();
      expect(ipcRenderer.removeListener).toHaveBeenCalledWith(channelName, relay);
    },
  );
});
