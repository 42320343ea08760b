// Renders the whole popover over a fake window.sheaf, the way popover tests start.
import { act, render } from '@testing-library/react';
import { App } from '../../../renderer/src/components/App';
import { createSheafStore } from '../../../renderer/src/state/store';
import type { AppState, AssignmentOption } from '../../../shared/state';
import { installFakeSheaf, type FakeSheaf } from './fake-sheaf';

/** Installs the fake, lets `script` set answers before the first render, then lets getState and listAssignments answer. */
export async function renderApp(
  state: AppState,
  assignments: AssignmentOption[] = [],
  script: (fake: FakeSheaf) => void = () => {},
): Promise<FakeSheaf> {
  const fake = installFakeSheaf(state, assignments);
  script(fake);
  render(<App store={createSheafStore(window.sheaf!)} />);
  // Let getState and listAssignments answer.
  await act(async () => {});
  await act(async () => {});
  return fake;
}
