// Owns what a host hands the core app (SheafAppOptions) and what it gets back (SheafApp), kept apart from how
// the app is put together so its parts can name them without importing the app itself.
import type { AppState } from '../../../shared/state';
import type { CommandHandlers, PopoverEvent } from '../../../shared/ipc';
import type { Desktop, DesktopPorts } from './desktop';
import type { Clock, CommandInstaller, DemoHarvest, Fetch, SecretStore } from './ports';

export interface SheafAppOptions {
  /** HARVEST_ACCESS_TOKEN + HARVEST_ACCOUNT_ID sign in without the form; HARVEST_API_URL points at another server. */
  env: Record<string, string | undefined>;
  /** Where cache and outbox live (SHEAF_DATA_DIR, or the host's default). */
  dataDir: string;
  /**
   * The host's own data folder when SHEAF_DATA_DIR isn't set: its keychain entry keeps the name every earlier
   * Sheaf used; any other folder has an entry of its own (see keychainEntryFor). Without it, every folder does.
   */
  defaultDataDir?: string;
  secrets: SecretStore;
  /**
   * Opens a web page in the person's browser ("Sign in with Harvest"): Electron's shell.openExternal in the app,
   * the BROWSER convention in the preview. Without one, Sheaf can't offer signing in through the browser.
   */
  openUrl?: (url: string) => void | Promise<void>;
  fetch: Fetch;
  clock?: Clock;
  log?: (line: string) => void;
  /** Log lines may carry what the person wrote (notes): only for debugging (SHEAF_DEBUG=1, CHAOS_DEBUG). */
  debug?: boolean;
  /** The demo Harvest behind "Try the demo"; without it the demo says it isn't available in this host. */
  demo?: DemoHarvest;
  /** Sign in to the built-in demo account when no token is configured (what `npm start` does). */
  autoDemo?: boolean;
  /** Tuning for the Harvest client (tests and the fault-injection suite shorten waits). */
  harvest?: {
    sleep?: (ms: number) => Promise<void>;
    timeoutMs?: number;
    maxRetries?: number;
    random?: () => number;
  };
  /** First retry delay for unsent changes (doubles up to a minute). */
  retryDelayMs?: number;
  /** The computer's IANA time zone, compared with the Harvest profile's (default: the runtime's own). */
  timeZone?: string;
  /** Settings store, idle source, notifications, shortcuts, login items: whatever this host has. */
  desktop?: DesktopPorts;
  /** "Install the sheaf command" in Settings; without one, Settings says this Sheaf has none to install. */
  commandInstaller?: CommandInstaller;
}

/** Commands the platform host answers itself (they touch windows and the browser, not Harvest). */
export type HostCommand = 'openHarvest' | 'hidePopover';

/** The commands core answers: every IPC command but the host's own. */
export type CoreCommands = Omit<CommandHandlers, HostCommand>;

export interface SheafApp {
  commands: CoreCommands;
  getState(): AppState;
  /** The tray's Settings item (`requestSettings`), shortcut start/stop, and an idle/reminder check on demand. */
  desktop: Pick<Desktop, 'requestSettings' | 'toggleByShortcut' | 'check' | 'settings'>;
  subscribe(listener: (state: AppState) => void): () => void;
  /** What the popover is told that isn't state (the tray asked for the settings view). */
  onEvent(listener: (event: PopoverEvent) => void): () => void;
  /** A host's own news for the popover's notices (scripts can't reach Sheaf, and why), said once. */
  tell(message: string): void;
  /**
   * The tray's "Sign out": signs out of every account when nothing would be left behind; otherwise signs no one
   * out, tells the popover to ask (the `askSignOut` event) and answers 'asking', for the host to show it.
   */
  signOutOrAsk(): Promise<'signedOut' | 'asking'>;
  /** Restores the session: environment token first, then the one in the secret store, else signed out. */
  start(): Promise<void>;
  /** Resolves once every queued change has been sent or set aside (tests; a clean quit). */
  whenSynced(): Promise<void>;
  /** Quits: waits up to `waitForSyncMs` (default 2 s) for unsent changes to go, then stops; they stay in the outbox. */
  dispose(options?: { waitForSyncMs?: number }): Promise<void>;
}
