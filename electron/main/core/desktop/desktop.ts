// Owns Sheaf's desktop side as core sees it, put together from small services: the person's settings, the
// global shortcuts, launch at login, the question about time away, the focus session and the reminders with
// their snooze, all notifying through one function. Each service owns what it holds; the desktop's lifetime
// ends them all (shortcuts released by GlobalShortcuts alone).
import type {
  IdleAnswer,
  Settings,
  SettingsUpdate,
  SettingsView,
  SnoozeFor,
} from '../../../../shared/settings';
import type { PopoverEvent } from '../../../../shared/ipc';
import type { AccountPrefs, DesktopView, FocusView } from '../../../../shared/state';
import type { Heartbeat } from '../base/heartbeat';
import { DisposableStore, type Disposable } from '../base/lifecycle';
import type {
  DesktopKeybindings,
  IdleSource,
  LoginItems,
  Notifier,
  NotificationAnswers,
  Clock,
  Shortcuts,
  SettingsStore,
} from '../ports';
import type { Timesheet } from '../timesheet';
import { AwayQuestion } from './away-question';
import { FocusSession } from './focus-session';
import { GlobalShortcuts, toggleSaying } from './global-shortcuts';
import { LaunchAtLogin } from './login-item';
import { notifyWith } from './notifications';
import { isSnooze, Reminders, snoozeChoices } from './reminders';
import type { SettingsService } from './settings';

/** What a host plugs in; anything missing behaves as "not available here" and says so. */
export interface DesktopPorts {
  /** Where the settings are kept; the app reads it into the SettingsService it hands the desktop. */
  settingsStore?: SettingsStore;
  idle?: IdleSource;
  notifier?: Notifier;
  shortcuts?: Shortcuts;
  /** The desktop's own keyboard settings, offered where apps can't hold global shortcuts (GNOME on Wayland). */
  keybindings?: DesktopKeybindings;
  loginItems?: LoginItems;
  /** Opens the popover (a notification was clicked). */
  showPopover?: () => void;
  /** Shows or hides the popover (its global shortcut). */
  togglePopover?: () => void;
  /** The OS the global shortcuts are registered with, so Settings writes them its way. */
  platform?: SettingsView['platform'];
}

export interface DesktopDeps {
  clock: Clock;
  /** The person's settings, read by the app too (the week start, a timer in another account). */
  settings: SettingsService;
  /** The signed-in person's timer, or null when signed out. */
  timer(): Timesheet | null;
  prefs(): AccountPrefs;
  toggleTimer(): Promise<void>;
  onChange(): void;
  /** The beat the idle and reminder check keeps time by (once a minute), shared with the refresh. */
  heartbeat: Heartbeat;
  /** Tells the popover something happened that isn't state (the tray asked for the settings view). */
  tellPopover(event: PopoverEvent): void;
  /** Adds a notice to the popover's list (a timer stopped when the computer went to sleep). */
  tell?(message: string): void;
  log?: (line: string) => void;
}

/** The slice of AppState this module fills. */
export type DesktopState = DesktopView;

const neverIdle: IdleSource = { idleSeconds: () => 0, on: () => () => {} };

/** What the desktop answers of the IPC commands: settings, the idle answer, snooze and the focus session. */
export interface DesktopControls {
  getSettings(): SettingsView;
  updateSettings(update: SettingsUpdate): Promise<SettingsView>;
  addDesktopKeybindings(): Promise<SettingsView>;
  answerIdle(answer: IdleAnswer): Promise<void>;
  snoozeReminder(input: { for: SnoozeFor }): void;
  startFocus(): void;
  stopFocus(): void;
  skipFocusPhase(): Promise<void>;
}

export interface Desktop {
  state(): DesktopState;
  /** The focus session's slice of the snapshot. */
  focus(): FocusView;
  /** Things to tell the person when Sheaf starts (a damaged settings file set aside). */
  notices(): string[];
  /**
   * The person dismissed the notices: the damaged-settings one is seen, so the settings view drops it too.
   * (Not on opening the settings view: a view opened twice at once, as React's dev mode does, would lose it.)
   */
  dismissNotices(): void;
  settings(): Settings;
  controls: DesktopControls;
  /** The tray's Settings item: the popover opens on the settings view. */
  requestSettings(): void;
  /** Runs a check now (tests; the heartbeat does it every minute). */
  check(): void;
  /** Start/stop by the global shortcut, saying what happened in a notification. */
  toggleByShortcut(): Promise<void>;
  /** Holds the shortcuts, re-asserts launch at login and starts the minute check. */
  start(): void;
  /** Stops the poll and the listeners and releases the shortcuts; nothing of the desktop runs afterwards. */
  dispose(): void;
}

