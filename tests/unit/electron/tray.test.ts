// Tests the tray: title (macOS) / tooltip (others), skipping unchanged renders, minute-aligned ticks, menu actions,
// and several accounts (the account each running timer is in, switching from the menu).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { AppState } from '../../../shared/state';
import { assignmentOption, desktopState, entryView } from '../../fixtures/app-state';
import { appState } from './app-state';
import {
  bindTray,
  createTrayService,
  trayViewOf,
  type TrayActions,
} from '../../../electron/main/platform/tray';
import { FakeTray } from './fake-electron';

const idle = appState({
  session: {
    status: 'signed_in',
    demo: true,
    user: { id: 1, name: 'Ada', email: 'ada@example.com' },
    accountName: 'Demo',
    weeklyCapacitySeconds: null,
  },
});

function runningSince(iso: string, hours = 0): AppState {
  const entry = entryView({
    id: 1,
    spentDate: '2025-01-06',
    projectId: 10,
    projectCode: null,
    taskId: 20,
    hours,
    isRunning: true,
    runningSince: iso,
  });
  return { ...idle, running: entry, day: { ...idle.day, entries: [entry] } };
}

function setup(platform: NodeJS.Platform) {
  FakeTray.created = [];
  const actions: TrayActions = {
    toggleTimer: vi.fn(),
    startTimer: vi.fn(),
    switchAccount: vi.fn(),
    openSettings: vi.fn(),
    showPopover: vi.fn(),
    openHarvest: vi.fn(),
    signOut: vi.fn(),
    quit: vi.fn(),
  };
  const menus: MenuItemConstructorOptions[][] = [];
  const onClick = vi.fn();
  const service = createTrayService({
    platform,
    resourcesDir: '/res',
    createTray: (image) => new FakeTray(image),
    loadImage: (path) => `image:${path}`,
    buildMenu: (template) => {
      menus.push(template);
      return template;
    },
    actions,
    onClick,
  });
  const tray = FakeTray.created[0]!;
  return { service, tray, actions, menus, onClick };
}

const at = (iso: string) => new Date(iso);

const pair = (projectId: number, taskId: number, projectName: string, taskName: string) =>
  assignmentOption('Acme', projectName, taskName, { projectId, taskId });

function withDesktop(state: AppState, over: Partial<NonNullable<AppState['desktop']>> = {}): AppState {
  return { ...state, desktop: desktopState(over) };
}

describe('trayViewOf', () => {
  it('shows h:mm from runningSince plus the hours already tracked, floored to the minute', () => {
    const state = runningSince('2025-01-06T09:00:00Z', 0.5);
    const view = trayViewOf(state, at('2025-01-06T09:53:59Z'), 'darwin');
    expect(view).toMatchObject({ running: true, title: '1:23', tooltip: 'Website — Design — 1:23' });
    expect(trayViewOf(state, at('2025-01-06T09:53:59Z'), 'linux').title).toBe('');
  });

  it('says no timer is running when idle', () => {
    expect(trayViewOf(idle, new Date(), 'win32')).toEqual({
      running: false,
      runningHere: false,
      signedIn: true,
      title: '',
      tooltip: 'Sheaf — no timer running',
      quickStarts: [],
      accounts: [],
    });
  });

  it('offers the five newest of the recent pairs as quick starts', () => {
    const recent = Array.from({ length: 8 }, (_, i) => pair(10 + i, 20 + i, `Project ${i}`, 'Design'));
    const view = trayViewOf({ ...idle, recent }, new Date(), 'linux');
    expect(view.quickStarts.map((q) => q.projectName)).toEqual([0, 1, 2, 3, 4].map((i) => `Project ${i}`));
  });

  it.each(['linux', 'win32'] as const)(
    'on %s the elapsed time is in the tooltip, with no label, whatever the setting',
    (platform) => {
      const state = withDesktop(runningSince('2025-01-06T09:00:00Z'), { trayTitle: true });
      const view = trayViewOf(state, at('2025-01-06T10:23:00Z'), platform);
      expect(view).toMatchObject({ title: '', tooltip: 'Website — Design — 1:23' });
    },
  );

  it('leaves the macOS title off when the settings say so; the tooltip still tells', () => {
    const state = withDesktop(runningSince('2025-01-06T09:00:00Z'), { trayTitle: false });
    const view = trayViewOf(state, at('2025-01-06T10:23:00Z'), 'darwin');
    expect(view).toMatchObject({ title: '', tooltip: 'Website — Design — 1:23' });
  });
});

