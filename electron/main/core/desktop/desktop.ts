// Owns Sheaf's desktop side as core sees it: settings applied to the OS ports (global shortcuts, launch at login),
// the idle question (its answers are the timesheet's), shortcut feedback, reminders and their snooze, the focus
// session, and the notifications that carry their buttons.
// Its poll, its listeners and the shortcuts it holds live in one DisposableStore: dispose() ends them all.
import {
  type IdleAnswer,
  type IdleAnswerWithPair,
  type IdleQuestion,
  type SnoozeFor,
  type Settings,
  type SettingsUpdate,
  type SettingsView,
  type ShortcutName,
  type ShortcutStatus,
} from '../../../../shared/settings';
import type { PopoverEvent } from '../../../../shared/ipc';
import type { AccountPrefs, DesktopView, EntryView, FocusView } from '../../../../shared/state';
import { formatElapsedMinutes } from '../../../../shared/duration';
import { msPerHour } from '../../../../shared/elapsed';
import { timeAt } from '../../../../shared/wall-clock';
import type { Heartbeat } from '../base/heartbeat';
import { NotAllowedError } from '../base/errors';
import { FocusSession } from './focus-session';
import { IdlePolicy, type Asked, type SleepStop } from './idle';
import { DisposableStore, type Disposable } from '../base/lifecycle';
import type {
  IdleSource,
  LoginItems,
  Notifier,
  NotificationAnswers,
  Clock,
  Shortcuts,
  SettingsStore,
} from '../ports';
import { isSnooze, Reminders, snoozeChoices } from './reminders';
import { memorySettingsStore, SettingsService } from './settings';
import type { AwayEntry, TimerService } from '../timesheet';

