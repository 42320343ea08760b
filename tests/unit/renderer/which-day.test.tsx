// @vitest-environment jsdom
// Which day the popover opens on: today again after it was hidden a while, as Harvest's does; the day the person
// was on after a quick look away. And "Back to today" beside the title, which stays centred in its own column.
import '@testing-library/jest-dom/vitest';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backToTodayAfterMs } from '../../../renderer/src/hooks/useOpensOnToday';
import { signedIn } from './fake-sheaf';
import { cleanUpPopover, renderPopover } from './popover-setup';

afterEach(() => {
  cleanUpPopover();
  vi.useRealTimers();
});

/** Signed in, today 2 June 2025, showing Friday 30 May. */
function onAnEarlierDay() {
  const state = signedIn();
  return { ...state, day: { ...state.day, date: '2025-05-30', isToday: false } };
}

async function hiddenFor(ms: number) {
  await act(async () => window.dispatchEvent(new Event('blur')));
  vi.setSystemTime(Date.now() + ms);
  await act(async () => window.dispatchEvent(new Event('focus')));
}

describe('which day the popover opens on', () => {
  it('opens on today after being hidden a while', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fake = await renderPopover(onAnEarlierDay());
    await hiddenFor(backToTodayAfterMs + 1000);
    expect(fake.callsTo('showDay')).toEqual([{ date: '2025-06-02' }]);
  });

  it('keeps the day the person was on after a quick look away', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fake = await renderPopover(onAnEarlierDay());
    await hiddenFor(30_000);
    expect(fake.callsTo('showDay')).toEqual([]);
  });

  it('asks for nothing when today is already shown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fake = await renderPopover(signedIn());
    await hiddenFor(backToTodayAfterMs * 2);
    expect(fake.callsTo('showDay')).toEqual([]);
  });

  it('puts "Back to today" beside the next-day arrow, not beside the title', async () => {
    await renderPopover(onAnEarlierDay());
    const back = screen.getByRole('button', { name: 'Back to today' });
    expect(back.parentElement).toBe(screen.getByRole('button', { name: 'Next day' }).parentElement);
    expect(back.parentElement).not.toBe(screen.getByRole('heading', { level: 2, name: /May/ }).parentElement);
  });
});
