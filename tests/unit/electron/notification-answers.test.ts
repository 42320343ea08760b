// Tests notifications you can answer, through the notifier over Electron's Notification (faked from its own
// declarations): buttons on macOS and Windows, none on Linux (a click opens the popover as before); the idle
// question's Keep and Discard answer it the way the popover does; the reminders' Snooze quiets them.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesktop } from '../../../electron/main/core/desktop/desktop';
import { Heartbeat } from '../../../electron/main/core/base/heartbeat';
import { memorySettingsStore, SettingsService } from '../../../electron/main/core/desktop/settings';
import type { Timesheet } from '../../../electron/main/core/timesheet';
import { createSimulatedIdleSource } from '../../../electron/main/adapters/simulated-idle';
import { createNotifier, notificationButtonsShow } from '../../../electron/main/platform/notifier';
import { defaultPrefs, type EntryView } from '../../../shared/state';
import { entryView } from '../../fixtures/app-state';
import { FakeClock } from '../../fixtures/fake-clock';
import { FakeNotification } from './fake-electron';

beforeEach(() => {
  FakeNotification.shown = [];
  FakeNotification.supported = true;
});

const last = () => FakeNotification.shown[FakeNotification.shown.length - 1]!;
const buttons = (n: FakeNotification) => (n.options.actions ?? []).map((a) => a.text);

describe('the notifier', () => {
  for (const platform of ['darwin', 'win32'] as const) {
    it(`on ${platform}, shows the buttons and tells which one was pressed`, () => {
      const onAction = vi.fn();
      const onClick = vi.fn();
      createNotifier(FakeNotification, platform).show('idle', 'Away', 'Body', onClick, {
        actions: [
          { id: 'keep', label: 'Keep' },
          { id: 'discard', label: 'Discard' },
        ],
        onAction,
      });
      expect(last().options.actions).toEqual([
        { type: 'button', text: 'Keep' },
        { type: 'button', text: 'Discard' },
      ]);
      last().press('Discard');
      expect(onAction).toHaveBeenCalledWith('discard');
      expect(onClick).not.toHaveBeenCalled();
    });
  }

  it('on Linux, leaves the buttons off; a click still opens the popover', () => {
    const onClick = vi.fn();
    createNotifier(FakeNotification, 'linux').show('noTimer', 'No timer running', '', onClick, {
      actions: [{ id: '15m', label: 'Snooze 15 min' }],
      onAction: () => {},
    });
    expect(last().options).toEqual({ title: 'No timer running', body: '', silent: true });
    last().emit('click');
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(notificationButtonsShow('linux')).toBe(false);
    expect(notificationButtonsShow('darwin')).toBe(true);
  });
});

const nine = new Date(2026, 10, 25, 9, 0); // A Wednesday, in working hours.

function desktopOn(platform: NodeJS.Platform) {
  const clock = new FakeClock(nine);
  const idle = createSimulatedIdleSource(clock);
  let running: EntryView | null = entryView({
    id: 42,
    spentDate: '2026-11-25',
    isRunning: true,
    hours: 0,
    runningSince: nine.toISOString(),
  });
  const discardTimeAway = vi.fn(async (..._args: unknown[]) => {
    running = null;
  });
  const timer = {
    running: () => running,
    entry: (id: EntryView['id']) => (running && running.id === id ? running : null),
    discardTimeAway,
  } as unknown as Timesheet;
  const popover = vi.fn();
  const desktop = createDesktop(
    {
      notifier: createNotifier(FakeNotification, platform),
      idle,
      showPopover: popover,
    },
    {
      clock,
      settings: new SettingsService(memorySettingsStore()),
      timer: () => timer,
      prefs: () => defaultPrefs,
      toggleTimer: async () => {},
      onChange: () => {},
      tellPopover: () => {},
      heartbeat: new Heartbeat(),
    },
  );
  /** Works an hour, is away the last 37 minutes of it, and comes back: the question is asked. */
  const awayAndBack = () => {
    clock.advanceMinutes(60);
    idle.away(37);
    desktop.check();
    idle.back();
  };
  return {
    clock,
    desktop,
    awayAndBack,
    discardTimeAway,
    popover,
    stop: () => (running = null),
  };
}

