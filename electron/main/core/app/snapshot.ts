// Owns the AppState snapshot the popover and tray mirror, built from the session, the open account's timer view
// and pins, the notices and the desktop's slice. Pure: the same parts always give the same state.
import type { WeekStartDay } from '../../../../shared/calendar';
import {
  emptyDay,
  type AccountSummary,
  type AccountPrefs,
  type AppState,
  type AssignmentRef,
  type FocusView,
  type Session,
} from '../../../../shared/state';
import type { DesktopState } from '../desktop/desktop';
import type { TimerView } from '../timesheet';

export interface SnapshotParts {
  session: Session;
  prefs: AccountPrefs;
  /** The week start in use (the company's, or the person's choice when Sheaf can't read the company's). */
  weekStartDay: WeekStartDay;
  /** The open account's timer; none before the first sign-in and after a sign-out. */
  timer: TimerView | null;
  favourites: readonly AssignmentRef[];
  /** Every notice, from the one owner (base/notices.ts). */
  notices: readonly string[];
  desktop: DesktopState;
  focus: FocusView;
  accounts: AccountSummary[];
  activeAccountId: string | null;
  harvestSignIn: boolean;
  accountChoice: AppState['accountChoice'];
}

export function buildAppState(p: SnapshotParts): AppState {
  const v = p.timer;
  const shown = { ...p.prefs, weekStartDay: p.weekStartDay };
  return {
    session: p.session,
    // What a member's entries taught Sheaf (timer style, clock) overrides the defaults it started from.
    prefs: v ? { ...shown, timestampTimers: v.timestampTimers, clock: v.clock } : shown,
    running: v?.running ?? null,
    today: v?.today ?? { date: '', totalHours: 0 },
    week: v?.week ?? { start: '', end: '', totalHours: 0 },
    assignmentsVersion: v?.assignmentsVersion ?? 0,
    sync: v?.sync ?? { state: 'idle', pending: 0, lastSyncedAt: null, message: null },
    error: v?.error ?? null,
    notices: [...p.notices],
    setAside: v?.setAside ?? [],
    day: v?.day ?? emptyDay,
    recent: v?.recent ?? [],
    favourites: [...p.favourites],
    desktop: p.desktop,
    focus: p.focus,
    accounts: p.accounts,
    activeAccountId: p.activeAccountId,
    harvestSignIn: p.harvestSignIn,
    accountChoice: p.accountChoice,
  };
}
