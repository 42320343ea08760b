// Owns the popover's store: a mirror of main's latest AppState, the assignments list, and UI-only state.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  CommandInput,
  CommandName,
  CommandOutput,
  IpcResult,
  SheafApi,
  SignOutChoice,
} from '../../../shared/ipc';
import type { AppState, AssignmentOption, EntryReference } from '../../../shared/state';
import { assignmentLabel } from '../lib/labels';
import { shareUnchanged } from '../lib/share-unchanged';

export interface PopoverState {
  /**
   * Null until main's first snapshot arrives. Parts equal to the last snapshot's are the last snapshot's own
   * objects (structural sharing), so a component that selects one re-renders only when it changed.
   */
  app: AppState | null;
  assignments: AssignmentOption[];
  pickerQuery: string;
  selected: AssignmentOption | null;
  notesDraft: string;
  /** The work the next start is linked to (an address pasted into the picker or the notes), shown as a chip. */
  linkDraft: EntryReference | null;
  /** The last failed command's message, shown where the person sees it until the next command succeeds. */
  commandError: string | null;
  /** The settings view is shown instead of the timesheet. */
  settingsOpen: boolean;
  /** Counts main's word that the settings view changed on its own, for an open Settings to read it again. */
  settingsChanges: number;
  /** The sign-in form is shown over the timesheet, to add another account. */
  addingAccount: boolean;
  /**
   * Main's question when a start was refused because a timer runs in another account ("Stop it, or keep both
   * running?"); the start waits here until `answerTimerElsewhere`.
   */
  timerElsewhere: string | null;
  /**
   * Main's question when a sign-out would leave changes unsent or a timer running (`accountId` null: out of
   * every account), and why the last answer didn't sign out (the changes couldn't be sent).
   */
  signOutQuestion: { accountId: string | null; message: string; error: string | null } | null;

  connect(): () => void;

  // What the popover alone holds: the picker, the notes draft, the error shown, the settings view.
  setPickerQuery(query: string): void;
  choose(option: AssignmentOption | null): void;
  setNotesDraft(notes: string): void;
  /**
   * Reads a pasted address in core: work links the next start (and, with nothing chosen yet, picks the project
   * and task last used with its repository); false when it names no work, so it stays text.
   */
  linkWork(address: string): Promise<boolean>;
  /** "Remove link" on the chip: the next start links nothing. */
  dropLink(): void;
  dismissError(): void;
  setSettingsOpen(open: boolean): void;
  setAddingAccount(adding: boolean): void;
  /** Sends the waiting start again, stopping the other account's timer or keeping it; null drops the start. */
  answerTimerElsewhere(answer: 'stop' | 'keep' | null): Promise<void>;
  /** Signs out of one account (or, null, all): at once when nothing would be left behind, else asks. */
  askSignOut(accountId: string | null): Promise<void>;
  /** Signs out as the person answered the question; null leaves everything as it is. */
  answerSignOut(choice: SignOutChoice | null): Promise<void>;
  /** Starts a timer for the given (or the chosen) pair with the notes draft, then clears the form. */
  startChosen(option?: AssignmentOption): Promise<boolean>;

  /**
   * Every command to main goes through here; a failure shows in `commandError`, a success clears it. A start
   * refused with `timer_elsewhere` is kept and asked about instead (`timerElsewhere`).
   */
  send<C extends CommandName>(
    name: C,
    ...input: Parameters<SheafApi[C]>
  ): Promise<IpcResult<CommandOutput<C>>>;
  /** A command the person didn't ask for (a refresh on opening): it neither shows nor clears an error. */
  sendQuietly<C extends CommandName>(
    name: C,
    ...input: Parameters<SheafApi[C]>
  ): Promise<IpcResult<CommandOutput<C>> | null>;
}

export type SheafStore = ReturnType<typeof createSheafStore>;

export function createSheafStore(api: SheafApi) {
  return createStore<PopoverState>()((set, get) => {
    const { run, start, signOut, receive, takeWaitingStart } = storeSteps(api, set, get);

    return {
      app: null,
      assignments: [],
      pickerQuery: '',
      selected: null,
      notesDraft: '',
      linkDraft: null,
      commandError: null,
      settingsOpen: false,
      settingsChanges: 0,
      addingAccount: false,
      timerElsewhere: null,
      signOutQuestion: null,

      connect() {
        let pushed = false;
        const unsubscribe = api.subscribe((app) => {
          pushed = true;
          receive(app);
        });
        const stopEvents = api.onEvent((event) => {
          if (event.type === 'openSettings') set({ settingsOpen: true });
          else if (event.type === 'settingsChanged') set((s) => ({ settingsChanges: s.settingsChanges + 1 }));
          // The tray's sign-out found something that would be left behind: the popover asks.
          else if (event.type === 'askSignOut') {
            set({ settingsOpen: false, addingAccount: false });
            void signOut(null, {});
          }
        });
        void run(() => api.getState()).then((result) => {
          // A pushed snapshot is at least as new as the answer to getState.
          if (result.ok && !pushed) receive(result.value);
        });
        return () => {
          unsubscribe();
          stopEvents();
        };
      },
      setPickerQuery(pickerQuery) {
        set({ pickerQuery, selected: null });
      },
      choose(selected) {
        set({ selected, pickerQuery: selected ? assignmentLabel(selected) : '' });
      },
      setNotesDraft(notesDraft) {
        set({ notesDraft });
      },
      async linkWork(address) {
        const result = await run(() => api.linkedWork({ workAddress: address }));
        if (!result.ok || !result.value) return false;
        const { link, suggestion } = result.value;
        set({ linkDraft: link });
        if (suggestion && !get().selected) get().choose(suggestion);
        return true;
      },
      dropLink() {
        set({ linkDraft: null });
      },
      dismissError() {
        set({ commandError: null });
      },
      setSettingsOpen(settingsOpen) {
        set({ settingsOpen });
      },
      setAddingAccount(addingAccount) {
        set({ addingAccount });
      },
      async answerTimerElsewhere(answer) {
        const resend = takeWaitingStart();
        set({ timerElsewhere: null });
        if (answer && resend) await resend(answer);
      },
      askSignOut: (accountId) => signOut(accountId, {}),
      async answerSignOut(choice) {
        const asked = get().signOutQuestion;
        if (!choice || !asked) set({ signOutQuestion: null });
        else await signOut(asked.accountId, choice);
      },
      async startChosen(option) {
        const chosen = option ?? get().selected;
        if (!chosen) {
          set({ commandError: 'Choose a project and task first.' });
          return false;
        }
        const notes = get().notesDraft.trim();
        const link = get().linkDraft;
        const result = await start(
          'startTimer',
          {
            projectId: chosen.projectId,
            taskId: chosen.taskId,
            ...(notes ? { notes } : {}),
            ...(link ? { workAddress: link.permalink } : {}),
          },
          () => set({ selected: null, pickerQuery: '', notesDraft: '', linkDraft: null }),
        );
        return result.ok;
      },
      send: (name, ...input) =>
        (name === 'startTimer' || name === 'restartEntry'
          ? start(name, input[0] as CommandInput<'startTimer' | 'restartEntry'>)
          : run(() => (api[name] as (...args: unknown[]) => Promise<IpcResult<never>>)(...input))) as never,
      sendQuietly: (name, ...input) =>
        (api[name] as (...args: unknown[]) => Promise<IpcResult<never>>)(...input).catch(() => null),
    };
  });
}