describe('tray service', () => {
  it('on macOS sets the title and the running template icon, and skips an unchanged render', () => {
    const { service, tray } = setup('darwin');
    expect(tray.image).toBe('image:/res/trayTemplate.png');
    service.render(trayViewOf(runningSince('2025-01-06T09:00:00Z'), at('2025-01-06T10:23:00Z'), 'darwin'));
    expect(tray.calls).toContainEqual(['setTitle', '1:23']);
    expect(tray.calls).toContainEqual(['setImage', 'image:/res/trayRunningTemplate.png']);
    // macOS pops the menu on right click instead, so the left click stays free for the popover.
    expect(tray.calls.some(([name]) => name === 'setContextMenu')).toBe(false);

    const before = tray.calls.length;
    service.render(trayViewOf(runningSince('2025-01-06T09:00:00Z'), at('2025-01-06T10:23:30Z'), 'darwin'));
    expect(tray.calls).toHaveLength(before);

    service.render(trayViewOf(runningSince('2025-01-06T09:00:00Z'), at('2025-01-06T10:24:00Z'), 'darwin'));
    expect(tray.calls.slice(before)).toEqual([
      ['setTitle', '1:24'],
      ['setToolTip', 'Website — Design — 1:24'],
    ]);
    tray.emit('right-click');
    expect(tray.calls.at(-1)?.[0]).toBe('popUpContextMenu');
  });

  it.each(['win32', 'linux'] as const)(
    'on %s updates the tooltip, never the title, and sets a context menu',
    (platform) => {
      const { service, tray } = setup(platform);
      service.render(trayViewOf(idle, new Date(), platform));
      service.render(trayViewOf(runningSince('2025-01-06T09:00:00Z'), at('2025-01-06T10:23:00Z'), platform));
      expect(tray.calls).toContainEqual(['setToolTip', 'Sheaf — no timer running']);
      expect(tray.calls).toContainEqual(['setToolTip', 'Website — Design — 1:23']);
      expect(tray.calls).toContainEqual(['setImage', 'image:/res/trayRunning.png']);
      expect(tray.calls.some(([name]) => name === 'setTitle')).toBe(false);
      expect(tray.menu).not.toBeNull();
    },
  );

  it('menu items call the right actions and follow the running and signed-in state', () => {
    const { service, menus, actions } = setup('linux');
    service.render(trayViewOf(runningSince('2025-01-06T09:00:00Z'), at('2025-01-06T10:00:00Z'), 'linux'));
    const menu = menus.at(-1)!;
    const item = (label: string) => {
      const found = menu.find((i) => i.label === label);
      if (!found) throw new Error(`no menu item ${label}`);
      return found;
    };
    const click = (label: string) => (item(label).click as () => void)();
    click('Stop timer');
    click('Open Harvest');
    click('Sign out');
    click('Show Sheaf');
    click('Quit Sheaf');
    expect(actions.toggleTimer).toHaveBeenCalledTimes(1);
    expect(actions.openHarvest).toHaveBeenCalledTimes(1);
    expect(actions.signOut).toHaveBeenCalledTimes(1);
    expect(actions.showPopover).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(1);

    service.render(
      trayViewOf({ ...idle, session: { status: 'signed_out', message: null } }, new Date(), 'linux'),
    );
    const signedOut = menus.at(-1)!;
    expect(signedOut.find((i) => i.label === 'Start timer')?.enabled).toBe(false);
    expect(signedOut.find((i) => i.label === 'Sign out')?.enabled).toBe(false);
  });

  it('offers the last five project/task pairs to start directly, plus Settings', () => {
    const { service, menus, actions, tray } = setup('linux');
    const quickStarts = [pair(10, 20, 'Website', 'Design'), pair(11, 21, 'R&D', 'Research')];
    service.render(trayViewOf({ ...idle, recent: quickStarts }, new Date(), 'linux'));
    const labels = menus.at(-1)!.map((i) => i.label ?? i.type);
    expect(labels).toEqual([
      'Start timer',
      'separator',
      'Start again',
      'Website — Design',
      'R&&D — Research',
      'separator',
      'Show Sheaf',
      'Settings…',
      'Open Harvest',
      'separator',
      'Sign out',
      'Quit Sheaf',
    ]);
    const click = (label: string) => (menus.at(-1)!.find((i) => i.label === label)!.click as () => void)();
    click('R&&D — Research');
    click('Settings…');
    expect(actions.startTimer).toHaveBeenCalledWith(11, 21);
    expect(actions.openSettings).toHaveBeenCalledTimes(1);

    // A new pair rebuilds the menu; the same pairs again do not.
    const menusBefore = menus.length;
    service.render(trayViewOf({ ...idle, recent: quickStarts }, new Date(), 'linux'));
    expect(menus).toHaveLength(menusBefore);
    service.render(
      trayViewOf({ ...idle, recent: [pair(12, 22, 'Ops', 'On call'), ...quickStarts] }, new Date(), 'linux'),
    );
    expect(menus).toHaveLength(menusBefore + 1);
    expect(tray.menu).toBe(menus.at(-1));
  });

  it('a left click hands the icon bounds to the popover', () => {
    const { tray, onClick } = setup('win32');
    tray.emit('click');
    expect(onClick).toHaveBeenCalledWith(tray.bounds);
  });
});

