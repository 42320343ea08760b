// Owns what a host hands the core app (SheafAppOptions) and what it gets back (SheafApp), kept apart from how
// the app is put together so its parts can name them without importing the app itself.
import type { AppState } from '../../../../shared/state';
import type { CommandHandlers, PopoverEvent } from '../../../../shared/ipc';
import type { Desktop, DesktopPorts } from '../desktop/desktop';
import type { SessionOptions } from '../session/options';
import type { CommandInstaller } from '../ports';

export interface SheafAppOptions extends SessionOptions {
  /** Sign in to the built-in demo account when no token is configured (what `npm start` does). */
  autoDemo?: boolean;
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
