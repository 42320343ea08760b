// Owns the whole Sheaf app as the hosts see it: the session, its account, the schedule and the desktop put
// together behind the IPC command handlers, and the snapshots of their state pushed to whoever subscribes.
import type { WeekStartDay } from '../../../../shared/calendar';
import type { PopoverEvent } from '../../../../shared/ipc';
import type { AccountPrefs, AppState } from '../../../../shared/state';
import type { SheafApp, SheafAppOptions } from './app-options';
import { weekStartFor } from '../account/account-profile';
import { createCommands } from './commands';
import { createDesktop } from '../desktop/desktop';
import { Heartbeat } from '../base/heartbeat';
import { Notices } from '../base/notices';
import { systemClock, type Clock } from '../ports';
import { Schedule } from '../session/schedule';
import { SessionService } from '../session/session';
import { buildAppState } from './snapshot';
import { accountSummaries } from '../session/across-accounts';
import { SignOutQuestionError } from '../session/sign-out';

export type { CoreCommands, HostCommand, SheafApp, SheafAppOptions } from './app-options';

export function createSheafApp(o: SheafAppOptions): SheafApp {
  const clock: Clock = o.clock ?? systemClock;
  const listeners = new Set<(s: AppState) => void>();
  const eventListeners = new Set<(e: PopoverEvent) => void>();
  const notices = new Notices();
  let snapshot: AppState | null = null;
  const tellPopover = (event: PopoverEvent) => {
    for (const listener of eventListeners) listener(event);
  };

  // One wake-up a minute for everything periodic: the idle and reminder check, and the refresh.
  const heartbeat = new Heartbeat();
  const desktop = createDesktop(o.desktop ?? {}, {
    clock,
    heartbeat,
    // Time away is asked about the timer that runs, in whichever account.
    timer: () => session.signedInTimers().find((t) => t.running() !== null) ?? session.signedInTimer(),
    prefs: () => session.prefs,
    toggleTimer: () => commands.toggleTimer(undefined) as Promise<void>,
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
  for (const notice of desktop.notices()) notices.tell(notice);
  /** The company's week start, or the person's choice in Settings when Sheaf can't read the company's. */
  const weekStart = (prefs: AccountPrefs = session.prefs): WeekStartDay =>
    weekStartFor(prefs, desktop.settings().weekStartDay);

  const schedule: Schedule = new Schedule({
    clock,
    heartbeat,
    timers: () => session.signedInTimers(),
    keepsCache: () => session.all().some((a) => a.signedIn && a.account?.keepsCache),
    saveCache: async () => {
      await Promise.all(session.all().map((a) => (a.signedIn ? a.account?.saveCache() : undefined)));
    },
    emit: () => emit(),
  });
  const session: SessionService = new SessionService(o, {
    notices,
    weekStartFor: weekStart,
    schedule,
    emit: () => emit(),
  });

  /** A member changed the week start in Settings: the timer and reports follow. */
  function followWeekStart(): void {
    const day = weekStart();
    const timer = session.account?.timer;
    if (timer && timer.weekStartDay !== day) timer.useWeekStartDay(day);
  }

  function build(): AppState {
    const account = session.account;
    const view = account?.timer.view() ?? null;
    return buildAppState({
      session: session.state,
      prefs: session.prefs,
      weekStartDay: weekStart(),
      timer: view,
      favourites: account?.favourites.list() ?? [],
      notices: notices.list(),
      desktop: desktop.state(),
      focus: desktop.focus(),
      accounts: accountSummaries(session.all(), { accountId: session.activeAccountId, view }),
      activeAccountId: session.activeAccountId,
      harvestSignIn: session.harvestSignIn,
      accountChoice: session.accountChoice,
    });
  }

  function emit(): void {
    snapshot = build();
    for (const listener of listeners) listener(snapshot);
    schedule.stateChanged();
  }

  const getState = () => snapshot ?? build();
  const commands = createCommands({
    session,
    otherAccountTimer: () => desktop.settings().otherAccountTimer,
    schedule,
    desktop,
    notices,
    getState,
    emit,
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
      await session.account?.timer.whenIdle();
    },
    async dispose({ waitForSyncMs = 2000 } = {}) {
      schedule.dispose();
      desktop.dispose();
      heartbeat.dispose();
      await session.dispose(waitForSyncMs);
      listeners.clear();
      eventListeners.clear();
    },
  };
}