/** What the popover's snapshot carries of the desktop: the open question, and the settings it draws with. */
function desktopState(s: Settings, idleQuestion: DesktopState['idleQuestion']): DesktopState {
  return {
    idleQuestion,
    theme: s.theme,
    trayTitle: s.trayTitle,
    focusEnabled: s.focus.enabled,
    hoursLead: s.hoursLead,
  };
}

export function createDesktop(ports: DesktopPorts, deps: DesktopDeps): Desktop {
  const lifetime = new DisposableStore();
  const settings = deps.settings;
  const source = ports.idle ?? neverIdle;
  const notify = notifyWith(ports.notifier, () => settings.get(), ports.showPopover);
  const running = () => deps.timer()?.running() ?? null;
  const toggleByShortcut = () =>
    toggleSaying({ running, toggleTimer: deps.toggleTimer, entry: (id) => deps.timer()?.entry(id), notify });
  const shortcuts = lifetime.add(
    new GlobalShortcuts(
      ports.shortcuts,
      { togglePopover: () => ports.togglePopover?.(), toggleTimer: () => void toggleByShortcut() },
      deps.log,
      ports.keybindings,
      () => deps.tellPopover({ type: 'settingsChanged' }),
    ),
  );
  const loginItem = new LaunchAtLogin(ports.loginItems);
  const away = lifetime.add(new AwayQuestion({ ...deps, source, settings: () => settings.get(), notify }));
  const focus = lifetime.add(
    new FocusSession({
      clock: deps.clock,
      settings: () => settings.get().focus,
      timer: deps.timer,
      notify: (title, body) => notify('focus', title, body),
      onChange: deps.onChange,
      log: deps.log,
    }),
  );
  const checkFocus = () => void focus.check().catch((err: unknown) => deps.log?.(`focus: ${String(err)}`));
  // Node's timers pause while the computer sleeps: a boundary slept through is caught on waking.
  lifetime.add({
    dispose: source.on((event) => {
      if (event === 'resume' || event === 'unlock-screen') checkFocus();
    }),
  });
  const reminders = new Reminders();
  const snoozeButtons: NotificationAnswers = {
    actions: snoozeChoices,
    onAction: (id) => {
      if (isSnooze(id)) reminders.snooze(deps.clock.now(), id);
    },
  };
  let poll: Disposable | null = null;

  function check(): void {
    away.check();
    checkFocus();
    const due = reminders.check({
      now: deps.clock.now(),
      settings: settings.get(),
      signedIn: deps.timer() !== null,
      running: running(),
      idleSeconds: source.idleSeconds(),
    });
    if (due) notify(due.kind, due.title, due.body, snoozeButtons);
  }

  const view = (): SettingsView => ({
    settings: settings.get(),
    shortcuts: shortcuts.view(),
    ...(shortcuts.keybindingsView() ? { desktopKeybindings: shortcuts.keybindingsView() } : {}),
    launchAtLogin: loginItem.view(),
    notice: settings.problem,
    ...(ports.platform ? { platform: ports.platform } : {}),
  });

  lifetime.add({
    dispose: settings.onChange((next, before) => {
      if (JSON.stringify(next.shortcuts) !== JSON.stringify(before.shortcuts)) shortcuts.apply(next);
      if (next.idleThresholdMinutes === 0) away.clear();
      deps.onChange();
    }),
  });

  return {
    state: () => desktopState(settings.get(), away.question()),
    focus: () => focus.view(),
    notices: () => (settings.problem ? [settings.problem] : []),
    dismissNotices: () => settings.dismissProblem(),
    settings: () => settings.get(),
    controls: {
      getSettings: view,
      updateSettings: async (update) => {
        const before = settings.get();
        const next = settings.update(update);
        if (next.launchAtLogin !== before.launchAtLogin) await loginItem.apply(next);
        return view();
      },
      addDesktopKeybindings: async () => {
        await shortcuts.addToDesktop(settings.get());
        return view();
      },
      answerIdle: (answer) => away.answer(answer),
      snoozeReminder: ({ for: length }) => reminders.snooze(deps.clock.now(), length),
      startFocus: () => focus.start(),
      stopFocus: () => focus.stop(),
      skipFocusPhase: () => focus.skip(),
    },
    requestSettings() {
      deps.tellPopover({ type: 'openSettings' });
      ports.showPopover?.();
    },
    check,
    toggleByShortcut,
    start() {
      if (lifetime.isDisposed) return;
      shortcuts.apply(settings.get());
      // Re-assert an existing "on" (the app may have moved); "off" leaves the OS alone until the person changes it.
      if (settings.get().launchAtLogin) void loginItem.apply(settings.get());
      lifetime.delete(poll);
      poll = lifetime.add(deps.heartbeat.every(1, check));
    },
    dispose: () => lifetime.dispose(),
  };
}
