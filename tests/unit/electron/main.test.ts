// Tests main's wiring with a fake Electron around the real core: single instance, secure window, IPC bound to the
// popover, host commands, state pushed to the page, tray following the session, clean quit.
import { chownSync, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, Dock, MenuItemConstructorOptions, Net, SafeStorage, Shell } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf, commandNames, stateChannel } from '../../../shared/ipc';
import type { AppState } from '../../../shared/state';
import type { HarvestSession } from '../../../electron/main/platform/harvest-fetch';
import type { PopoverSession } from '../../../electron/main/platform/window-security';
import {
  FakeBrowserWindow,
  FakeEmitter,
  FakeGlobalShortcut,
  FakeIpcMain,
  FakePowerMonitor,
  FakeTray,
  fakeEvent,
  fakeFrame,
  fakeScreen,
  type FakeMenu,
} from './fake-electron';

/** This test's stand-ins, by the name 'electron' exports each under (a name it doesn't export fails tsc). */
type ElectronFakes = Partial<Record<keyof typeof import('electron'), unknown>>;

const electron = vi.hoisted(() => ({ current: {} as ElectronFakes }));
// The mocked module is made once, so each export forwards to this test's fakes in `electron.current`.
vi.mock('electron', () => {
  const forward = (name: keyof ElectronFakes) =>
    new Proxy(
      {},
      {
        get: (_target, key: string) => {
          const target = electron.current[name] as Record<string, unknown>;
          const value = target[key];
          return typeof value === 'function' ? value.bind(target) : value;
        },
      },
    );
  const construct = (name: keyof ElectronFakes) =>
    function (...args: unknown[]) {
      return new (electron.current[name] as new (...a: unknown[]) => object)(...args);
    };
  const objects = [
    'app',
    'globalShortcut',
    'ipcMain',
    'powerMonitor',
    'shell',
    'Menu',
    'nativeImage',
    'net',
    'safeStorage',
    'screen',
    'session',
  ] satisfies Array<keyof typeof import('electron')>;
  return {
    ...Object.fromEntries(objects.map((name) => [name, forward(name)])),
    BrowserWindow: construct('BrowserWindow'),
    Tray: construct('Tray'),
    Notification: class {
      static isSupported = () => false;
    } satisfies Pick<(typeof import('electron'))['Notification'], 'isSupported'>,
  } satisfies ElectronFakes;
});

// electron-store is conf plus Electron's default folder; with the folder given, conf itself stands in for it here.
vi.mock('electron-store', async () => ({ default: (await import('conf')).default }));

type AppMethod =
  | 'isPackaged'
  | 'quit'
  | 'exit'
  | 'setPath'
  | 'getPath'
  | 'getAppPath'
  | 'requestSingleInstanceLock'
  | 'setAsDefaultProtocolClient'
  | 'whenReady'
  | 'on';

class FakeApp extends FakeEmitter implements Pick<App, AppMethod> {
  isPackaged = false;
  locked = true;
  dock = { hide: vi.fn<Dock['hide']>() } satisfies Pick<Dock, 'hide'>;
  quit = vi.fn<App['quit']>(() => void this.emit('before-quit', fakeEvent()));
  exit = vi.fn<App['exit']>();
  setPath = vi.fn<App['setPath']>();
  constructor(private dataDir: string) {
    super();
  }
  requestSingleInstanceLock = vi.fn<App['requestSingleInstanceLock']>(() => this.locked);
  setAsDefaultProtocolClient = vi.fn<App['setAsDefaultProtocolClient']>(() => true);
  whenReady = vi.fn<App['whenReady']>(() => Promise.resolve());
  getPath = () => this.dataDir;
  getAppPath = () => '/opt/sheaf';
}

let dataDir: string;
let app: FakeApp;
let ipcMain: FakeIpcMain;
let globalShortcut: FakeGlobalShortcut;
const shell = { openExternal: vi.fn<Shell['openExternal']>(async () => {}) } satisfies Pick<
  Shell,
  'openExternal'
