// Owns the browser preview host: Sheaf's real core in plain Node, the built renderer and the bridge on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import type { CommandHandlers } from '../../shared/ipc';
import type { AppState } from '../../shared/state';
import { createSheafApp, type SheafApp } from '../main/core/app';
import { startDemo } from '../sandbox/demo';
import { openBrowser } from './open-browser';
import {
  systemClock,
  type Clock,
  type IdleSource,
  type Notifier,
  type SecretStore,
} from '../main/core/ports';
import { createSimulatedIdleSource, type SimulatedIdleSource } from '../main/adapters/simulated-idle';
import { createSettingsStore } from '../main/adapters/settings-store';
import { createCommandInstaller } from '../main/adapters/command-link';
import { openSystemIdle } from '../main/adapters/linux/system-idle';
import { openDesktopKeybindings } from '../main/adapters/linux/desktop-keybindings';
import { createBridge } from './bridge-socket';
import { defaultPreviewDataDir } from '../control/protocol';
import { startControl } from '../control/server';
import { openDataFolder } from '../main/core/storage/data-folder';
import { choosePreviewSecretStore } from './secrets';
import { createStaticHandler, sendText, setSecurityHeaders } from './static-files';

export interface WebHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: anything else is refused, the key is the only lock on the door. */
  host?: '127.0.0.1';
  rendererDir?: string;
  env?: Record<string, string | undefined>;
  /** Overrides SHEAF_DATA_DIR and the default folder. */
  dataDir?: string;
  clock?: Clock;
  log?: (line: string) => void;
  /** Where the token is kept; by default the OS keychain when one answers, else memory. */
  secrets?: SecretStore;
  /** Gives the host a hand-steered idle source (`WebHost.idle`) instead of "never idle" (tests, --simulate-idle). */
  simulateIdle?: boolean;
  /**
   * Reads idle, lock and sleep from this computer (`--idle system`): on Linux the desktop's services over the
   * D-Bus session bus named by `env.DBUS_SESSION_BUS_ADDRESS`, the same adapters the desktop app uses.
   */
  systemIdle?: boolean;
}

export interface WebHost {
  /** The page to open, including the per-run key. */
  url: string;
  port: number;
  /** With `simulateIdle`: the person leaves (`away(minutes)`, checked at once), comes back, sleeps, locks. */
  idle?: Pick<SimulatedIdleSource, 'away' | 'back' | 'emit'>;
  /** Where the `sheaf` command reaches this host (null when it could not listen; the log says why). */
  controlSocket: string | null;
  /** Runs the idle and reminder check now, as the minute's heartbeat does (tests of `systemIdle`). */
  checkNow(): void;
  /** The snapshot the tab is shown (its notices, say), for a test that can't reach the socket. */
  state(): AppState;
  close(): Promise<void>;
}

/** The app icon electron-builder packages (resources/icon.png); the preview runs from source, so it is there. */
const appIcon = fileURLToPath(new URL('../../resources/icon.png', import.meta.url));

export { defaultPreviewDataDir };

