// @vitest-environment jsdom
// A view that fails to render: the popover says so and offers a way back, never a blank page.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../renderer/src/components/ErrorBoundary';
import type { AppState } from '../../../shared/state';
import { signedIn } from './fake-sheaf';
import { renderApp } from './render-app';

/** Today, 2025-06-04, shown as main shows it. */
function onDay(date: string): AppState {
  const base = signedIn({ today: { date: '2025-06-04', totalHours: 0 } });
  return { ...base, day: { ...base.day, date, isToday: date === '2025-06-04' } };
}

beforeEach(() => {
  // React reports a caught render error on the console; the boundary logs it too. Neither is this test's output.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  delete window.sheaf;
});

describe('a view that fails to render', () => {
  it('shows what happened and Back to today, which asks main for today and shows the popover again', async () => {
    const user = userEvent.setup();
    const fake = await renderApp(onDay('2025-06-04'));
    expect(screen.getByRole('heading', { name: 'Today' })).toBeInTheDocument();

    // A day the calendar doesn't have (what main showed before the contract refused such dates).
    act(() => fake.push(onDay('2025-12-32')));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent("Sheaf couldn't show this view");
    expect(alert).toHaveTextContent('Your timer and entries are safe');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();

    // Main answers showDay by pushing today before the command's result comes back.
    const answer = fake.api.showDay;
    fake.api.showDay = async (input) => {
      fake.push(onDay('2025-06-04'));
      return answer(input);
    };
    await user.click(screen.getByRole('button', { name: 'Back to today' }));
    expect(fake.callsTo('showDay')).toEqual([{ date: '2025-06-04' }]);
    expect(screen.queryByText("Sheaf couldn't show this view")).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Today' })).toBeInTheDocument();
  });

  it('shows the message again if the view still fails, rather than a blank page', async () => {
    const user = userEvent.setup();
    const fake = await renderApp(onDay('2025-06-04'));
    act(() => fake.push(onDay('2025-12-32')));
    fake.answers.showDay = { ok: false, error: { code: 'network', message: "Can't reach Sheaf." } };
    await user.click(screen.getByRole('button', { name: 'Back to today' }));
    expect(fake.callsTo('showDay')).toEqual([{ date: '2025-06-04' }]);
    expect(screen.getByRole('alert')).toHaveTextContent("Sheaf couldn't show this view");
  });

  it('reloads the window from Reload', async () => {
    const user = userEvent.setup();
    const reload = vi.fn();
    function Broken(): never {
      throw new Error('Invalid time value');
    }
    render(
      <ErrorBoundary backToToday={async () => {}} reload={reload}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid time value');
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