/** What a host plugs in; anything missing behaves as "not available here" and says so. */
export interface DesktopPorts {
  settingsStore?: SettingsStore;
  idle?: IdleSource;
  notifier?: Notifier;
  shortcuts?: Shortcuts;
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
  /** The signed-in person's timer, or null when signed out. */
  timer(): TimerService | null;
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
const noShortcuts: Shortcuts = { register: () => 'unsupported', unregisterAll: () => {} };
const noLoginItems: LoginItems = { supported: false, set: async () => {} };
const shortcutLabels: Record<ShortcutName, string> = {
  togglePopover: 'Show or hide Sheaf',
  toggleTimer: 'Start or stop the timer',
};

export type Desktop = ReturnType<typeof createDesktop>;

export function createDesktop(ports: DesktopPorts, deps: DesktopDeps) {
  const settings = new SettingsService(ports.settingsStore ?? memorySettingsStore());
  const notifier = ports.notifier;
  const shortcuts = ports.shortcuts ?? noShortcuts;
  const loginItems = ports.loginItems ?? noLoginItems;
  const source = ports.idle ?? neverIdle;
  const reminders = new Reminders();
  let shortcutStatus: Record<ShortcutName, ShortcutStatus> = {
    togglePopover: { state: 'off', message: null },
    toggleTimer: { state: 'off', message: null },
  };
  let loginMessage: string | null = loginItems.supported
    ? null
    : 'Launch at login is set by the desktop app; this preview only keeps the setting.';
  const lifetime = new DisposableStore();
  let poll: Disposable | null = null;
  // Global shortcuts belong to the OS until released: given back however the desktop ends.
  lifetime.add({ dispose: () => shortcuts.unregisterAll() });

  const running = (): EntryView | null => deps.timer()?.running() ?? null;
  const notify = (
    kind: Parameters<Notifier['show']>[0],
    title: string,
    body: string,
    answers?: NotificationAnswers,
  ) => {
    if (!settings.get().notifications[kind]) return;
    notifier?.show(kind, title, body, () => ports.showPopover?.(), answers);
  };
  const timeOfDay = (at: Date) => timeAt(at, deps.prefs().clock);
  let announced: IdleQuestion | null = null;

  const idle = lifetime.add(
    new IdlePolicy({
      clock: deps.clock,
      source,
      thresholdMinutes: () => settings.get().idleThresholdMinutes,
      running,
      currentId: (id) => deps.timer()?.entry(id)?.id ?? null,
      stopAtSleep: () => settings.get().stopAtSleep,
      onSleep: (stop) => void stopAtSleep(stop),
      onBackAfterSleep(stop) {
        const how = stop.why === 'sleep' ? 'went to sleep' : 'shut down';
        const said = `Sheaf stopped ${stop.entry.projectName} — ${stop.entry.taskName} at ${timeOfDay(stop.at)} when your computer ${how}`;
        deps.tell?.(said);
        notify('idle', 'Timer stopped', said);
      },
      onQuestion(question) {
        deps.onChange();
        // A question put back after a refused answer was announced already.
        if (!question || question === announced) return;
        announced = question;
        notify(
          'idle',
          `You were away since ${timeOfDay(new Date(question.since))} (${question.minutes} min)`,
          `${question.projectName} — ${question.taskName} kept running. Open Sheaf to keep or discard that time.`,
          {
            actions: [
              { id: 'keep', label: 'Keep' },
              { id: 'discard', label: 'Discard' },
            ],
            // The answer is for this question: a button on an old notification doesn't answer a newer one.
            onAction: (id) => {
              const now = idle.question();
              if (now?.since !== question.since || now.entryId !== question.entryId) return;
              if (id === 'keep' || id === 'discard') answerFromNotification(id);
            },
          },
        );
      },
    }),
  );

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

  const snoozeButtons: NotificationAnswers = {
    actions: snoozeChoices,
    onAction: (id) => {
      if (isSnooze(id)) reminders.snooze(deps.clock.now(), id);
    },
  };

  function answerFromNotification(answer: 'keep' | 'discard'): void {
    answerIdle({ answer }).catch((err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      deps.log?.(`idle answer from a notification: ${reason}`);
      notify('idle', 'Sheaf could not change the timer', reason);
    });
  }

  function check(): void {
    idle.check();
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

  function applyShortcuts(s: Settings): void {
    shortcuts.unregisterAll();
    const actions: Record<ShortcutName, () => void> = {
      togglePopover: () => ports.togglePopover?.(),
      toggleTimer: () => void toggleByShortcut(),
    };
    const next = { ...shortcutStatus };
    for (const name of ['togglePopover', 'toggleTimer'] as const) {
      const accelerator = s.shortcuts[name];
      next[name] = accelerator ? statusOf(shortcuts.register(accelerator, actions[name]), accelerator) : off;
    }
    shortcutStatus = next;
    for (const name of ['togglePopover', 'toggleTimer'] as const) {
      if (next[name].state === 'taken') deps.log?.(`shortcut ${shortcutLabels[name]}: ${next[name].message}`);
    }
  }

  async function applyLoginItem(s: Settings): Promise<void> {
    if (!loginItems.supported) return;
    try {
      await loginItems.set(s.launchAtLogin);
      loginMessage = null;
    } catch (err) {
      loginMessage = `Sheaf could not change launch at login: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  /** Start/stop by shortcut: the tray changes with the state; a notification says what happened. */
  async function toggleByShortcut(): Promise<void> {
    const before = running();
    try {
      await deps.toggleTimer();
    } catch (err) {
      notify('shortcut', 'Sheaf could not start or stop the timer', err instanceof Error ? err.message : '');
      return;
    }
    const after = running();
    if (before && !after) {
      const worked = deps.timer()?.entry(before.id);
      const hours = worked ? formatElapsedMinutes(worked.hours * msPerHour) : '';
      notify(
        'shortcut',
        'Timer stopped',
        `${before.projectName} — ${before.taskName}${hours ? `, ${hours}` : ''}`,
      );
    } else if (after) {
      notify('shortcut', 'Timer started', `${after.projectName} — ${after.taskName}`);
    }
  }

  /** The idle question answered: the question goes, and the timesheet does what the answer asks. */
  async function answerIdle(input: IdleAnswer): Promise<void> {
    const asked = idle.pending();
    const timer = deps.timer();
    if (!asked || !timer) return;
    // Cleared first, so a second click while this one is saved finds nothing to answer.
    idle.clear();
    try {
      await timeAwayAnswer(timer, asked, input);
    } catch (err) {
      // Refused before anything changed (a pair no longer assigned): the question stays to be answered again.
      if (err instanceof NotAllowedError) idle.reopen(asked);
      throw err;
    }
  }

  // Continuing counts from when they came back, not from when they answered: work done before answering is kept;
  // and the time away is from when they left until they came back.
  function timeAwayAnswer(timer: TimerService, asked: Asked, input: IdleAnswer): Promise<void> {
    switch (input.answer) {
      case 'keep':
        return Promise.resolve();
      case 'discard':
        return timer.discardTimeAway(asked.away);
      case 'discardAndContinue':
        return timer.discardTimeAway(asked.away, { continueAt: asked.back });
      case 'addAsNew':
        return timer.addTimeAwayAsEntry(asked.away, awayOn(input), asked.back);
      case 'giveToOther':
        return timer.giveTimeAwayTo(asked.away, awayOn(input), asked.back);
    }
  }

  /** Stop at sleep: the timer ends at the moment the computer slept, saved before the machine goes quiet. */
  async function stopAtSleep(stop: SleepStop): Promise<void> {
    try {
      await deps.timer()?.stopTimerAt(stop.entry.id, stop.at);
    } catch (err) {
      deps.log?.(`stop at sleep: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function view(): SettingsView {
    return {
      settings: settings.get(),
      shortcuts: shortcutStatus,
      launchAtLogin: { supported: loginItems.supported, message: loginMessage },
      notice: settings.problem,
      ...(ports.platform ? { platform: ports.platform } : {}),
    };
  }

  lifetime.add({
    dispose: settings.onChange((next, before) => {
      if (JSON.stringify(next.shortcuts) !== JSON.stringify(before.shortcuts)) applyShortcuts(next);
      if (next.idleThresholdMinutes === 0) idle.clear();
      deps.onChange();
    }),
  });

  return {
    state(): DesktopState {
      const s = settings.get();
      return {
        idleQuestion: idle.question(),
        theme: s.theme,
        trayTitle: s.trayTitle,
        focusEnabled: s.focus.enabled,
      };
    },
    /** The focus session's slice of the snapshot. */
    focus: (): FocusView => focus.view(),
    /** Things to tell the person when Sheaf starts (a damaged settings file set aside). */
    notices: (): string[] => (settings.problem ? [settings.problem] : []),
    /**
     * The person dismissed the notices: the damaged-settings one is seen, so the settings view drops it too.
     * (Not on opening the settings view: a view opened twice at once, as React's dev mode does, would lose it.)
     */
    dismissNotices: (): void => settings.dismissProblem(),
    settings: () => settings.get(),
    commands: {
      getSettings: (): SettingsView => view(),
      updateSettings: async (update: SettingsUpdate): Promise<SettingsView> => {
        const before = settings.get();
        const next = settings.update(update);
        if (next.launchAtLogin !== before.launchAtLogin) await applyLoginItem(next);
        return view();
      },
      answerIdle: (answer: IdleAnswer) => answerIdle(answer),
      snoozeReminder: ({ for: length }: { for: SnoozeFor }) => reminders.snooze(deps.clock.now(), length),
      startFocus: () => focus.start(),
      stopFocus: () => focus.stop(),
      skipFocusPhase: () => focus.skip(),
    },
    /** The tray's Settings item: the popover opens on the settings view. */
    requestSettings(): void {
      deps.tellPopover({ type: 'openSettings' });
      ports.showPopover?.();
    },
    /** Runs a check now (tests; the heartbeat does it every minute). */
    check,
    toggleByShortcut,
    start(): void {
      if (lifetime.isDisposed) return;
      applyShortcuts(settings.get());
      // Re-assert an existing "on" (the app may have moved); "off" leaves the OS alone until the person changes it.
      if (settings.get().launchAtLogin) void applyLoginItem(settings.get());
      lifetime.delete(poll);
      poll = lifetime.add(deps.heartbeat.every(1, check));
    },
    /** Stops the poll and the listeners and releases the shortcuts; nothing of the desktop runs afterwards. */
    dispose(): void {
      lifetime.dispose();
    },
  };
}

const off: ShortcutStatus = { state: 'off', message: null };

const awayOn = ({ projectId, taskId, notes }: IdleAnswerWithPair): AwayEntry => ({
  projectId,
  taskId,
  ...(notes?.trim() ? { notes } : {}),
});

function statusOf(result: ReturnType<Shortcuts['register']>, accelerator: string): ShortcutStatus {
  switch (result) {
    case 'ok':
      return { state: 'ok', message: null };
    case 'taken':
      return {
        state: 'taken',
        message: `${accelerator} is already used by another app. Press a different shortcut.`,
      };
    case 'invalid':
      return { state: 'invalid', message: `${accelerator} isn't a shortcut this system accepts.` };
    case 'unsupported':
      return {
        state: 'unsupported',
        message: 'Global shortcuts work in the desktop app; this preview keeps the setting only.',
      };
  }
}
