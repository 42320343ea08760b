// Owns starting Sheaf inside Electron, wiring only: platform adapters in, the core app built, tray + popover up,
// IPC bound. Everything with behaviour lives in ./platform, ./ipc and ./core.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import ElectronStore from 'electron-store';
import type { CommandHandlers, CommandName } from '../../shared/ipc';
import { createSheafApp, type SheafApp, type SheafAppOptions } from './core/app';
import type { CommandInstaller } from './core/ports';
import type { DesktopPorts } from './core/desktop/desktop';
import { startDemo } from '../sandbox/demo';
import { DEFAULT_USER_AGENT } from './core/harvest/client';
import { createHarvestFetch } from './platform/harvest-fetch';
import { dispatch } from './dispatch';
import { pushTo, registerIpc, type PopoverPage } from './ipc';
import { chooseShortcuts } from './adapters/linux/choose-shortcuts';
import { openDesktopKeybindings } from './adapters/linux/desktop-keybindings';
import { bindingProblem } from './adapters/linux/portal-shortcuts';
import { openSystemIdle } from './adapters/linux/system-idle';
import { quietly, sessionBus } from './adapters/linux/dbus';
import { adviseWithoutTrayHost } from './adapters/linux/tray-host';
import { requestAutostartOnSessionBus } from './adapters/linux/background-portal';
import { createPowerMonitorIdleSource } from './platform/idle-source';
import { receiveLinks, type LinkInbox } from './platform/links';
import { createLoginItems } from './platform/login-items';
import { createNotifier } from './platform/notifier';
import { createPopover, type Popover } from './platform/popover';
import { createSettingsStore } from './adapters/settings-store';
import { createCommandInstaller } from './adapters/command-link';
import { createShortcuts } from './platform/shortcuts';
import { createSecretStore } from './platform/secret-store';
import { bindTray, createTrayService, type TrayService } from './platform/tray';
import { hardenSession } from './platform/window-security';
import { startControl } from '../control/server';
import { openDataFolder } from './core/storage/data-folder';

const harvestUrl = 'https://id.getharvest.com/';
const here = dirname(fileURLToPath(import.meta.url));
// The token never reaches a log line: core and the adapters log events, not values.
const log = (line: string) => console.log(`[sheaf] ${line}`);

// Tests and the demo point SHEAF_DATA_DIR somewhere disposable; Chromium's own files follow it there. The
// default folder is noted first: its keychain entry keeps the name earlier Sheafs used.
const defaultDataDir = app.getPath('userData');
if (process.env.SHEAF_DATA_DIR) app.setPath('userData', process.env.SHEAF_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // sheaf:// links: the scheme is registered now, and links that come before Sheaf is ready wait for it.
  const links = receiveLinks({
    app,
    argv: process.argv,
    defaultApp: process.defaultApp ?? false,
    execPath: process.execPath,
    log,
  });
  app.dock?.hide();
  // A tray app lives on with no window open.
  app.on('window-all-closed', () => {});
  app
    .whenReady()
    .then(() => start(links))
    .catch((err: unknown) => {
      log(`could not start: ${err instanceof Error ? err.stack : String(err)}`);
      app.exit(1);
    });
}

