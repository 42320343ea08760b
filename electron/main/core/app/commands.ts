// Owns what each IPC command does in core: session commands go to the session, timer and entry commands to the
// signed-in account's timer service (refused while signed out), settings and idle answers to the desktop.
import type { AppState } from '../../../../shared/state';
import type { CoreCommands } from './app-options';
import type { Desktop } from '../desktop/desktop';
import type { Notices } from '../base/notices';
import type { Schedule } from '../session/schedule';
import type { Settings } from '../../../../shared/settings';
import { roomFor } from '../session/across-accounts';
import { NotAllowedError } from '../base/errors';
import type { SessionService } from '../session/session';

export interface CommandDeps {
  session: SessionService;
  /** What the person's settings say about a timer started while one runs in another account. */
  otherAccountTimer(): Settings['otherAccountTimer'];
  schedule: Pick<Schedule, 'refresh'>;
  desktop: Pick<Desktop, 'commands' | 'dismissNotices'>;
  notices: Notices;
  getState(): AppState;
  emit(): void;
  /** The host's way to open an address in the person's browser (also Harvest ID's sign-in page). */
  openUrl?: (url: string) => void | Promise<void>;
}

export function createCommands({
  session,
  otherAccountTimer,
  schedule,
  desktop,
  notices,
  getState,
  emit,
  openUrl,
}: CommandDeps): CoreCommands {
  const timer = () => session.requireAccount().timer;
  /**
   * A timer starts here: the one running in another account stops once this start is saved, keeps going, or
   * the person is asked first. `start` runs between the decision and the stop.
   */
  const withRoom = async (chosen: 'stop' | 'keep' | undefined, start: () => Promise<void>, canAsk = true) => {
    const stopOthers = roomFor(session.all(), session.activeAccountId, chosen, otherAccountTimer(), canAsk);
    await start();
    const problems = await stopOthers();
    for (const problem of problems) notices.tell(problem);
    if (problems.length > 0) emit();
  };
  return {
    getState: () => getState(),
    // From the open account even while signed out: a revoked token's picker keeps its list.
    listAssignments: () => session.account?.timer.assignments() ?? [],
    signIn: (input) => session.signIn(input),
    signInDemo: () => session.signInDemo(),
    signOut: (choice) => session.signOut(undefined, choice),
    signOutOf: ({ accountId, waiting }) => session.signOut(accountId, { waiting }),
    signInWithHarvest: () => session.signInWithHarvest(),
    cancelSignIn: () => session.cancelSignIn(),
    chooseAccounts: ({ accountIds }) => session.chooseAccounts(accountIds),
    cancelAccountChoice: () => session.cancelAccountChoice(),
    switchAccount: ({ accountId }) => session.switchTo(accountId),
    refresh: () => schedule.refresh(),
    startTimer: async ({ otherAccount, ...input }) => {
      const here = timer();
      await withRoom(otherAccount, () => here.startTimer(input));
    },
    linkedWork: ({ workAddress }) => session.account?.timer.linkedWork(workAddress) ?? null,
    stopTimer: async () => timer().stopTimer(),
    // From the tray and the shortcut too, which can't ask: "ask" stops the other account's timer there.
    toggleTimer: async () => {
      const here = timer();
      if (here.running()) await here.toggleTimer();
      else await withRoom(undefined, () => here.toggleTimer(), false);
    },
    restartEntry: async ({ entryId, otherAccount }) => {
      const here = timer();
      await withRoom(otherAccount, () => here.restartEntry(entryId));
    },
    updateNotes: async ({ entryId, notes }) => timer().updateNotes(entryId, notes),
    addEntry: async (input) => timer().addEntry(input),
    editEntry: async ({ entryId, changes }) => timer().editEntry(entryId, changes),
    deleteEntry: async ({ entryId, undoable }) => timer().deleteEntry(entryId, { undoable }),
    undoDelete: async ({ entryId }) => timer().undoDelete(entryId),
    resolveSetAside: async ({ id, action }) => timer().resolveSetAside(id, action),
    getSettings: () => desktop.commands.getSettings(),
    updateSettings: (update) => desktop.commands.updateSettings(update),
    answerIdle: (input) => desktop.commands.answerIdle(input),
    snoozeReminder: (input) => desktop.commands.snoozeReminder(input),
    startFocus: () => desktop.commands.startFocus(),
    stopFocus: () => desktop.commands.stopFocus(),
    skipFocusPhase: () => desktop.commands.skipFocusPhase(),
    showDay: async ({ date }) => timer().showDay(date),
    refreshChanges: async () => {
      await session.signedInTimer()?.refreshChanges();
    },
    pinAssignment: async (pair) => {
      const account = session.requireAccount();
      await account.favourites.pin(pair, account.timer.assignments());
      emit();
    },
    unpinAssignment: async (pair) => {
      await session.requireAccount().favourites.unpin(pair);
      emit();
    },
    // The contract let through only an https address (isWebLink).
    openWorkLink: async ({ url }) => {
      if (!openUrl) throw new NotAllowedError("This Sheaf can't open your browser.");
      await openUrl(url);
    },
    getReport: async ({ period }) => session.requireAccount().reports.get(period),
    dismissNotices: () => {
      notices.dismiss();
      desktop.dismissNotices();
      session.account?.timer.dismissNotices();
      emit();
    },
  };
}
