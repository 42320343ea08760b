// Owns the tray icon: what it shows for an AppState (icon, macOS title, tooltip naming each running timer's account,
// menu with the accounts to switch between), one render() that touches the real tray only for what changed
// (Signal-Desktop's pattern), and a tick aligned to the running timers' minutes.
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Rectangle, Tray } from 'electron';
import type { AppState, AssignmentOption, EntryView } from '../../../shared/state';
import { formatElapsedMinutes } from '../../../shared/duration';
import { elapsedMs, msPerMinute } from '../../../shared/elapsed';
import { focusLeftInWords, focusMsLeft, focusTrayText } from '../../../shared/focus';

export interface TrayView {
  /** A timer runs, in the shown account or another: the running icon. */
  running: boolean;
  /** The shown account's timer runs: the menu offers to stop it rather than start one. */
  runningHere: boolean;
  signedIn: boolean;
  /** macOS menu bar text next to the icon ("1:23"), empty when idle. */
  title: string;
  tooltip: string;
  /** The last project/task pairs, started straight from the menu. */
  quickStarts: Array<Pick<AssignmentOption, 'projectId' | 'taskId' | 'projectName' | 'taskName'>>;
  /** With two accounts or more, each to switch to; the shown one is checked. */
  accounts: Array<{ id: string; name: string; signedIn: boolean; active: boolean }>;
}

export interface TrayActions {
  toggleTimer(): void;
  startTimer(projectId: number, taskId: number): void;
  switchAccount(accountId: string): void;
  openSettings(): void;
  showPopover(): void;
  openHarvest(): void;
  signOut(): void;
  quit(): void;
}

/**
 * The slice of Electron's Tray the service drives. The menu is whatever buildMenu makes and the service only
 * passes it on: Electron's Menu in the app (where a Tray is a TrayLike<Menu>), a stand-in in tests.
 */
export type TrayLike<TMenu = Menu> = Pick<
  Tray,
  'setImage' | 'setTitle' | 'setToolTip' | 'getBounds' | 'on' | 'destroy'
> & {
  setContextMenu(menu: TMenu | null): void;
  popUpContextMenu(menu?: TMenu): void;
};

export interface TrayServiceOptions<TMenu = Menu> {
  platform: NodeJS.Platform;
  resourcesDir: string;
  createTray: (image: NativeImage | string) => TrayLike<TMenu>;
  loadImage: (path: string) => NativeImage | string;
  buildMenu: (template: MenuItemConstructorOptions[]) => TMenu;
  actions: TrayActions;
  onClick: (bounds: Rectangle) => void;
}

export interface TrayService {
  render(view: TrayView): void;
  bounds(): Rectangle;
  destroy(): void;
}

/** Icon file for the state: macOS gets template images (the menu bar recolours them), others colour PNGs. */
export function trayIconFile(platform: NodeJS.Platform, running: boolean): string {
  const name = running ? 'trayRunning' : 'tray';
  return platform === 'darwin' ? `${name}Template.png` : `${name}.png`;
}

/** The tray menu offers the last few pairs worked on, not every recent one the picker lists. */
const quickStartCount = 5;

/** Every running timer (elapsed from its start, never counted ticks), the shown account's first, each with its account's name (null with a single account). */
function runningTimers(state: AppState): Array<{ account: string | null; entry: EntryView }> {
  const several = state.accounts.length >= 2;
  const nameOf = (id: string | null) =>
    several ? (state.accounts.find((a) => a.id === id)?.name ?? null) : null;
  const here = state.running ? [{ account: nameOf(state.activeAccountId), entry: state.running }] : [];
  const elsewhere = state.accounts.flatMap((a) =>
    a.id !== state.activeAccountId && a.running ? [{ account: a.name, entry: a.running }] : [],
  );
  return [...here, ...elsewhere];
}

/**
 * Whether the tray shows a text label beside its icon: Electron's `Tray.setTitle` is macOS-only (electron.d.ts,
 * `@platform darwin`), so elsewhere the elapsed time lives in the tooltip alone.
 */
export const hasTrayLabel = (platform: NodeJS.Platform): boolean => platform === 'darwin';

export function trayViewOf(state: AppState, now: Date, platform: NodeJS.Platform): TrayView {
  const signedIn = state.session.status === 'signed_in';
  const quickStarts = signedIn
    ? state.recent.slice(0, quickStartCount).map(({ projectId, taskId, projectName, taskName }) => ({
        projectId,
        taskId,
        projectName,
        taskName,
      }))
    : [];
  const accounts =
    state.accounts.length >= 2
      ? state.accounts.map(({ id, name, signedIn: on }) => ({
          id,
          name,
          signedIn: on,
          active: id === state.activeAccountId,
        }))
      : [];
  const timers = runningTimers(state).map(({ account, entry }) => {
    const clock = formatElapsedMinutes(elapsedMs(entry, now.getTime()));
    const what = `${entry.projectName} — ${entry.taskName} — ${clock}`;
    return { clock, line: account ? `${account}: ${what}` : what };
  });
  const runningHere = state.running !== null;
  // A focus session's phase and what is left ride along with whatever the timers show.
  const focusTitle = focusTrayText(state.focus, now.getTime());
  const focusTip = focusLeftInWords(state.focus, now.getTime());
  const withFocus = (text: string, extra: string | null) => (extra ? `${text} — ${extra}` : text);
  // The menu bar title is optional (settings); the tooltip always says what runs, and where.
  const showTitle = hasTrayLabel(platform) && state.desktop.trayTitle;
  if (timers.length === 0) {
    return {
      running: false,
      runningHere,
      signedIn,
      title: showTitle ? (focusTitle ?? '') : '',
      tooltip: withFocus('Sheaf — no timer running', focusTip),
      quickStarts,
      accounts,
    };
  }
  const clock = timers[0]!.clock;
  return {
    running: true,
    runningHere,
    signedIn,
    title: showTitle ? (focusTitle ? `${clock} · ${focusTitle}` : clock) : '',
    tooltip: withFocus(timers.map((t) => t.line).join('\n'), focusTip),
    quickStarts,
    accounts,
  };
}

