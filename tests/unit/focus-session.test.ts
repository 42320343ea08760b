// Tests the focus session's own timer: one shot at each boundary (not a tick a second), re-armed for the next
// phase, gone once stopped or disposed; the boundary's notification and beep; midnight's reset reaching the popover.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FocusSession } from '../../electron/main/core/desktop/focus-session';
import { defaultSettings, type Settings } from '../../shared/settings';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 10, 25, 9, 0));
});
afterEach(() => vi.useRealTimers());

function session(focus: Partial<Settings['focus']> = {}) {
  const notify = vi.fn<(title: string, body: string) => void>();
  const onChange = vi.fn();
  const s = new FocusSession({
    // The fake timers move Date too, so this clock and the one-shot timer keep the same time.
    clock: { now: () => new Date() },
    settings: () => ({ ...defaultSettings.focus, ...focus }),
    timer: () => null,
    notify,
    onChange,
  });
  return { s, notify, onChange };
}

const minutes = (n: number) => n * 60_000;

describe('the focus session’s timer', () => {
  it('fires once at each boundary and is armed again for the next phase', async () => {
    const { s, notify } = session();
    s.start();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(minutes(25) - 1000);
    expect(notify).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000 + 50);
    expect(notify).toHaveBeenCalledWith('Break: 5 min', '1 focus session done today.');
    expect(s.view().phase).toBe('break');
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(minutes(5));
    expect(notify).toHaveBeenLastCalledWith('Focus: 25 min', "Break's over.");
    s.dispose();
  });

  it('runs nothing once stopped, or once disposed', async () => {
    const stopped = session();
    stopped.s.start();
    stopped.s.stop();
    expect(vi.getTimerCount()).toBe(0);
    const disposed = session();
    disposed.s.start();
    disposed.s.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(minutes(60));
    expect(stopped.notify).not.toHaveBeenCalled();
    expect(disposed.notify).not.toHaveBeenCalled();
  });

  it('marks a beep at the boundary only with the sound setting on', async () => {
    const quiet = session();
    quiet.s.start();
    await vi.advanceTimersByTimeAsync(minutes(25) + 50);
    expect(quiet.s.view().beepAt).toBeNull();
    quiet.s.dispose();
    const loud = session({ sound: true });
    loud.s.start();
    await vi.advanceTimersByTimeAsync(minutes(25) + 50);
    expect(loud.s.view().beepAt).toBe(new Date().toISOString());
    loud.s.dispose();
  });

  it('tells the popover when midnight resets the count, with no session running', async () => {
    vi.setSystemTime(new Date(2026, 10, 25, 23, 0));
    const { s, onChange } = session();
    s.start();
    await vi.advanceTimersByTimeAsync(minutes(25) + 50);
    s.stop();
    expect(s.view().completedToday).toBe(1);
    onChange.mockClear();
    vi.setSystemTime(new Date(2026, 10, 25, 23, 59));
    await s.check();
    expect(onChange).not.toHaveBeenCalled();
    vi.setSystemTime(new Date(2026, 10, 26, 0, 0));
    await s.check();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(s.view().completedToday).toBe(0);
  });
});
