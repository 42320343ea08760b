// Owns what signing out would leave behind, and the person's answer: changes that haven't reached Harvest in the
// accounts leaving (send them first and sign out once they are sent, keep them in the account's outbox for the
// next sign-in, or discard them) and, signing out of every account, a timer still running (stop it first, or
// leave it running in Harvest). Without an answer where one is needed, nothing happens and the question is asked.
import type { SignOutChoice } from '../../../../shared/ipc';
import type { SignedInAccount } from './signed-in-account';
import { LocalError } from '../base/errors';

export type { SignOutChoice };

/** How long "send them first" may try before Sheaf says it couldn't (the client's own retries fit inside). */
export const sendFirstMs = 15_000;

const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`);

/** What would be left behind, counted across the accounts leaving. */
export interface LeftBehind {
  /** Changes waiting to reach Harvest. */
  waiting: number;
  /** Timers running (asked about only when signing out of every account). */
  running: number;
}

/** Signing out would leave something behind and the person hasn't said what to do with it. */
export class SignOutQuestionError extends LocalError {
  constructor(
    readonly leftBehind: LeftBehind,
    where: string,
  ) {
    const parts = [
      leftBehind.waiting > 0 &&
        `${changes(leftBehind.waiting)} in ${where} ${leftBehind.waiting === 1 ? "hasn't" : "haven't"} reached Harvest yet.`,
      leftBehind.running > 0 &&
        `${leftBehind.running === 1 ? 'A timer is' : `${leftBehind.running} timers are`} still running.`,
    ];
    super(parts.filter(Boolean).join(' '), 'sign_out_question');
    this.name = 'SignOutQuestionError';
  }
}

/** "Send them first" couldn't: the person is still signed in, and the changes still wait. */
export class NotSentError extends LocalError {
  constructor(waiting: number, where: string) {
    super(
      `Sheaf couldn't send ${changes(waiting)} to Harvest, so you're still signed in to ${where}. ` +
        'Try again when Harvest can be reached, or keep them for your next sign-in.',
      'network',
    );
    this.name = 'NotSentError';
  }
}

/** The demo's changes are sample data that goes with the demo: never a reason to ask. */
const real = (leaving: readonly SignedInAccount[]) => leaving.filter((a) => !a.demo && a.data);

export function leftBehind(leaving: readonly SignedInAccount[], everyAccount: boolean): LeftBehind {
  const accounts = real(leaving);
  return {
    waiting: accounts.reduce((n, a) => n + (a.data?.timesheet.unsent ?? 0), 0),
    running: everyAccount ? accounts.filter((a) => a.signedIn && a.data?.timesheet.running()).length : 0,
  };
}

/**
 * Before the accounts leave: refuses with the question when something would be left behind unanswered, else
 * does what the person chose. A timer to stop is stopped once what waited has gone, and the stop, like the
 * changes to send, must reach Harvest before anyone is signed out; keeping the changes keeps the stop with them.
 */
export async function settleBeforeSignOut(
  leaving: readonly SignedInAccount[],
  options: { everyAccount: boolean; choice: SignOutChoice; where: string },
): Promise<void> {
  const { choice, where } = options;
  const behind = leftBehind(leaving, options.everyAccount);
  if ((behind.waiting > 0 && !choice.waiting) || (behind.running > 0 && !choice.runningTimer))
    throw new SignOutQuestionError(behind, where);
  const accounts = real(leaving);
  const sendAll = async () => {
    const toSend = accounts.filter((a) => (a.data?.timesheet.unsent ?? 0) > 0);
    const stillWaiting = await Promise.all(toSend.map((a) => a.data?.timesheet.sendNow(sendFirstMs) ?? 0));
    const notSent = stillWaiting.reduce((n, w) => n + w, 0);
    if (notSent > 0) throw new NotSentError(notSent, where);
  };
  if (behind.waiting > 0 && choice.waiting === 'discard')
    for (const a of accounts) await a.data?.timesheet.discardUnsent();
  // What waited goes first: if it can't, the person is still signed in with their timer as it was.
  if (choice.waiting === 'send') await sendAll();
  if (behind.running > 0 && choice.runningTimer === 'stop') {
    for (const a of accounts)
      if (a.signedIn && a.data?.timesheet.running()) await a.data.timesheet.stopTimer();
    if (choice.waiting !== 'keep') await sendAll();
  }
}