export async function startWebHost(options: WebHostOptions = {}): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The Sheaf preview only listens on 127.0.0.1.');
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.error(line));
  const dataDir = options.dataDir ?? env.SHEAF_DATA_DIR ?? defaultPreviewDataDir(env);
  // Before anything is read or written there: another user's folder is refused for everything.
  await openDataFolder(dataDir);
  // The demo's token is the sandbox's own and means nothing elsewhere: where it is kept is no news in demo mode.
  const demo = env.SHEAF_DEMO === '1';
  const secrets = options.secrets ?? (await choosePreviewSecretStore(demo ? () => {} : log));

  // A browser tab has no tray to pop notifications from; the log shows what the app would have shown.
  const notifier: Notifier = {
    show: (kind, title, body) => log(`preview notification (${kind}): ${title} — ${body}`),
  };
  const idle = options.simulateIdle ? createSimulatedIdleSource(options.clock ?? systemClock) : undefined;
  // No powerMonitor outside Electron: what the desktop doesn't say over D-Bus stays "never idle".
  const system = options.systemIdle
    ? await openSystemIdle({
        platform: process.platform,
        fallback: null,
        sessionAddress: env.DBUS_SESSION_BUS_ADDRESS,
        log,
      })
    : null;
  const app = previewApp({
    env,
    dataDir,
    secrets,
    clock: options.clock,
    log,
    notifier,
    idle: idle ?? system?.source,
  });
  const handlers = previewHandlers(app, log);
  // `sheaf status`, `sheaf start …` and `sheaf open 'sheaf://…'` reach this host over a socket in the data folder.
  const control = await startControl({
    dataDir,
    handlers,
    // A browser tab can't be brought forward from here; the person switches to it.
    showPopover: () => log(`Sheaf preview: asked to show the popover; it is the tab at ${origin}/`),
    notifier,
    log,
  });
  if (control.problem) app.tell(control.problem);

  const key = randomBytes(32).toString('base64url');
  let origin = '';
  let expectedHost = '';
  const serveFile = createStaticHandler(options.rendererDir ?? 'out/renderer', {
    // Browsers ask every page load for /favicon.ico; a 404 there is a console error on each one. The renderer
    // build has no icon of its own, so the preview answers with the app's.
    fallbacks: { '/favicon.ico': appIcon },
  });
  const bridge = createBridge({
    key,
    origin: () => origin,
    handlers,
    getState: () => app.getState(),
    subscribe: (listener) => app.subscribe(listener),
    onEvent: (listener) => app.onEvent(listener),
    log,
  });

  const server = createServer((req, res) => {
    setSecurityHeaders(res, req.socket.localPort ?? 0);
    // Refuse other Host names so a DNS-rebound site can't pose as this origin.
    if (req.headers.host !== expectedHost) {
      sendText(res, 421, 'Misdirected request');
      return;
    }
    const { pathname } = new URL(req.url ?? '/', origin);
    serveFile(req, res, pathname).catch((err: unknown) => {
      log(`preview: serving ${pathname} failed: ${String(err)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => bridge.handleUpgrade(req, socket, head));
  server.on('clientError', (_err, socket) => socket.destroy());

  try {
    await listen(server, options.port ?? 0, host);
  } catch (err) {
    await control.close();
    await bridge.close();
    await app.dispose();
    system?.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  expectedHost = `${host}:${port}`;
  origin = `http://${expectedHost}`;
  // Restoring the session may wait on Harvest; the page connects meanwhile and follows along in state pushes.
  app.start().catch((err: unknown) => log(`preview: restoring the session failed: ${String(err)}`));

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?key=${key}`,
    port,
    controlSocket: control.path,
    state: () => app.getState(),
    checkNow: () => app.desktop.check(),
    ...(idle ? { idle: steered(idle, app) } : {}),
    close() {
      closing ??= (async () => {
        await control.close();
        await bridge.close();
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await app.dispose();
        system?.close();
      })();
      return closing;
    },
  };
}

/** Sheaf's core as the preview runs it: real Harvest or the demo, settings in the data folder, no tray. */
function previewApp({
  env,
  dataDir,
  secrets,
  clock,
  log,
  notifier,
  idle,
}: {
  env: Record<string, string | undefined>;
  dataDir: string;
  secrets: SecretStore;
  clock: Clock | undefined;
  log: (line: string) => void;
  notifier: Notifier;
  idle: IdleSource | undefined;
}): SheafApp {
  return createSheafApp({
    env,
    dataDir,
    // No defaultDataDir: even the preview's default folder has a keychain entry of its own, so the preview and
    // the desktop app (both Sheaf in the keychain) never write over each other's accounts.
    secrets,
    fetch: globalThis.fetch,
    clock,
    log,
    debug: env.SHEAF_DEBUG === '1',
    demo: { start: startDemo },
    // Harvest ID's pages open in the person's browser the way the preview itself does (BROWSER, else the OS).
    openUrl: (url) => void openBrowser(url, { env }),
    // As in the desktop app: SHEAF_DEMO=1 opens straight into the demo when no token is configured
    // (`npm start` sets it when it falls back to the preview); otherwise the sign-in form offers it.
    autoDemo: env.SHEAF_DEMO === '1',
    // Settings' "Install the sheaf command" links this checkout's bin, as `npm link` would.
    commandInstaller: createCommandInstaller({
      launcher: fileURLToPath(new URL('../../scripts/sheaf.mjs', import.meta.url)),
      home: env.HOME ?? homedir(),
      platform: process.platform,
      path: env.PATH,
    }),
    desktop: {
      // Settings live in the data folder like the app's; shortcuts and login items stay with the desktop app.
      settingsStore: createSettingsStore({ dir: dataDir, open: (o) => new Conf(o) }),
      idle,
      notifier,
      // A tab can't hold global shortcuts, but on GNOME the desktop can run the sheaf command on keys for it.
      keybindings: openDesktopKeybindings({ platform: process.platform, env }),
    },
  });
}

/** Resolves once the server listens; a port in use (or refused) rejects. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ready();
    });
  });
}

/** The hand-steered idle source, checked at once when the person "leaves". */
function steered(idle: SimulatedIdleSource, app: SheafApp): NonNullable<WebHost['idle']> {
  return {
    away(minutes: number) {
      idle.away(minutes);
      app.desktop.check();
    },
    back: () => idle.back(),
    emit: (event) => idle.emit(event),
  };
}

/** The app's commands, and the host's two as a browser tab can answer them. */
function previewHandlers(app: SheafApp, log: (line: string) => void): CommandHandlers {
  return {
    ...app.commands,
    // A browser tab can't open another app; the person can follow the link from the log.
    openHarvest: () => log('Sheaf preview: open Harvest at https://id.getharvest.com/'),
    // There is no popover window to hide in a browser tab.
    hidePopover: () => {},
  };
}