type SetState = StoreApi<PopoverState>['setState'];
type GetState = StoreApi<PopoverState>['getState'];

/**
 * What the store's actions share: calling main (a failure said in the popover), a start that may ask about a timer
 * in another account, signing out with its question, and taking in each snapshot with its assignments.
 */
function storeSteps(api: SheafApi, set: SetState, get: GetState) {
  /** The assignmentsVersion last asked for, so each version is fetched once. */
  let requestedVersion: number | null = null;
  /** The start `timerElsewhere` asks about, sent again with the person's answer. */
  let waitingStart: ((otherAccount: 'stop' | 'keep') => Promise<unknown>) | null = null;

  async function run<T>(call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
    let result: IpcResult<T>;
    try {
      result = await call();
    } catch {
      // A broken bridge (e.g. the preview's socket) must still tell the person something.
      result = {
        ok: false,
        error: { code: 'internal', message: "Sheaf couldn't reach its background process. Try again." },
      };
    }
    set({ commandError: result.ok ? null : result.error.message });
    return result;
  }

  /** Starts a timer; when one runs in another account and the settings say ask, keeps the start and asks. */
  async function start<C extends 'startTimer' | 'restartEntry'>(
    name: C,
    input: CommandInput<C>,
    started: () => void = () => {},
  ): Promise<IpcResult<void>> {
    const result = await run(() =>
      (api[name] as (input: CommandInput<C>) => Promise<IpcResult<void>>)(input),
    );
    if (result.ok) started();
    else if (result.error.code === 'timer_elsewhere') {
      waitingStart = (otherAccount) => start(name, { ...input, otherAccount }, started);
      set({ commandError: null, timerElsewhere: result.error.message });
    }
    return result;
  }

  /** Signs out with the person's choice; refused with the question, asks it; another failure stays in it. */
  async function signOut(accountId: string | null, choice: SignOutChoice): Promise<void> {
    const result = await run(() =>
      accountId === null
        ? api.signOut(choice)
        : api.signOutOf({ accountId, ...(choice.waiting ? { waiting: choice.waiting } : {}) }),
    );
    const asked = get().signOutQuestion;
    if (result.ok) set({ signOutQuestion: null });
    else if (result.error.code === 'sign_out_question')
      set({
        commandError: null,
        signOutQuestion: { accountId, message: result.error.message, error: null },
      });
    // "Send them first" couldn't: said in the question, which stays for another answer.
    else if (asked) set({ commandError: null, signOutQuestion: { ...asked, error: result.error.message } });
  }

  async function loadAssignments(version: number): Promise<void> {
    requestedVersion = version;
    const result = await run(() => api.listAssignments());
    // A newer version may have been requested meanwhile; its answer wins.
    if (requestedVersion !== version) return;
    if (result.ok) set({ assignments: result.value });
    // Forget a failed fetch so the next snapshot tries again.
    else requestedVersion = null;
  }

  function receive(next: AppState): void {
    const previous = get().app;
    const app = previous ? shareUnchanged(previous, next) : next;
    if (previous && previous.activeAccountId !== app.activeAccountId) {
      // Another account's timesheet: its own assignments (whose version counts apart from the last one's) and
      // picker, and a start waiting for an answer was meant for the last.
      waitingStart = null;
      requestedVersion = null;
      set({
        addingAccount: false,
        timerElsewhere: null,
        signOutQuestion: null,
        assignments: [],
        selected: null,
        pickerQuery: '',
      });
    }
    if (app.session.status !== 'signed_in') {
      requestedVersion = null;
      if (app !== previous) set({ app, assignments: [], selected: null, pickerQuery: '' });
      return;
    }
    if (app !== previous) set({ app });
    if (requestedVersion !== app.assignmentsVersion) void loadAssignments(app.assignmentsVersion);
  }

  /** The start waiting on the "timer elsewhere" answer, taken (so it is sent once at most). */
  function takeWaitingStart() {
    const resend = waitingStart;
    waitingStart = null;
    return resend;
  }

  return { run, start, signOut, receive, takeWaitingStart };
}