async function start(links: LinkInbox): Promise<void> {
  const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
  const url = devServerUrl ?? pathToFileURL(join(here, '../renderer/index.html')).href;
  hardenSession(session.defaultSession, { cspHeader: !devServerUrl });

  const dataDir = process.env.SHEAF_DATA_DIR ?? app.getPath('userData');
  // Before anything is read or written there: another user's folder is refused for everything, and said so.
  await openDataFolder(dataDir).catch((err: unknown) => {
    notify(err instanceof Error ? err.message : String(err));
    throw err;
  });
  // `npm start` opens straight into the demo; a packaged app asks first. SHEAF_DEMO=1/0 overrides either way.
  const autoDemo = process.env.SHEAF_DEMO ? process.env.SHEAF_DEMO === '1' : !app.isPackaged;
  const secrets = await createSecretStore({ dataDir, safeStorage, warn: notify, log, demo: autoDemo });
  // Core's notices and a refused sheaf:// link both speak through it.
  const notifier = createNotifier(Notification);
  const sheaf = createSheafApp({
    env: harvestEnvironment(),
    dataDir,
    defaultDataDir,
    secrets,
    // A session of its own, so Harvest always hears `Sheaf (<contact>)` whatever Chromium would send.
    fetch: createHarvestFetch(session.fromPartition('sheaf-harvest'), DEFAULT_USER_AGENT),
    log,
    debug: process.env.SHEAF_DEBUG === '1',
    // "Try the demo" runs the sandbox Harvest inside this process, on loopback.
    demo: { start: startDemo },
    // Harvest ID's sign-in page opens in the person's own browser, never in a Sheaf window (RFC 8252 §8.12).
    openUrl: (url) => shell.openExternal(url),
    autoDemo,
    commandInstaller: sheafCommandInstaller(),
    // Shown only after start (shortcuts, notification clicks), when the popover and tray below exist.
    desktop: await desktopPorts(dataDir, notifier, {
      show: () => popover.show(tray.bounds()),
      toggle: () => popover.toggle(tray.bounds()),
    }),
  });

  const popover = createPopover({
    BrowserWindow,
    screen,
    shell,
    platform: process.platform,
    preload: join(here, '../preload/index.cjs'),
    url,
  });
  const handlers: CommandHandlers = {
    ...sheaf.commands,
    openHarvest: () => shell.openExternal(harvestUrl),
    hidePopover: () => popover.hide(),
  };
  const page: PopoverPage = {
    webContents: () => (popover.window.isDestroyed() ? null : popover.window.webContents),
    url,
  };
  const unregisterIpc = registerIpc(ipcMain, handlers, page, log);
  const stopPushing = pushTo(page, sheaf);

  // The `sheaf` command's socket in the data folder; links follow the same path once the session is restored.
  // Listening before the tray exists is safe: nothing is answered until this function has run to its end.
  const showPopover = () => popover.show(tray.bounds());
  const control = await startControl({ dataDir, handlers, showPopover, notifier, log });
  if (control.problem) sheaf.tell(control.problem);

  const tray = openTray(handlers, sheaf, popover, showPopover);
  const unbindTray = bindTray({
    service: tray,
    platform: process.platform,
    getState: sheaf.getState,
    subscribe: sheaf.subscribe,
  });

  // A Linux desktop without a tray host (stock GNOME) would hide the icon: said once, with the fix. Launching
  // again (second-instance) and `sheaf show` open the popover meanwhile.
  if (process.platform === 'linux') {
    const bus = quietly(() => sessionBus());
    void adviseWithoutTrayHost({ bus, env: process.env, dataDir, tell: notify }).finally(() =>
      bus?.disconnect(),
    );
  }

  quitAfterFlush({ sheaf, control, popover, tray, undo: [unbindTray, stopPushing], unregisterIpc });

  // A failed restore (offline, revoked token) is shown in AppState by core; the tray and popover stay up.
  const restored = sheaf
    .start()
    .catch((err: unknown) => log(`start: ${err instanceof Error ? err.message : String(err)}`));
  // A link that launched Sheaf starts its timer in the restored session, not before it is signed in.
  links.deliverTo({
    openLink: (link) => void restored.then(() => control.openLink(link)),
    show: showPopover,
  });
}

/** What core reads of the environment: a token and account to sign in with, where Harvest and Harvest ID are. */
function harvestEnvironment(): SheafAppOptions['env'] {
  return {
    HARVEST_ACCESS_TOKEN: process.env.HARVEST_ACCESS_TOKEN,
    HARVEST_ACCOUNT_ID: process.env.HARVEST_ACCOUNT_ID,
    HARVEST_API_URL: process.env.HARVEST_API_URL,
    HARVEST_ID_URL: process.env.HARVEST_ID_URL,
    SHEAF_OAUTH_CLIENT_ID: process.env.SHEAF_OAUTH_CLIENT_ID,
    SHEAF_OAUTH_CLIENT_SECRET: process.env.SHEAF_OAUTH_CLIENT_SECRET,
    SHEAF_OAUTH_REDIRECT_PORT: process.env.SHEAF_OAUTH_REDIRECT_PORT,
  };
}

/** The `sheaf` command's installer: the packaged launcher (electron-builder.yml), else the checkout's bin. */
function sheafCommandInstaller(): CommandInstaller {
  return createCommandInstaller({
    launcher: app.isPackaged
      ? join(process.resourcesPath, 'bin', process.platform === 'win32' ? 'sheaf.cmd' : 'sheaf')
      : join(app.getAppPath(), 'scripts', 'sheaf.mjs'),
    home: homedir(),
    platform: process.platform,
    path: process.env.PATH,
    appImage: process.env.APPIMAGE,
  });
}