describe('the idle question’s buttons', () => {
  it('Keep answers it: the time stays, the question goes', async () => {
    const t = desktopOn('darwin');
    t.awayAndBack();
    expect(last().options.title).toBe('You were away since 09:23 (37 min)');
    expect(buttons(last())).toEqual(['Keep', 'Discard']);
    last().press('Keep');
    await vi.waitFor(() => expect(t.desktop.state().idleQuestion).toBeNull());
    expect(t.discardTimeAway).not.toHaveBeenCalled();
    t.desktop.dispose();
  });

  it('Discard answers it as the popover would: the time away comes off the entry', async () => {
    const t = desktopOn('win32');
    t.awayAndBack();
    last().press('Discard');
    await vi.waitFor(() => expect(t.discardTimeAway).toHaveBeenCalledTimes(1));
    expect(t.discardTimeAway.mock.calls[0]).toContainEqual(
      expect.objectContaining({ since: new Date(2026, 10, 25, 9, 23) }),
    );
    expect(t.desktop.state().idleQuestion).toBeNull();
    t.desktop.dispose();
  });

  it('a button on a question already answered in the popover does nothing', async () => {
    const t = desktopOn('darwin');
    t.awayAndBack();
    const first = last();
    await t.desktop.controls.answerIdle({ answer: 'keep' });
    first.press('Discard');
    await Promise.resolve();
    expect(t.discardTimeAway).not.toHaveBeenCalled();
    t.desktop.dispose();
  });

  it('on Linux there are no buttons; clicking opens the popover at the question', () => {
    const t = desktopOn('linux');
    t.awayAndBack();
    expect(last().options.actions).toBeUndefined();
    last().emit('click');
    expect(t.popover).toHaveBeenCalledTimes(1);
    expect(t.desktop.state().idleQuestion).not.toBeNull();
    t.desktop.dispose();
  });
});

describe('the reminders’ Snooze', () => {
  it('"Snooze 15 min" on "No timer running" quiets it, then it comes back once', () => {
    const t = desktopOn('darwin');
    t.stop();
    t.desktop.check();
    expect(last().options.title).toBe('No timer running');
    expect(buttons(last())).toEqual(['Snooze 15 min', 'Snooze 1 hour', 'Not again today']);
    last().press('Snooze 15 min');
    const shown = () => FakeNotification.shown.map((n) => n.options.title);
    t.clock.advanceMinutes(14);
    t.desktop.check();
    expect(shown()).toEqual(['No timer running']);
    t.clock.advanceMinutes(1);
    t.desktop.check();
    expect(shown()).toEqual(['No timer running', 'No timer running']);
    t.clock.advanceMinutes(1);
    t.desktop.check();
    expect(shown()).toHaveLength(2);
    t.desktop.dispose();
  });

  it('"Not again today" on "Timer still running" keeps every reminder away until tomorrow', () => {
    const t = desktopOn('win32');
    t.clock.set(new Date(2026, 10, 25, 17, 0)); // eight hours on
    t.desktop.check();
    expect(last().options.title).toBe('Timer still running (8:00)');
    last().press('Not again today');
    t.stop();
    t.clock.set(new Date(2026, 10, 25, 17, 30));
    t.desktop.check();
    expect(FakeNotification.shown).toHaveLength(1);
    t.clock.set(new Date(2026, 10, 26, 9, 0));
    t.desktop.check();
    expect(last().options.title).toBe('No timer running');
    t.desktop.dispose();
  });

  it('the same snooze as a command, from the popover', async () => {
    const t = desktopOn('linux');
    t.stop();
    t.desktop.check();
    await t.desktop.controls.snoozeReminder({ for: '1h' });
    t.clock.advanceMinutes(59);
    t.desktop.check();
    expect(FakeNotification.shown).toHaveLength(1);
    t.clock.advanceMinutes(1);
    t.desktop.check();
    expect(FakeNotification.shown).toHaveLength(2);
    t.desktop.dispose();
  });
});
