// Owns the interfaces core needs from the outside world; platform/ (Electron) and the Node hosts implement them.
import type { CommandInstalled } from '../../../shared/ipc';
import type { Clock } from '../../../shared/clock';
import type { NotificationKind, Settings } from '../../../shared/settings';

/** Wall clock, injected so tests and the sandbox can move time by hand (shared: the sandbox reads it too). */
export { systemClock, type Clock } from '../../../shared/clock';

/** The fetch signature core uses: global fetch in Node, net.fetch in Electron (honours the system proxy). */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A Harvest of sample data on this computer, for "Try the demo": the hosts pass the sandbox's startSandbox. */
export interface DemoHarvest {
  start(options: { clock: Clock }): Promise<DemoServer>;
}

/** A running demo: where to reach it, the demo account's token and id, and how to stop it. */
export interface DemoServer {
  url: string;
  token: string;
  /** The demo's first account. */
  accountId: string;
  /** Every account the demo person belongs to (an agency and a freelance client), the first one first. */
  accountIds?: string[];
  close(): Promise<void>;
}

/** Where the Harvest token lives: the OS keychain (keytar) or a safeStorage-encrypted file. Never settings. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/** Whether the person is at the computer: seconds since the last input, and the moments the OS tells us about. */
export type IdleEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | 'user-active' | 'shutdown';

export interface IdleSource {
  /** Seconds since the last keyboard or mouse input. */
  idleSeconds(): number;
  /** Returns the unsubscribe. */
  on(listener: (event: IdleEvent) => void): () => void;
}

/** A button on a notification, where the OS offers them; `id` comes back to `onAction`. */
export interface NotificationAction {
  id: string;
  label: string;
}

/** Buttons that answer a notification without opening Sheaf. */
export interface NotificationAnswers {
  actions: readonly NotificationAction[];
  onAction(id: string): void;
}

/**
 * Desktop notifications; `onClick` runs when the person clicks one (the host opens the popover). Where the OS
 * shows buttons (macOS, Windows) `answers` adds them; where it doesn't (most Linux desktops) they are left off,
 * and the click still opens the popover at the question.
 */
export interface Notifier {
  show(
    kind: NotificationKind,
    title: string,
    body: string,
    onClick?: () => void,
    answers?: NotificationAnswers,
  ): void;
}

/** Global keyboard shortcuts: `taken` when another app already holds the accelerator. */
export interface Shortcuts {
  /** `description` says what the shortcut does, where the desktop lists it (the GlobalShortcuts portal). */
  register(
    accelerator: string,
    run: () => void,
    description?: string,
  ): 'ok' | 'taken' | 'invalid' | 'unsupported';
  unregisterAll(): void;
  /**
   * Where the desktop binds the keys itself, after asking the person (the GlobalShortcuts portal): told what it
   * bound, or that it didn't. Returns the unsubscribe. Absent where registering settles it (globalShortcut).
   */
  onBound?(listener: (outcome: ShortcutsBound) => void): () => void;
}

/** What the desktop bound: the keys it gives each accelerator asked for ("" when none yet), or its refusal. */
export type ShortcutsBound = { bound: Array<{ accelerator: string; trigger: string }> } | { refused: string };

/**
 * The desktop's own keyboard settings, where apps can't hold global shortcuts but the desktop runs a command on
 * keys (GNOME's custom keybindings): Sheaf's shortcuts are added there, running the `sheaf` command.
 */
export interface DesktopKeybindings {
  /** The desktop's name, as Settings says it ("GNOME"). */
  desktop: string;
  /** Writes each shortcut (`run`: the sheaf command's verb) and answers what was added. */
  add(
    shortcuts: Array<{ name: string; accelerator: string; run: 'toggle' | 'show' }>,
  ): Promise<Array<{ name: string; accelerator: string; command: string }>>;
}

/** Where settings are kept (electron-store in Electron, conf in the Node hosts), checked against the schema. */
export interface SettingsStore {
  read(): { settings: Settings; problem: string | null };
  write(settings: Settings): void;
  /** Where the settings are saved, for the message when they can't be (a full or read-only disk). */
  file?: string;
}

/** Starting Sheaf when the person logs in. */
export interface LoginItems {
  readonly supported: boolean;
  set(openAtLogin: boolean): Promise<void>;
}

/**
 * Puts the `sheaf` command where a terminal finds it: a link in ~/.local/bin or /usr/local/bin, or the folder on
 * the user's PATH on Windows. A host that has no command to offer passes none.
 */
export interface CommandInstaller {
  install(where: 'user' | 'system'): Promise<CommandInstalled>;
}