>;
const sessionCalls: string[] = [];
/** The session Harvest requests go through: its agent, and how many requests it carried. */
const harvestSession = {
  partition: '',
  userAgent: '',
  requests: 0,
  setUserAgent(agent: string) {
    this.userAgent = agent;
  },
  webRequest: { onBeforeSendHeaders: () => undefined },
  fetch(input: string | Request, init?: RequestInit) {
    harvestSession.requests++;
    return fetch(input, init);
  },
} satisfies HarvestSession & { partition: string; userAgent: string; requests: number };

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sheaf-main-'));
  vi.stubEnv('SHEAF_DATA_DIR', dataDir);
  vi.stubEnv('SHEAF_DEMO', '0');
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  vi.stubEnv('HARVEST_ACCESS_TOKEN', '');
  app = new FakeApp(dataDir);
  ipcMain = new FakeIpcMain();
  globalShortcut = new FakeGlobalShortcut();
  FakeBrowserWindow.created = [];
  FakeTray.created = [];
  sessionCalls.length = 0;
  harvestSession.requests = 0;
  shell.openExternal.mockClear();
  electron.current = {
    app,
    ipcMain,
    globalShortcut,
    powerMonitor: new FakePowerMonitor(),
    shell,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    // The template stands in for the built Menu, so the test can read the tray's items.
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]): FakeMenu => template },
    // A path is an image to a Tray (NativeImage | string), so the test can read which icon it shows.
    nativeImage: { createFromPath: (path: string): string => path },
    net: {
      fetch: () => Promise.reject(new Error('Harvest requests go through their own session')),
    } satisfies Pick<Net, 'fetch'>,
    // No keyring in this test: the safeStorage fallback has no encryption, so nothing is written.
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: vi.fn<SafeStorage['encryptString']>(),
      decryptString: vi.fn<SafeStorage['decryptString']>(),
    } satisfies Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
    screen: fakeScreen(),
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => void sessionCalls.push('permission-request'),
        setPermissionCheckHandler: () => void sessionCalls.push('permission-check'),
        webRequest: { onHeadersReceived: () => void sessionCalls.push('csp-header') },
      } satisfies PopoverSession,
      fromPartition: (partition: string): HarvestSession => {
        harvestSession.partition = partition;
        return harvestSession;
      },
    },
  } satisfies ElectronFakes;
  vi.resetModules();
});

