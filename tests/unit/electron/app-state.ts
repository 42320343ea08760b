// Owns a valid AppState snapshot for the shell's tests, checked by the contract's own schema so it keeps up with it.
import { AppState, defaultPrefs } from '../../../shared/state';

export function appState(overrides: Partial<AppState> = {}): AppState {
  return AppState.parse({
    session: { status: 'signed_out', message: null },
    prefs: defaultPrefs,
    running: null,
    today: { date: '2025-01-06', entries: [], totalHours: 0 },
    week: { start: '2025-01-06', end: '2025-01-12', totalHours: 0 },
    assignmentsVersion: 0,
    sync: { state: 'idle', pending: 0, lastSyncedAt: null, message: null },
    error: null,
    // Lists added to the snapshot over time; absent ones default to empty.
    notices: [],
    setAside: [],
    ...overrides,
  });
}
