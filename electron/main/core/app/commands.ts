// Owns what each IPC command does in core: session commands go to the session, timer and entry commands to the
// signed-in account's timesheet (refused while signed out), settings and idle answers to the desktop.
import type { AppState } from '../../../../shared/state';
import type { CommandHandlers } from '../../../../shared/ipc';
import type { DesktopControls } from '../desktop/desktop';
import type { Notices } from '../base/notices';
import type { Schedule } from '../session/schedule';
import { toggleMakingRoom, type WithRoom } from '../session/across-accounts';
import { assignmentLabel } from '../../../../shared/labels';
import { pickByWords } from '../../../../shared/pick-by-words';
import type { SessionService } from '../session/session';
import { NotAllowedError } from '../base/errors';
import type { CommandInstaller } from '../ports';

/** Commands the platform host answers itself (they touch windows and the browser, not Harvest). */
export type HostCommand = 'openHarvest' | 'hidePopover';

/** The commands core answers: every IPC command but the host's own. */
export type CoreCommands = Omit<CommandHandlers, HostCommand>;

export interface CommandDeps {
  session: SessionService;
  /**
   * A timer starts here: the one running in another account stops once this start is saved, keeps going, or
   * the person is asked first. `start` runs between the decision and the stop.
   */
  withRoom: WithRoom;
  schedule: Pick<Schedule, 'refresh'>;
  desktop: { controls: DesktopControls };
  notices: Notices;
  getState(): AppState;
  emit(): void;
  commandInstaller?: CommandInstaller;
  /** The host's way to open an address in the person's browser (also Harvest ID's sign-in page). */
  openUrl?: (url: string) => void | Promise<void>;
}

export function createCommands({
  session,
  withRoom,
  schedule,
  desktop,
  notices,
  getState,
  emit,
  commandInstaller,
  openUrl,
}: CommandDeps): CoreCommands {
  const timesheet = () => session.requireAccountData().timesheet;
  return {
    getState: () => getState(),
    // From the open account even while signed out: a revoked token's picker keeps its list.
    listAssignments: () => session.accountData?.timesheet.assignments() ?? [],
    signIn: (input) => session.signIn(input),
    signInDemo: () => session.signInDemo(),
    signOut: (choice) => session.signOut(undefined, choice),
    signOutOf: ({ accountId, waiting }) => session.signOut(accountId, { waiting }),
    signInWithHarvest: () => session.signInWithHarvest(),
    cancelSignIn: () => session.cancelSignIn(),
    chooseAccounts: ({ accountIds, someoneElse }) => session.chooseAccounts(accountIds, someoneElse),
    cancelAccountChoice: () => session.cancelAccountChoice(),
    switchAccount: ({ accountId }) => session.switchTo(accountId),
    refresh: () => schedule.refresh(),
    startTimer: async ({ otherAccount, ...input }) => {
      const here = timesheet();
      await withRoom(otherAccount, () => here.startTimer(input));
    },
    linkedWork: ({ workAddress }) => session.accountData?.timesheet.linkedWork(workAddress) ?? null,
    stopTimer: async () => timesheet().stopTimer(),
    toggleTimer: async () => toggleMakingRoom(timesheet(), withRoom),
    restartEntry: async ({ entryId, otherAccount }) => {
      const here = timesheet();
      await withRoom(otherAccount, () => here.restartEntry(entryId));
    },
    startByWords: async ({ words, notes, otherAccount, workAddress }) => {
      const here = timesheet();
      const pick = pickByWords(here.assignments(), words);
      if (pick.kind !== 'one') return pick;
      const { projectId, taskId } = pick.option;
      await withRoom(otherAccount, () => here.startTimer({ projectId, taskId, notes, workAddress }));
      return { kind: 'started', label: assignmentLabel(pick.option) };
    },
    // A script's restart, decided with the outbox's turn (TimerService.restartLast); like the tray, it can't ask.
    restartLast: async () => {
      const here = timesheet();
      let label = '';
      await withRoom(undefined, async () => void (label = assignmentLabel(await here.restartLast())), false);
      return { label };
    },
    updateNotes: async ({ entryId, notes }) => timesheet().updateNotes(entryId, notes),
    addEntry: async (input) => timesheet().addEntry(input),
    editEntry: async ({ entryId, changes }) => timesheet().editEntry(entryId, changes),
    deleteEntry: async ({ entryId, undoable }) => timesheet().deleteEntry(entryId, { undoable }),
    undoDelete: async ({ entryId }) => timesheet().undoDelete(entryId),
    resolveSetAside: async ({ id, action }) => timesheet().resolveSetAside(id, action),
    getSettings: () => desktop.controls.getSettings(),
    installCommand: ({ where }) => {
      if (!commandInstaller) throw new NotAllowedError('This Sheaf has no sheaf command to install.');
      return commandInstaller.install(where);
    },
    updateSettings: (update) => desktop.controls.updateSettings(update),
    addDesktopKeybindings: () => desktop.controls.addDesktopKeybindings(),
    answerIdle: (input) => desktop.controls.answerIdle(input),
    snoozeReminder: (input) => desktop.controls.snoozeReminder(input),
    startFocus: () => desktop.controls.startFocus(),
    stopFocus: () => desktop.controls.stopFocus(),
    skipFocusPhase: () => desktop.controls.skipFocusPhase(),
    showDay: async ({ date }) => timesheet().showDay(date),
    refreshChanges: async () => {
      await session.signedInTimesheet()?.refreshChanges();
    },
    pinAssignment: async (pair) => {
      const account = session.requireAccountData();
      await account.favourites.pin(pair, account.timesheet.assignments());
      emit();
    },
    unpinAssignment: async (pair) => {
      await session.requireAccountData().favourites.unpin(pair);
      emit();
    },
    // The contract let through only an https address (isWebLink).
    openWorkLink: async ({ url }) => {
      if (!openUrl) throw new NotAllowedError("This Sheaf can't open your browser.");
      await openUrl(url);
    },
    getReport: async ({ period, back }) => session.requireAccountData().reports.get(period, back),
    dismissNotices: () => {
      notices.dismiss();
      emit();
    },
  };
}
