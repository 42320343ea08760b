// @vitest-environment jsdom
// Tests the popover's clock: one shared interval however many live figures, a re-render only when what a figure
// shows changes, and no timer at all while the popover is hidden.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runningTickers, useLive } from '../../../renderer/src/hooks/useNow';

let renders = 0;
function Minutes({ id }: { id: string }) {
  renders++;
  const minutes = useLive((now) => Math.floor(now / 60_000));
  return <p data-testid={id}>{minutes}</p>;
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(2026, 11, 1, 9, 0, 30) });
  renders = 0;
});
afterEach(() => {
  cleanup();
  setVisibility('visible');
  vi.useRealTimers();
});

describe('useLive', () => {
  it('shares one interval between figures and re-renders them only when what they show changes', () => {
    render(
      <>
        <Minutes id="a" />
        <Minutes id="b" />
      </>,
    );
    expect(runningTickers()).toBe(1);
    const first = screen.getByTestId('a').textContent;
    const before = renders;
    act(() => void vi.advanceTimersByTime(20_000)); // 9:00:50, the same minute: nothing shown changed.
    expect(renders).toBe(before);
    act(() => void vi.advanceTimersByTime(15_000)); // 9:01:05
    expect(renders).toBe(before + 2);
    expect(Number(screen.getByTestId('b').textContent)).toBe(Number(first) + 1);
  });

  it('runs no timer while the popover is hidden and catches up at once when it is shown', () => {
    render(<Minutes id="a" />);
    const first = Number(screen.getByTestId('a').textContent);
    act(() => setVisibility('hidden'));
    expect(runningTickers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    act(() => void vi.setSystemTime(new Date(2026, 11, 1, 9, 10, 0)));
    act(() => setVisibility('visible'));
    expect(runningTickers()).toBe(1);
    expect(Number(screen.getByTestId('a').textContent)).toBe(first + 10);
  });

  it('stops the interval when the last figure goes', () => {
    const { unmount } = render(<Minutes id="a" />);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(runningTickers()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