/** Milliseconds until a shown h:mm or the focus minutes left change, or null when nothing is ticking. */
export function msUntilNextMinute(state: AppState, now: Date): number | null {
  const waits = runningTimers(state)
    .filter(({ entry }) => entry.runningSince)
    .map(({ entry }) => msPerMinute - (elapsedMs(entry, now.getTime()) % msPerMinute));
  if (state.focus.phase) waits.push(focusMsLeft(state.focus, now.getTime()) % msPerMinute || msPerMinute);
  return waits.length > 0 ? Math.min(...waits) : null;
}

export function createTrayService<TMenu>(options: TrayServiceOptions<TMenu>): TrayService {
  const { platform, actions } = options;
  const image = (running: boolean) =>
    options.loadImage(join(options.resourcesDir, trayIconFile(platform, running)));
  const tray = options.createTray(image(false));
  let menu: TMenu | null = null;
  let last: TrayView | null = null;

  tray.on('click', () => options.onClick(tray.getBounds()));
  // On macOS a context menu set with setContextMenu would also take the left click, which opens the popover.
  if (platform === 'darwin') tray.on('right-click', () => tray.popUpContextMenu(menu ?? undefined));

  const menuFor = (view: TrayView): MenuItemConstructorOptions[] => [
    {
      label: view.runningHere ? 'Stop timer' : 'Start timer',
      enabled: view.signedIn,
      click: () => actions.toggleTimer(),
    },
    ...(view.quickStarts.length > 0
      ? [
          { type: 'separator' as const },
          { label: 'Start again', enabled: false },
          ...view.quickStarts.map((q) => ({
            label: `${q.projectName} — ${q.taskName}`.replace(/&/g, '&&'),
            click: () => actions.startTimer(q.projectId, q.taskId),
          })),
          { type: 'separator' as const },
        ]
      : []),
    ...(view.accounts.length > 0
      ? [
          {
            label: 'Accounts',
            submenu: view.accounts.map((a) => ({
              label: `${a.name}${a.signedIn ? '' : ' (signed out)'}`.replace(/&/g, '&&'),
              type: 'radio' as const,
              checked: a.active,
              click: () => actions.switchAccount(a.id),
            })),
          },
          { type: 'separator' as const },
        ]
      : []),
    { label: 'Show Sheaf', click: () => actions.showPopover() },
    { label: 'Settings…', click: () => actions.openSettings() },
    { label: 'Open Harvest', click: () => actions.openHarvest() },
    { type: 'separator' },
    {
      label: view.accounts.length > 0 ? 'Sign out of all accounts' : 'Sign out',
      enabled: view.signedIn || view.accounts.length > 0,
      click: () => actions.signOut(),
    },
    { label: 'Quit Sheaf', click: () => actions.quit() },
  ];

  return {
    render(view) {
      if (last?.running !== view.running) tray.setImage(image(view.running));
      if (hasTrayLabel(platform) && (last?.title ?? '') !== view.title) tray.setTitle(view.title);
      if (last?.tooltip !== view.tooltip) tray.setToolTip(view.tooltip);
      if (
        last?.runningHere !== view.runningHere ||
        last?.signedIn !== view.signedIn ||
        JSON.stringify(last?.quickStarts) !== JSON.stringify(view.quickStarts) ||
        JSON.stringify(last?.accounts) !== JSON.stringify(view.accounts)
      ) {
        menu = options.buildMenu(menuFor(view));
        if (platform !== 'darwin') tray.setContextMenu(menu);
      }
      last = view;
    },
    bounds: () => tray.getBounds(),
    destroy: () => tray.destroy(),
  };
}

export interface TrayBinding {
  service: Pick<TrayService, 'render'>;
  platform: NodeJS.Platform;
  getState(): AppState;
  subscribe(listener: (state: AppState) => void): () => void;
  now?: () => Date;
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
}

/** Renders every snapshot, and re-renders when the running timer's minute rolls over. Returns a stop function. */
export function bindTray(binding: TrayBinding): () => void {
  const now = binding.now ?? (() => new Date());
  const timers = binding.timers ?? { setTimeout, clearTimeout };
  let tick: ReturnType<typeof setTimeout> | null = null;

  const update = () => {
    if (tick) timers.clearTimeout(tick);
    tick = null;
    const state = binding.getState();
    const at = now();
    binding.service.render(trayViewOf(state, at, binding.platform));
    const wait = msUntilNextMinute(state, at);
    // +1 ms lands just past the boundary, so the next render shows the new minute, not the old one again.
    if (wait !== null) tick = timers.setTimeout(update, wait + 1);
  };

  const unsubscribe = binding.subscribe(update);
  update();
  return () => {
    unsubscribe();
    if (tick) timers.clearTimeout(tick);
  };
}
