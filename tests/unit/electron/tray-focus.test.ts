// Tests the tray's part in a focus session: the phase and the minutes left beside the timer in the menu bar title
// (macOS) and the tooltip, and a tick when those minutes change, with or without a running timer.
import { describe, expect, it } from 'vitest';
import type { AppState, FocusView } from '../../../shared/state';
import { desktopState, entryView } from '../../fixtures/app-state';
import { appState } from './app-state';
import { msUntilNextMinute, trayViewOf } from '../../../electron/main/platform/tray';

const now = new Date('2025-01-06T10:10:00Z');
const focus = (phase: FocusView['phase'], endsAt: string): FocusView => ({
  phase,
  endsAt,
  completedToday: 2,
  beepAt: null,
});

function state(over: Partial<AppState> = {}): AppState {
  return appState({
    session: {
      status: 'signed_in',
      demo: false,
      user: { id: 1, name: 'Ada', email: 'ada@example.com' },
      accountName: 'Acme',
      weeklyCapacitySeconds: null,
    },
    desktop: desktopState(),
    ...over,
  });
}

const running = entryView({
  id: 1,
  spentDate: '2025-01-06',
  isRunning: true,
  hours: 0,
  runningSince: '2025-01-06T09:00:00Z',
});

describe('the tray in a focus session', () => {
  it('shows the phase and the minutes left beside the timer, rounded up', () => {
    const s = state({ running, focus: focus('work', '2025-01-06T10:22:30Z') });
    const view = trayViewOf(s, now, 'darwin');
    expect(view.title).toBe('1:10 · Focus 13m');
    expect(view.tooltip).toBe('Website — Design — 1:10 — Focus: 13 min left');
  });

  it('shows a break with no timer running (it was stopped for the break)', () => {
    const s = state({ focus: focus('longBreak', '2025-01-06T10:24:00Z') });
    expect(trayViewOf(s, now, 'darwin')).toMatchObject({
      running: false,
      title: 'Long break 14m',
      tooltip: 'Sheaf — no timer running — Long break: 14 min left',
    });
    // No menu bar title off macOS, or with the title turned off; the tooltip says it still.
    expect(trayViewOf(s, now, 'win32').title).toBe('');
    const off = { ...s, desktop: desktopState({ trayTitle: false }) };
    expect(trayViewOf(off, now, 'darwin').title).toBe('');
    expect(trayViewOf(off, now, 'darwin').tooltip).toContain('Long break: 14 min left');
  });

  it('without a focus session, says what it always did', () => {
    expect(trayViewOf(state({ running }), now, 'darwin').title).toBe('1:10');
    expect(trayViewOf(state(), now, 'linux').tooltip).toBe('Sheaf — no timer running');
  });

  it('ticks when the minutes left change, even with no timer running', () => {
    const breakOnly = state({ focus: focus('break', '2025-01-06T10:14:20Z') });
    expect(msUntilNextMinute(breakOnly, now)).toBe(20_000);
    // With a timer too: whichever shown figure changes first (the timer's minute here, 60 s on).
    const both = state({ running, focus: focus('work', '2025-01-06T10:30:00Z') });
    expect(msUntilNextMinute(both, now)).toBe(60_000);
    expect(msUntilNextMinute(state(), now)).toBeNull();
  });
});