describe('several accounts', () => {
  const account = (id: string, name: string, over: Partial<AppState['accounts'][number]> = {}) => ({
    id,
    name,
    demo: false,
    signedIn: true,
    message: null,
    running: null,
    todayHours: 0,
    weekHours: 0,
    pending: 0,
    ...over,
  });
  const elsewhere = entryView({
    id: 2,
    projectName: 'Brand refresh',
    taskName: 'Research',
    isRunning: true,
    hours: 0,
    runningSince: '2025-01-06T10:00:00Z',
  });

  function twoAccounts(state: AppState, other: Partial<AppState['accounts'][number]> = {}): AppState {
    return {
      ...state,
      activeAccountId: '1',
      accounts: [
        account('1', 'Acme Agency', { running: state.running }),
        account('2', 'Northwind & Co', other),
      ],
    };
  }

  it('names the account each running timer is in, the shown one first', () => {
    const state = twoAccounts(runningSince('2025-01-06T09:00:00Z'), { running: elsewhere });
    const view = trayViewOf(state, at('2025-01-06T10:23:00Z'), 'darwin');
    expect(view).toMatchObject({ running: true, runningHere: true, title: '1:23' });
    expect(view.tooltip).toBe(
      'Acme Agency: Website — Design — 1:23\nNorthwind & Co: Brand refresh — Research — 0:23',
    );
  });

  it("shows another account's timer as running while the menu still starts one here", () => {
    const view = trayViewOf(twoAccounts(idle, { running: elsewhere }), at('2025-01-06T10:05:00Z'), 'darwin');
    expect(view).toMatchObject({
      running: true,
      runningHere: false,
      title: '0:05',
      tooltip: 'Northwind & Co: Brand refresh — Research — 0:05',
    });
  });

  it('with one account the tooltip stays as it was, and no accounts are listed', () => {
    const state = { ...runningSince('2025-01-06T09:00:00Z'), accounts: [account('1', 'Acme Agency')] };
    const view = trayViewOf(state, at('2025-01-06T10:23:00Z'), 'linux');
    expect(view).toMatchObject({ tooltip: 'Website — Design — 1:23', accounts: [] });
  });

  it('lists the accounts as radio items that switch, the shown one checked', () => {
    const { service, menus, actions } = setup('linux');
    service.render(trayViewOf(twoAccounts(idle, { signedIn: false }), new Date(), 'linux'));
    const menu = menus.at(-1)!;
    const accounts = menu.find((i) => i.label === 'Accounts')!.submenu as MenuItemConstructorOptions[];
    expect(accounts.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['Acme Agency', 'radio', true],
      ['Northwind && Co (signed out)', 'radio', false],
    ]);
    (accounts[1]!.click as () => void)();
    expect(actions.switchAccount).toHaveBeenCalledWith('2');
    expect(menu.find((i) => i.label === 'Sign out of all accounts')).toBeDefined();

    // Switching rebuilds the menu with the other account checked.
    service.render(trayViewOf({ ...twoAccounts(idle), activeAccountId: '2' }, new Date(), 'linux'));
    const switched = menus.at(-1)!.find((i) => i.label === 'Accounts')!
      .submenu as MenuItemConstructorOptions[];
    expect(switched.map((i) => i.checked)).toEqual([false, true]);
  });

  it("ticks on the minute of whichever running timer's minute rolls over first", () => {
    vi.useFakeTimers();
    vi.setSystemTime(at('2025-01-06T10:00:30Z'));
    // Here 1:00:30 in; in the other account 0:00:50 in (10s to its next minute).
    const state = twoAccounts(runningSince('2025-01-06T09:00:00Z'), {
      running: { ...elsewhere, runningSince: '2025-01-06T09:59:40Z' },
    });
    const render = vi.fn();
    bindTray({ service: { render }, platform: 'linux', getState: () => state, subscribe: () => () => {} });
    vi.advanceTimersByTime(10_001);
    expect(render).toHaveBeenCalledTimes(2);
    expect(render).toHaveBeenLastCalledWith(
      expect.objectContaining({ tooltip: expect.stringContaining('Brand refresh — Research — 0:01') }),
    );
    vi.useRealTimers();
  });
});

