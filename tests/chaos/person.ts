// Owns the scripted person of the fault-injection run: the seeded dice, and each next action (start, stop, resume,
// notes, add, edit, delete) chosen from what the core shows, with what the ledger believes once it is acknowledged.
import { format } from 'date-fns';
import { msPerMinute as minute } from '../../shared/elapsed';
import { seededRandom } from '../fixtures/seeded-random';
import type { Op, Summary } from './drive';
import { stopRunningAt, type Ledger } from './ledger';

/** An account style: duration or start/end times, and the company clock Harvest writes times in. */
export interface AccountStyle {
  timestamp: boolean;
  clock: '12h' | '24h';
}

/** The run's account, and with `other` a second one signed in beside it (in its own style). */
export interface Account extends AccountStyle {
  other?: AccountStyle;
}

export interface Dice {
  rnd: () => number;
  pickInt: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
}

/** One seed, one run: every choice of the run comes from these, in order. */
export function seededDice(seed: number): Dice {
  const rnd = seededRandom(seed);
  const pickInt = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number) => rnd() < p;
  return { rnd, pickInt, chance };
}

/** Where the person stands: what the core shows, what they believe, and when. */
export interface Moment {
  /** The style of the account shown now, and which one it is. */
  account: AccountStyle;
  accountId: string;
  /** Signed in to several accounts: a start says what becomes of a timer running in another. */
  severalAccounts: boolean;
  assignments: Summary['assignments'];
  state: Summary;
  ledger: Ledger;
  now: number;
  today: string;
  /** Marks the entry a new action would make (its notes start with it). */
  token: string;
  /** Actions acknowledged so far. */
  done: number;
}

export interface Action {
  op: Op;
  /** What the ledger believes once the core acknowledges `op`. */
  apply: () => void;
}

/** The person's next action, or null when what the dice chose does not fit now (the run rolls again). */
export function nextAction({ rnd, pickInt }: Dice, moment: Moment): Action | null {
  const {
    account,
    accountId,
    severalAccounts,
    assignments,
    state: s,
    ledger,
    now,
    today,
    token,
    done,
  } = moment;
  // What a start does to another account's timer: stops it too, or leaves it running (then only this account's).
  const otherAccount = severalAccounts ? (rnd() < 0.5 ? 'stop' : 'keep') : undefined;
  const stopsIn = otherAccount === 'keep' ? accountId : null;
  const { timestamp } = account;
  const mine = (t: string) => ledger.get(t);
  // Only what is really today: across midnight an earlier list still shows yesterday's entries, and
  // restarting one of those starts a new entry rather than continuing it.
  const stopped = s.today.filter(
    (e) => !e.isRunning && e.spentDate === today && mine(e.token) && !mine(e.token)!.deleted,
  );
  const roll = rnd();
  let op: Op;
  let apply: () => void;
  if (roll < 0.3 || (!s.running && roll < 0.45)) {
    const a = assignments[pickInt(0, assignments.length - 1)]!;
    // Every third start is from an issue's address (by count, not the dice, so a seed's other choices stay).
    const issue = done % 3 === 1 ? done : null;
    op = {
      op: 'start',
      projectId: a.projectId,
      taskId: a.taskId,
      notes: `${token} working`,
      otherAccount,
      ...(issue !== null ? { workAddress: `https://github.com/acme/site/issues/${issue}` } : {}),
    };
    apply = () => {
      stopRunningAt(ledger, now, stopsIn);
      ledger.set(token, {
        token,
        segments: [{ from: now, to: null }],
        fixed: null,
        deleted: false,
        resumes: 0,
        spentDate: today,
        notes: `${token} working`,
        account: accountId,
        ...(issue !== null ? { reference: `acme/site#${issue}` } : {}),
      });
    };
  } else if (roll < 0.55 && s.running) {
    op = { op: 'stop' };
    apply = () => stopRunningAt(ledger, now, accountId);
  } else if (
    roll < 0.63 &&
    !timestamp &&
    stopped.some((e) => mine(e.token)!.resumes < 3 && mine(e.token)!.fixed === null)
  ) {
    const e = stopped.filter((x) => mine(x.token)!.resumes < 3 && mine(x.token)!.fixed === null)[0]!;
    op = { op: 'resume', token: e.token, otherAccount };
    apply = () => {
      stopRunningAt(ledger, now, stopsIn);
      const x = mine(e.token)!;
      x.segments.push({ from: now, to: null });
      x.resumes++;
    };
  } else if (roll < 0.72 && s.today.some((e) => mine(e.token) && !mine(e.token)!.deleted)) {
    const e = s.today.filter((x) => mine(x.token) && !mine(x.token)!.deleted)[pickInt(0, 0)]!;
    const notes = `${e.token} notes ${done}`;
    op = { op: 'notes', token: e.token, notes };
    apply = () => {
      mine(e.token)!.notes = notes;
    };
  } else if (roll < 0.82) {
    const a = assignments[pickInt(0, assignments.length - 1)]!;
    const minutes = pickInt(5, 90);
    const add = {
      op: 'add',
      projectId: a.projectId,
      taskId: a.taskId,
      notes: `${token} manual`,
      spentDate: today,
    } as const;
    if (timestamp) {
      // Earlier today, ending before now: a person filling in a meeting they forgot to track.
      const end = new Date(now - pickInt(0, 30) * minute);
      const begin = new Date(end.getTime() - minutes * minute);
      if (format(begin, 'yyyy-MM-dd') !== today) return null;
      // Typed the company's way: "9:05am" on 12-hour accounts, "09:05" on 24-hour ones.
      const style = account.clock === '24h' ? 'HH:mm' : 'h:mmaaa';
      op = { ...add, startedTime: format(begin, style), endedTime: format(end, style) };
    } else {
      op = { ...add, hours: Math.round((minutes / 60) * 100) / 100 };
    }
    apply = () =>
      ledger.set(token, {
        token,
        segments: [],
        fixed: Math.round((minutes / 60) * 100) / 100,
        deleted: false,
        resumes: 0,
        spentDate: today,
        notes: `${token} manual`,
        account: accountId,
      });
  } else if (roll < 0.92 && stopped.length > 0) {
    // New hours: Harvest ignores them on start/end-time accounts, so Sheaf sends them there as a new end.
    const e = stopped[pickInt(0, stopped.length - 1)]!;
    const hours = Math.round((pickInt(5, 180) / 60) * 100) / 100;
    op = { op: 'edit', token: e.token, hours };
    apply = () => {
      const x = mine(e.token)!;
      x.fixed = hours;
      x.segments = [];
    };
  } else if (stopped.length > 0) {
    const e = stopped[pickInt(0, stopped.length - 1)]!;
    op = { op: 'delete', token: e.token };
    apply = () => {
      mine(e.token)!.deleted = true;
    };
  } else {
    return null;
  }
  return { op, apply };
}
