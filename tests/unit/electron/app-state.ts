// Owns the AppState snapshot the shell's tests start from: the shared sample, in the first week of 2025.
import type { AppState } from '../../../shared/state';
import { sampleAppState } from '../../fixtures/app-state';

export function appState(overrides: Partial<AppState> = {}): AppState {
  return sampleAppState({ today: '2025-01-06', weekStart: '2025-01-06', weekEnd: '2025-01-12' }, overrides);
}
