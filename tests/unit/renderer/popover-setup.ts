// Owns what the popover tests share: five assignments across three clients, rendering the popover over them,
// and the cleanup after each test (the DOM, fake timers, the fake window.sheaf).
import { cleanup } from '@testing-library/react';
import { vi } from 'vitest';
import type { AppState, AssignmentOption } from '../../../shared/state';
import { assignment, type FakeSheaf } from './fake-sheaf';
import { renderApp } from './render-app';

export const assignments: AssignmentOption[] = [
  assignment('Acme', 'Website', 'Design', { projectId: 11, taskId: 101, projectCode: 'ACM-1' }),
  assignment('Acme', 'Website', 'Development', { projectId: 11, taskId: 102, projectCode: 'ACM-1' }),
  assignment('Globex', 'Mobile app', 'Design', { projectId: 22, taskId: 101, clientId: 2 }),
  assignment('Globex', 'Mobile app', 'Meetings', { projectId: 22, taskId: 103, clientId: 2 }),
  assignment('Initech', 'TPS reports', 'Development', { projectId: 33, taskId: 102, clientId: 3 }),
];

export const renderPopover = (
  state: AppState,
  options: AssignmentOption[] = assignments,
): Promise<FakeSheaf> => renderApp(state, options);

/** For afterEach: unmounts, goes back to real timers and removes the fake window.sheaf. */
export function cleanUpPopover(): void {
  cleanup();
  vi.useRealTimers();
  delete window.sheaf;
}
