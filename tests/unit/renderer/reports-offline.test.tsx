// @vitest-environment jsdom
// Reports when Harvest can't be reached: the last one fetched stays, with when it was fetched, and the trouble is
// said once — in the report, not again in the popover's alert.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportView } from '../../../shared/state';
import { signedIn } from './fake-sheaf';
import { renderApp } from './render-app';

const week: ReportView = {
  period: 'week',
  from: '2025-06-02',
  to: '2025-06-08',
  fetchedAt: new Date(Date.now() - 20.75 * 60_000).toISOString(),
  stale: false,
  note: null,
  projects: [],
  clients: [],
};
const unreachable = {
  ok: false as const,
  error: { code: 'network' as const, message: "Can't reach Harvest. Check your connection." },
};

afterEach(() => {
  cleanup();
  delete window.sheaf;
});

describe('reports offline', () => {
  it('say the trouble once, and keep the last report fetched with its age', async () => {
    const user = userEvent.setup();
    const fake = await renderApp(signedIn(), [], (f) => {
      f.answers.getReport = { ok: true, value: week };
    });
    await user.click(screen.getByRole('button', { name: 'Reports' }));
    const reports = screen.getByRole('region', { name: 'Reports' });
    expect(await within(reports).findByText(/As of 20 min ago/)).toBeInTheDocument();

    fake.answers.getReport = unreachable;
    await user.click(within(reports).getByRole('button', { name: 'Month' }));
    expect(
      await within(reports).findByText("Can't reach Harvest. Check your connection."),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Can't reach Harvest/)).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(reports).not.toHaveTextContent(/kept/);

    await user.click(within(reports).getByRole('button', { name: 'Week' }));
    expect(await within(reports).findByText(/As of 20 min ago/)).toBeInTheDocument();
    expect(screen.getAllByText(/Can't reach Harvest/)).toHaveLength(1);
  });
});
