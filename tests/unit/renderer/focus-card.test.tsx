// @vitest-environment jsdom
// The focus card as a person meets it: Start focus, then the phase and a countdown read from the phase's end (live,
// re-rendered only when the shown text changes, no timer while the popover is hidden), Skip and Stop, today's
// sessions (today's hours show once, under the entries), and one beep per new boundary when main marks one.
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runningTickers } from '../../../renderer/src/hooks/useNow';
import { noFocus, type FocusView } from '../../../shared/state';
import { signedIn } from './fake-sheaf';
import { cleanUpPopover, renderPopover } from './popover-setup';

const tones: string[] = [];
class FakeAudioContext {
  currentTime = 0;
  destination = {};
  createOscillator() {
    return {
      frequency: { value: 0 },
      connect: (next: unknown) => next,
      start: () => tones.push('beep'),
      stop: () => {},
      onended: null,
    };
  }
  createGain() {
    return {
      gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} },
      connect: (next: unknown) => next,
    };
  }
  close() {
    return Promise.resolve();
  }
}

beforeEach(() => {
  tones.length = 0;
  vi.stubGlobal('AudioContext', FakeAudioContext);
});
afterEach(() => {
  cleanUpPopover();
  vi.unstubAllGlobals();
});

const card = () => screen.getByRole('region', { name: 'Focus session' });
const focus = (over: Partial<FocusView>): FocusView => ({ ...noFocus, ...over });

describe('the focus card', () => {
  it('is not there until focus sessions are turned on in Settings', async () => {
    await renderPopover(signedIn());
    expect(screen.queryByRole('region', { name: 'Focus session' })).not.toBeInTheDocument();
  });

  it('offers to start a focus session once turned on, after the timer’s own Start, with today’s sessions', async () => {
    const user = userEvent.setup();
    const state = signedIn({ focus: focus({ completedToday: 2 }) });
    const fake = await renderPopover({ ...state, desktop: { ...state.desktop, focusEnabled: true } });
    expect(card()).toHaveTextContent('2 sessions today');
    // No "Start …" button comes before the start form's.
    const starts = screen.getAllByRole('button', { name: /^Start/ });
    expect(starts[0]).toBe(within(card()).getByRole('button', { name: 'Start focus' }));
    expect(screen.getByRole('form', { name: 'Start a timer' }).compareDocumentPosition(card())).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    await user.click(within(card()).getByRole('button', { name: 'Start focus' }));
    expect(fake.callsTo('startFocus')).toHaveLength(1);
  });

  it('shows the phase and what is left, counting down from the phase’s end', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2025-06-02T10:00:00Z'));
    await renderPopover(signedIn({ focus: focus({ phase: 'work', endsAt: '2025-06-02T10:24:59Z' }) }));
    expect(within(card()).getByText('Focus')).toBeInTheDocument();
    const left = within(card()).getByRole('timer', { name: 'Focus time left' });
    expect(left).toHaveTextContent('24:59');
    await act(async () => vi.advanceTimersByTime(2000));
    expect(left).toHaveTextContent('24:57');
    // A computer that slept: the countdown is read from the end, so it is right at once.
    vi.setSystemTime(new Date('2025-06-02T10:20:00Z'));
    await act(async () => vi.advanceTimersByTime(1000));
    expect(left).toHaveTextContent('4:58');
  });

  it('runs no timer while the popover is hidden', async () => {
    await renderPopover(
      signedIn({ focus: focus({ phase: 'break', endsAt: new Date(Date.now() + 60_000).toISOString() }) }),
    );
    expect(runningTickers()).toBeGreaterThan(0);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    expect(runningTickers()).toBe(0);
    visibility.mockRestore();
  });

  it('skips the phase or stops the session', async () => {
    const user = userEvent.setup();
    const ends = new Date(Date.now() + 300_000).toISOString();
    const fake = await renderPopover(signedIn({ focus: focus({ phase: 'break', endsAt: ends }) }));
    await user.click(within(card()).getByRole('button', { name: 'Skip break' }));
    await user.click(within(card()).getByRole('button', { name: 'End focus' }));
    expect(fake.callsTo('skipFocusPhase')).toHaveLength(1);
    expect(fake.callsTo('stopFocus')).toHaveLength(1);
    fake.push({ ...fake.state, focus: focus({ phase: 'work', endsAt: ends }) });
    await act(async () => {});
    expect(within(card()).getByRole('button', { name: 'Break now' })).toBeInTheDocument();
  });

  it('beeps once for each new boundary main marks, not for one marked before it appeared', async () => {
    const ends = new Date(Date.now() + 300_000).toISOString();
    const fake = await renderPopover(
      signedIn({ focus: focus({ phase: 'break', endsAt: ends, beepAt: '2025-06-02T10:25:00Z' }) }),
    );
    expect(tones).toEqual([]);
    fake.push({
      ...fake.state,
      focus: focus({ phase: 'work', endsAt: ends, beepAt: '2025-06-02T10:30:00Z' }),
    });
    await act(async () => {});
    expect(tones).toEqual(['beep']);
    // Another snapshot with the same boundary (a timer tick elsewhere) doesn't beep again.
    fake.push({ ...fake.state, error: 'something else changed' });
    await act(async () => {});
    expect(tones).toEqual(['beep']);
  });
});
