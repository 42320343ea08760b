// Owns the whole Sheaf app as the hosts see it (SheafAppOptions in, SheafApp out): the session and the desktop put
// together behind the IPC command handlers, and the snapshots of their state pushed to whoever subscribes.
import type { WeekStartDay } from '../../../../shared/calendar';
import type { PopoverEvent } from '../../../../shared/ipc';
import type { AccountPrefs, AppState } from '../../../../shared/state';
import type { SessionOptions } from '../session/options';
import { weekStartFor } from '../account/account-profile';
import { createCommands, type CoreCommands } from './commands';
import { createDesktop, type Desktop, type DesktopPorts } from '../desktop/desktop';
import { memorySettingsStore, SettingsService } from '../desktop/settings';
import { Heartbeat } from '../base/heartbeat';
import { Notices } from '../base/notices';
import { systemClock, type CommandInstaller } from '../ports';
import { SessionService } from '../session/session';
import { buildAppState } from './snapshot';
import { accountSummaries, makingRoom, toggleMakingRoom } from '../session/across-accounts';
import { SignOutQuestionError } from '../session/sign-out';

export type { CoreCommands, HostCommand } from './commands';

export interface SheafAppOptions extends SessionOptions {
  /** Sign in to the built-in demo account when no token is configured (what `npm start` does). */
  autoDemo?: boolean;
  /** Settings store, idle source, notifications, shortcuts, login items: whatever this host has. */
  desktop?: DesktopPorts;
  /** "Install the sheaf command" in Settings; without one, Settings says this Sheaf has none to install. */
  commandInstaller?: CommandInstaller;
}

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

/**
 * Puts the app together in order, each part from the ones before it: the notices, the beat and the settings;
 * the session (with its schedule); the desktop; the commands. A part that changes says so through `emit`, which
 * publishes a snapshot to whoever subscribed once everything is built.
 */
export function createSheafApp(o: SheafAppOptions): SheafApp {
  const clock = o.clock ?? systemClock;
  const listeners = new Set<(s: AppState) => void>();
  const eventListeners = new Set<(e: PopoverEvent) => void>();
  const changed = new Set<() => void>();
  const emit = () => {
    for (const publish of changed) publish();
  };
  const tellPopover = (event: PopoverEvent) => {
    for (const listener of eventListeners) listener(event);
  };
  const notices = new Notices();
  // One wake-up a minute for everything periodic: the idle and reminder check, and the refresh.
  const heartbeat = new Heartbeat();
  const settings = new SettingsService(o.desktop?.settingsStore ?? memorySettingsStore());
  /** The company's week start, or the person's choice in Settings when Sheaf can't read the company's. */
  const weekStartOf = (prefs: AccountPrefs): WeekStartDay => weekStartFor(prefs, settings.get().weekStartDay);

  const session = new SessionService(o, { notices, weekStartFor: weekStartOf, heartbeat, emit });
  const weekStart = () => weekStartOf(session.prefs);
  /** A member changed the week start in Settings: the timer and reports follow. */
  const followWeekStart = () => {
    const day = weekStart();
    const timesheet = session.accountData?.timesheet;
    if (timesheet && timesheet.weekStartDay !== day) timesheet.useWeekStartDay(day);
  };
  const withRoom = roomIn(session, settings, notices, emit);

  const desktop = createDesktop(o.desktop ?? {}, {
    clock,
    settings,
    heartbeat,
    // Time away is asked about the timer that runs, in whichever account.
    timer: () =>
      session.signedInTimesheets().find((t) => t.running() !== null) ?? session.signedInTimesheet(),
    prefs: () => session.prefs,
    toggleTimer: async () => toggleMakingRoom(session.requireAccountData().timesheet, withRoom),
    onChange: () => {
      followWeekStart();
      emit();
    },
    tellPopover,
    tell: (message) => {
      notices.tell(message);
      emit();
    },
    log: o.log,
  });
  // The notices' one owner lists and dismisses those the desktop and the open account's timesheet keep too.
  notices.include(() => desktop, 'first');
  notices.include(() => session.accountData?.timesheet ?? null, 'last');

  const build = () => stateOf({ session, desktop, notices, weekStartDay: weekStart() });
  let snapshot: AppState | null = null;
  const getState = () => snapshot ?? build();
  changed.add(() => {
    snapshot = build();
    for (const listener of listeners) listener(snapshot);
    session.schedule.stateChanged();
  });

  const commands = createCommands({
    session,
    withRoom,
    schedule: session.schedule,
    desktop,
    notices,
    getState,
    emit,
    commandInstaller: o.commandInstaller,
    openUrl: o.openUrl,
  });

  return {
    commands,
    getState,
    desktop,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    tell(message) {
      notices.tellOnce(message);
      emit();
    },
    async signOutOrAsk() {
      try {
        await commands.signOut({});
        return 'signedOut';
      } catch (err) {
        if (!(err instanceof SignOutQuestionError)) throw err;
        tellPopover({ type: 'askSignOut' });
        return 'asking';
      }
    },
    async start() {
      desktop.start();
      await session.start(o.autoDemo ?? false);
    },
    whenSynced: async () => {
      await session.accountData?.timesheet.whenIdle();
    },
    async dispose({ waitForSyncMs = 2000 } = {}) {
      desktop.dispose();
      heartbeat.dispose();
      await session.dispose(waitForSyncMs);
      listeners.clear();
      eventListeners.clear();
    },
  };
}

/** Making room for a start: the other accounts' running timers, handled as the person chose in Settings. */
function roomIn(session: SessionService, settings: SettingsService, notices: Notices, emit: () => void) {
  return makingRoom({
    accounts: () => session.all(),
    shownId: () => session.activeAccountId,
    setting: () => settings.get().otherAccountTimer,
    tell: (problems) => {
      for (const problem of problems) notices.tell(problem);
      emit();
    },
  });
}

/** The app as it is now, for the popover and tray: the shown account's view worked out once for all of it. */
function stateOf({
  session,
  desktop,
  notices,
  weekStartDay,
}: {
  session: SessionService;
  desktop: Pick<Desktop, 'state' | 'focus'>;
  notices: Notices;
  weekStartDay: WeekStartDay;
}): AppState {
  const data = session.accountData;
  const view = data?.timesheet.view() ?? null;
  return buildAppState({
    session: session.state,
    prefs: session.prefs,
    weekStartDay,
    timer: view,
    favourites: data?.favourites.list() ?? [],
    notices: notices.list(),
    desktop: desktop.state(),
    focus: desktop.focus(),
    accounts: accountSummaries(session.all(), { accountId: session.activeAccountId, view }),
    activeAccountId: session.activeAccountId,
    harvestSignIn: session.harvestSignIn,
    accountChoice: session.accountChoice,
  });
}
