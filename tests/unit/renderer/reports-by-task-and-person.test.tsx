// @vitest-environment jsdom
// Tests the By task and By person reports in the popover: billable hours in every table, amounts only where
// Harvest sent them, and "By person" (hours against each one's capacity) only when core has people to show.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportView } from '../../../shared/state';
import { signedIn } from './fake-sheaf';
import { renderApp } from './render-app';

const noMoney = { currency: null, billableAmount: null };
const week: ReportView = {
  period: 'week',
  from: '2025-06-02',
  to: '2025-06-08',
  fetchedAt: new Date().toISOString(),
  stale: false,
  note: null,
  projects: [],
  clients: [{ clientId: 1, clientName: 'Acme', totalHours: 10, billableHours: 8, ...noMoney }],
  tasks: [
    { taskId: 7, taskName: 'Design', totalHours: 6, billableHours: 6, currency: 'USD', billableAmount: 600 },
    {
      taskId: 8,
      taskName: 'Meetings',
      totalHours: 4,
      billableHours: 2,
      currency: 'USD',
      billableAmount: 200,
    },
  ],
  people: [
    { userId: 1, userName: 'Ada Okafor', capacityHours: 40, totalHours: 6, billableHours: 5, ...noMoney },
    { userId: 2, userName: 'Dana Demo', capacityHours: 35, totalHours: 4, billableHours: 3, ...noMoney },
  ],
};

afterEach(() => {
  cleanup();
  delete window.sheaf;
});

async function openReports(report: ReportView) {
  const user = userEvent.setup();
  await renderApp(signedIn(), [], (f) => {
    f.answers.getReport = { ok: true, value: report };
  });
  await user.click(screen.getByRole('button', { name: 'Reports' }));
  return screen.getByRole('region', { name: 'Reports' });
}

describe('reports by task and by person', () => {
  it('lists hours by task with billable hours and the amounts Harvest sent', async () => {
    const reports = await openReports(week);
    const byTask = await within(reports).findByRole('table', { name: 'By task' });
    const design = within(byTask).getByRole('row', { name: /Design/ });
    expect(design).toHaveTextContent('6:00');
    expect(design).toHaveTextContent('$600');
    expect(within(byTask).getByRole('columnheader', { name: 'Billable' })).toBeInTheDocument();
  });

  it('lists each person against their weekly capacity, without an amount column when none was sent', async () => {
    const reports = await openReports(week);
    const byPerson = await within(reports).findByRole('table', { name: 'By person' });
    expect(within(byPerson).getByRole('row', { name: /Ada Okafor/ })).toHaveTextContent('of 40:00');
    expect(within(byPerson).queryByRole('columnheader', { name: 'Amount' })).toBeNull();
  });

  it('has no By person table when core lists no one (a member, or a month)', async () => {
    const reports = await openReports({ ...week, people: [] });
    await within(reports).findByRole('table', { name: 'By task' });
    expect(within(reports).queryByRole('table', { name: 'By person' })).toBeNull();
  });
});