describe('bindTray', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('re-renders exactly when the running minute rolls over, computed from runningSince', () => {
    vi.useFakeTimers();
    vi.setSystemTime(at('2025-01-06T10:00:30Z'));
    const state = runningSince('2025-01-06T09:58:50Z'); // 1:40 elapsed at the start
    const render = vi.fn();
    let listener: (s: AppState) => void = () => {};
    const stop = bindTray({
      service: { render },
      platform: 'darwin',
      getState: () => state,
      subscribe: (l) => {
        listener = l;
        return () => {};
      },
    });
    expect(render).toHaveBeenLastCalledWith(expect.objectContaining({ title: '0:01' }));
    vi.advanceTimersByTime(19_000); // 1:59
    expect(render).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_001); // 2:00
    expect(render).toHaveBeenCalledTimes(2);
    expect(render).toHaveBeenLastCalledWith(expect.objectContaining({ title: '0:02' }));
    vi.advanceTimersByTime(60_000);
    expect(render).toHaveBeenLastCalledWith(expect.objectContaining({ title: '0:03' }));

    // A new snapshot re-renders at once and re-aligns the single pending tick.
    listener(state);
    expect(render).toHaveBeenCalledTimes(4);
    vi.advanceTimersByTime(60_000);
    expect(render).toHaveBeenCalledTimes(5);

    stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(render).toHaveBeenCalledTimes(5);
  });

  it('does not tick while no timer runs', () => {
    vi.useFakeTimers();
    const render = vi.fn();
    bindTray({ service: { render }, platform: 'linux', getState: () => idle, subscribe: () => () => {} });
    vi.advanceTimersByTime(10 * 60_000);
    expect(render).toHaveBeenCalledTimes(1);
  });
});