/** The desktop's ports: settings on disk, idle, notifications, global shortcuts, the login item, the popover. */
async function desktopPorts(
  dataDir: string,
  notifier: ReturnType<typeof createNotifier>,
  popoverAt: { show(): void; toggle(): void },
): Promise<DesktopPorts> {
  return {
    settingsStore: createSettingsStore({ dir: dataDir, open: (options) => new ElectronStore(options) }),
    // On Linux the desktop's own services over D-Bus (Wayland included), powerMonitor for what they don't say.
    idle: (
      await openSystemIdle({
        platform: process.platform,
        fallback: createPowerMonitorIdleSource(powerMonitor),
        log,
      })
    ).source,
    notifier,
    // Wayland: the GlobalShortcuts portal where one answers; X11 and other systems: Electron's globalShortcut.
    shortcuts: (
      await chooseShortcuts({
        platform: process.platform,
        env: process.env,
        globalShortcut: createShortcuts(globalShortcut),
        onBound: (outcome) => {
          if ('bound' in outcome)
            log(
              `shortcuts bound: ${outcome.bound.map((b) => `${b.accelerator} as ${b.trigger}`).join(', ')}`,
            );
          const problem = bindingProblem(outcome);
          if (problem) notify(problem);
        },
        log,
      })
    ).shortcuts,
    // Where no portal answers, Settings offers GNOME's own keybindings running the sheaf command.
    keybindings: openDesktopKeybindings({ platform: process.platform, env: process.env }),
    platform: process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux',
    loginItems: createLoginItems({
      platform: process.platform,
      app,
      env: process.env,
      home: homedir(),
      execPath: process.execPath,
      requestAutostart: requestAutostartOnSessionBus,
    }),
    showPopover: popoverAt.show,
    togglePopover: popoverAt.toggle,
  };
}

/** The tray icon and its menu; menu clicks go through dispatch like the popover's commands. */
function openTray(
  handlers: CommandHandlers,
  sheaf: SheafApp,
  popover: Popover,
  showPopover: () => void,
): TrayService {
  // A failure is logged, never unhandled.
  const run = (name: CommandName) => void dispatch(handlers, name, undefined, log);
  return createTrayService({
    platform: process.platform,
    resourcesDir: join(app.getAppPath(), 'resources'),
    createTray: (image) => new Tray(image),
    loadImage: (path) => nativeImage.createFromPath(path),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    onClick: (bounds) => popover.toggle(bounds),
    actions: {
      toggleTimer: () => run('toggleTimer'),
      startTimer: (projectId, taskId) => void dispatch(handlers, 'startTimer', { projectId, taskId }, log),
      switchAccount: (accountId) => void dispatch(handlers, 'switchAccount', { accountId }, log),
      openSettings: () => sheaf.desktop.requestSettings(),
      showPopover,
      openHarvest: () => run('openHarvest'),
      // Changes waiting or a timer running: the popover opens at the question instead of signing out blindly.
      signOut: () =>
        void sheaf
          .signOutOrAsk()
          .then((done) => done === 'asking' && showPopover())
          .catch((err: unknown) => log(`sign out: ${err instanceof Error ? err.message : String(err)}`)),
      quit: () => app.quit(),
    },
  });
}

/** Quitting waits for core to flush its outbox, then takes the tray, popover and IPC down and quits for real. */
function quitAfterFlush(parts: {
  sheaf: SheafApp;
  control: { close(): Promise<void> };
  popover: Popover;
  tray: TrayService;
  undo: (() => void)[];
  unregisterIpc: () => void;
}): void {
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    // Let core flush its outbox before the process goes; then quit for real.
    event.preventDefault();
    stopped = true;
    void parts.control.close();
    for (const stop of parts.undo) stop();
    // Hidden, the page saves what is still typed (running notes on visibilitychange / blur / pagehide). Its
    // commands stay bound until the window is gone, so those saves reach core before it flushes the outbox.
    parts.popover.hide();
    void parts.sheaf
      .dispose()
      .catch((err: unknown) => log(`shutdown: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        parts.tray.destroy();
        parts.popover.window.destroy();
        parts.unregisterIpc();
        app.quit();
      });
  });
}

function notify(message: string): void {
  log(message);
  if (Notification.isSupported()) new Notification({ title: 'Sheaf', body: message }).show();
}
