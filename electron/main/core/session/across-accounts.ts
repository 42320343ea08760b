// Owns what spans the accounts the person is signed in to: the timer running in another one, what happens when
// a timer starts while it runs (ask, stop it, or keep both), and each account's line in the switcher with its
// day's and week's hours, which the popover adds up for all accounts together.
import type { AccountSummary, EntryView } from '../../../../shared/state';
import type { Settings } from '../../../../shared/settings';
import type { SignedInAccount } from './signed-in-account';
import type { Timesheet, TimerView } from '../timesheet';
import { LocalError } from '../base/errors';

/** A timer runs in another account; the person is asked whether to stop it before this one starts. */
export class TimerElsewhereError extends LocalError {
  constructor(accountName: string, entry: EntryView) {
    super(
      `A timer is running in ${accountName}: ${entry.projectName} — ${entry.taskName}. Stop it, or keep both running?`,
      'timer_elsewhere',
    );
    this.name = 'TimerElsewhereError';
  }
}

export interface Elsewhere {
  account: SignedInAccount;
  entry: EntryView;
}

/** The timers running in signed-in accounts other than `accountId`. */
export function runningElsewhere(
  accounts: readonly SignedInAccount[],
  accountId: string | null,
): Elsewhere[] {
  return accounts.flatMap((account) => {
    const entry =
      account.accountId !== accountId && account.signedIn ? account.data?.timesheet.running() : null;
    return entry ? [{ account, entry }] : [];
  });
}

/**
 * What becomes of timers running in other accounts when one starts in `accountId`: what the person chose, else
 * what the settings say. "Ask" refuses with the question when the popover can ask it; from the tray or a
 * shortcut, which can't, the other timer stops, as Harvest itself stops a running timer when another starts.
 * Decided now; done by the returned step only once the start is saved. A start refused (a
 * full disk) must leave them running: the person was told nothing changed. The step says which it could not
 * stop instead of failing a start that already happened.
 */
export function roomFor(
  accounts: readonly SignedInAccount[],
  accountId: string | null,
  chosen: 'stop' | 'keep' | undefined,
  setting: Settings['otherAccountTimer'],
  canAsk: boolean,
): () => Promise<string[]> {
  const none = async () => [];
  const others = runningElsewhere(accounts, accountId);
  if (others.length === 0) return none;
  const choice = chosen ?? (setting === 'ask' ? (canAsk ? 'ask' : 'stop') : setting);
  if (choice === 'keep') return none;
  if (choice === 'ask') throw new TimerElsewhereError(others[0]!.account.name, others[0]!.entry);
  return async () => {
    const problems: string[] = [];
    for (const { account } of others) {
      await account.data?.timesheet.stopTimer().catch((err: unknown) => {
        problems.push(
          `The timer in ${account.name} kept running: ${err instanceof Error ? err.message : String(err)}`,
        );
      });
    }
    return problems;
  };
}

/** Starts a timer here (`start`), making room for it in the other accounts as roomFor decides. */
export type WithRoom = (
  chosen: 'stop' | 'keep' | undefined,
  start: () => Promise<void>,
  canAsk?: boolean,
) => Promise<void>;

export function makingRoom(deps: {
  accounts(): readonly SignedInAccount[];
  shownId(): string | null;
  setting(): Settings['otherAccountTimer'];
  /** The other timers that could not be stopped, to tell the person. */
  tell(problems: string[]): void;
}): WithRoom {
  return async (chosen, start, canAsk = true) => {
    const stopOthers = roomFor(deps.accounts(), deps.shownId(), chosen, deps.setting(), canAsk);
    await start();
    const problems = await stopOthers();
    if (problems.length > 0) deps.tell(problems);
  };
}

/** Start/stop from the tray and the shortcut too, which can't ask: "ask" stops the other account's timer there. */
export async function toggleMakingRoom(timer: Timesheet, withRoom: WithRoom): Promise<void> {
  if (timer.running()) await timer.toggleTimer();
  else await withRoom(undefined, () => timer.toggleTimer(), false);
}

/**
 * Each account's line in the switcher. `shown` is the shown account's view, already worked out for the rest of
 * the snapshot: every emit builds one, so it isn't worked out a second time here.
 */
export function accountSummaries(
  accounts: readonly SignedInAccount[],
  shown: { accountId: string | null; view: TimerView | null },
): AccountSummary[] {
  return accounts.map((account) => {
    const view = !account.signedIn
      ? null
      : account.accountId === shown.accountId && shown.view
        ? shown.view
        : (account.data?.timesheet.view() ?? null);
    const state = account.state;
    return {
      id: account.accountId,
      name: account.name,
      demo: account.demo,
      signedIn: account.signedIn,
      message: state.status === 'signed_out' ? state.message : null,
      running: view?.running ?? null,
      todayHours: view?.today.totalHours ?? 0,
      weekHours: view?.week.totalHours ?? 0,
      pending: view?.sync.pending ?? 0,
    };
  });
}