afterEach(async () => {
  // Quit so core stops its timers and sandbox before the next test.
  if (app.listenerCount('before-quit') > 0) app.quit();
  await vi.waitFor(() => expect(app.quit.mock.calls.length).toBeGreaterThanOrEqual(1));
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

async function startMain() {
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(FakeTray.created).toHaveLength(1), { timeout: 10_000 });
  const win = FakeBrowserWindow.created[0]!;
  return { win, ours: win.webContents.mainFrame, tray: FakeTray.created[0]! };
}

describe('main process wiring', () => {
  it('a second launch quits at once (the first instance shows its popover instead)', async () => {
    app.locked = false;
    await import('../../../electron/main/index');
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('hides the Dock icon, points Chromium at SHEAF_DATA_DIR and locks down the session', async () => {
    await startMain();
    expect(app.dock.hide).toHaveBeenCalled();
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(sessionCalls).toEqual(['permission-request', 'permission-check', 'csp-header']);
  });

  it('opens the secure popover on our built page and binds every command to it', async () => {
    const { win, ours } = await startMain();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win.options.webPreferences?.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.loadedUrl).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(commandNames.map(channelOf).sort());

    const result = (await ipcMain.invoke(channelOf('getState'), ours)) as { ok: true; value: AppState };
    expect(result.ok).toBe(true);
    expect(result.value.session.status).toBe('signed_out');
    expect(await ipcMain.invoke(channelOf('getState'), fakeFrame('https://evil.example/'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
  });

  it('answers the host commands itself: openHarvest opens Harvest, hidePopover hides', async () => {
    const { win, ours, tray } = await startMain();
    expect(await ipcMain.invoke(channelOf('openHarvest'), ours)).toEqual({ ok: true, value: undefined });
    expect(shell.openExternal).toHaveBeenCalledWith('https://id.getharvest.com/');

    tray.emit('click');
    expect(win.visible).toBe(true);
    await ipcMain.invoke(channelOf('hidePopover'), ours);
    expect(win.visible).toBe(false);

    app.emit('second-instance');
    expect(win.visible).toBe(true);
  });

  // chown to another user needs root; CI runs as root, elsewhere this is skipped.
  it.runIf(process.getuid?.() === 0)(
    "refuses to start on another user's data folder, saying whose it is, and writes nothing there",
    async () => {
      chownSync(dataDir, 65534, 65534);
      await import('../../../electron/main/index');
      await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
      expect(FakeTray.created).toHaveLength(0);
      expect(readdirSync(dataDir)).toEqual([]);
      app.quit(); // Nothing started, so nothing asks to quit; the clean-up waits for one.
    },
  );

  it('claims sheaf:// links, answers scripts on an owner-only socket in the data folder, and follows links', async () => {
    const { win } = await startMain();
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('sheaf');
    const socket = statSync(join(dataDir, 'control', 'control.sock'));
    expect(socket.isSocket() && socket.mode & 0o777).toBe(0o600);
    app.emit('open-url', fakeEvent(), 'sheaf://show');
    await vi.waitFor(() => expect(win.visible).toBe(true));
  });

  it('signing in to the demo pushes snapshots to the popover and the tray follows', async () => {
    const { win, ours, tray } = await startMain();
    expect(tray.image).toBe(join('/opt/sheaf', 'resources', 'tray.png'));
    const result = await ipcMain.invoke(channelOf('signInDemo'), ours);
    expect(result).toEqual({ ok: true, value: undefined });
    const pushed = win.webContents.sent.filter(([channel]) => channel === stateChannel);
    const last = pushed.at(-1)?.[1] as AppState;
    expect(last.session).toMatchObject({ status: 'signed_in', demo: true });
    // Every Harvest request went through the session that says Sheaf's User-Agent, none through plain net.fetch.
    expect(harvestSession.userAgent).toMatch(/^Sheaf \(.+\)$/);
    expect(harvestSession.requests).toBeGreaterThan(0);
    // Signed in now (to the demo's two accounts), so the tray menu offers signing out of them.
    const menu = tray.menu as Array<{ label?: string; enabled?: boolean }>;
    const signOut = menu.find((item) => item.label === 'Sign out of all accounts');
    expect(signOut).toBeDefined();
    expect(signOut?.enabled).not.toBe(false);
  });

  it("the tray's sign-out signs out at once when nothing would be left behind (the demo's changes never ask)", async () => {
    const { win, ours, tray } = await startMain();
    await ipcMain.invoke(channelOf('signInDemo'), ours);
    const menu = tray.menu as Array<{ label?: string; click?: () => void }>;
    menu.find((item) => item.label === 'Sign out of all accounts')?.click?.();
    await vi.waitFor(() => {
      const pushed = win.webContents.sent.filter(([channel]) => channel === stateChannel);
      expect((pushed.at(-1)?.[1] as AppState).session.status).toBe('signed_out');
    });
  });

  it('registers the global shortcuts once started, keeps settings in the data folder, releases keys on quit', async () => {
    const { win } = await startMain();
    await vi.waitFor(() => expect(globalShortcut.registered.size).toBe(2));
    globalShortcut.press('CommandOrControl+Shift+H');
    expect(win.visible).toBe(true);
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
    // Released by core's desktop as it shuts down (the one place that holds them), before the app quits.
    app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(globalShortcut.registered.size).toBe(0));
  });

  it('quitting waits for core to shut down, then quits for real', async () => {
    const { win, tray } = await startMain();
    const event = fakeEvent();
    app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(win.destroyed).toBe(true);
    expect(tray.calls).toContainEqual(['destroy', null]);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('quitting keeps the commands bound until the popover is gone, so a draft saved as the page hides lands', async () => {
    const { win, ours, tray } = await startMain();
    await ipcMain.invoke(channelOf('signInDemo'), ours);
    const options = (await ipcMain.invoke(channelOf('listAssignments'), ours)) as {
      value: Array<{ projectId: number; taskId: number }>;
    };
    const { projectId, taskId } = options.value[0]!;
    await ipcMain.invoke(channelOf('startTimer'), ours, { projectId, taskId });
    const state = (await ipcMain.invoke(channelOf('getState'), ours)) as { value: AppState };
    const entryId = state.value.running!.id;

    // The page as Chromium runs it: hidden (or unloaded), it sends the notes typed into the running timer.
    const saves: unknown[] = [];
    const pageGoesAway = () => {
      if (saves.length > 0) return;
      const notes = { entryId, notes: 'typed just before quitting' };
      saves.push(
        ipcMain.handlers.has(channelOf('updateNotes'))
          ? ipcMain.invoke(channelOf('updateNotes'), ours, notes)
          : 'no handler',
      );
    };
    let boundWhenDestroyed = -1;
    const hide = win.hide.bind(win);
    const destroy = win.destroy.bind(win);
    win.hide = () => {
      hide();
      pageGoesAway();
    };
    win.destroy = () => {
      boundWhenDestroyed = ipcMain.handlers.size;
      pageGoesAway();
      destroy();
    };
    tray.emit('click');
    expect(win.visible).toBe(true);

    app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(saves).toHaveLength(1);
    expect(await saves[0]).toEqual({ ok: true, value: undefined });
    expect(boundWhenDestroyed).toBe(commandNames.length);
    expect(ipcMain.handlers.size).toBe(0);
  });
});
