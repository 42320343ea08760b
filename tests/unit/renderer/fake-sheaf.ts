// A small fake of window.sheaf for popover tests: records every command, answers from a script, pushes AppState.
import {
  commandNames,
  type CommandName,
  type IpcResult,
  type PopoverEvent,
  type SheafApi,
} from '../../../shared/ipc';
import { emptyDay, type AccountSummary, type AppState, type AssignmentOption } from '../../../shared/state';
import { sampleAppState } from '../../fixtures/app-state';

export { assignmentOption as assignment, entryView as entry } from '../../fixtures/app-state';

export interface Call {
  name: CommandName;
  input: unknown;
}

export interface FakeSheaf {
  api: SheafApi;
  calls: Call[];
  /** The current snapshot; getState answers with it. */
  state: AppState;
  assignments: AssignmentOption[];
  /** A scripted answer for the next calls of a command (e.g. a failure). */
  answers: Partial<Record<CommandName, IpcResult<unknown>>>;
  /** Main pushes a new snapshot to every subscriber. */
  push(state: AppState): void;
  /** Main tells the popover something that isn't state. */
  tell(event: PopoverEvent): void;
  callsTo(name: CommandName): unknown[];
}

export function createFakeSheaf(state: AppState, assignments: AssignmentOption[] = []): FakeSheaf {
  const listeners = new Set<(state: AppState) => void>();
  const eventListeners = new Set<(event: PopoverEvent) => void>();
  const fake: FakeSheaf = {
    api: undefined as unknown as SheafApi,
    calls: [],
    state,
    assignments,
    answers: {},
    push(next) {
      fake.state = next;
      for (const listener of listeners) listener(next);
    },
    tell(event) {
      for (const listener of eventListeners) listener(event);
    },
    callsTo: (name) => fake.calls.filter((c) => c.name === name).map((c) => c.input),
  };
  const defaultAnswer = (name: CommandName): unknown => {
    if (name === 'getState') return fake.state;
    if (name === 'listAssignments') return fake.assignments;
    return undefined;
  };
  const api: Record<string, unknown> = {
    subscribe(listener: (state: AppState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onEvent(listener: (event: PopoverEvent) => void) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
  };
  for (const name of commandNames) {
    api[name] = async (input?: unknown) => {
      fake.calls.push({ name, input });
      return fake.answers[name] ?? { ok: true, value: defaultAnswer(name) };
    };
  }
  fake.api = api as unknown as SheafApi;
  return fake;
}

/** Installs the fake where the real preload puts the API. */
export function installFakeSheaf(state: AppState, assignments: AssignmentOption[] = []): FakeSheaf {
  const fake = createFakeSheaf(state, assignments);
  window.sheaf = fake.api;
  return fake;
}

export function signedOut(message: string | null = null): AppState {
  return sampleAppState(
    { today: '2025-06-02', weekStart: '2025-06-02', weekEnd: '2025-06-08' },
    {
      session: { status: 'signed_out', message },
      day: {
        ...emptyDay,
        date: '2025-06-02',
        week: { start: '2025-06-02', end: '2025-06-08', totalHours: 0, days: [] },
      },
    },
  );
}

export function signedIn(overrides: Partial<AppState> = {}, demo = false): AppState {
  return {
    ...signedOut(),
    session: {
      status: 'signed_in',
      demo,
      user: { id: 7, name: 'Ada Lovelace', email: 'ada@example.com' },
      accountName: 'Analytical Engines Ltd',
      weeklyCapacitySeconds: 144000,
    },
    assignmentsVersion: 1,
    sync: { state: 'idle', pending: 0, lastSyncedAt: new Date().toISOString(), message: null },
    ...overrides,
  };
}

/** One account's line in the switcher: signed in, nothing running, an hour today. */
export function accountSummary(overrides: Partial<AccountSummary> & Pick<AccountSummary, 'id' | 'name'>) {
  return {
    demo: false,
    signedIn: true,
    message: null,
    running: null,
    todayHours: 1,
    weekHours: 5,
    pending: 0,
    ...overrides,
  } satisfies AccountSummary;
}

/** Signed in to Analytical Engines Ltd (shown) and Northwind Freelance. */
export function twoAccounts(
  overrides: Partial<AppState> = {},
  other: Partial<AccountSummary> = {},
): AppState {
  return signedIn({
    accounts: [
      accountSummary({ id: '111', name: 'Analytical Engines Ltd' }),
      accountSummary({ id: '222', name: 'Northwind Freelance', ...other }),
    ],
    activeAccountId: '111',
    ...overrides,
  });
}
