// Owns the tray icon: what it shows for an AppState (icon, macOS title, tooltip, menu), one render() that touches
// the real tray only for what changed (Signal-Desktop's pattern), and a tick aligned to the running timer's minutes.
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Rectangle, Tray } from 'electron';
import type { AppState, AssignmentOption } from '../../../shared/state';
import { formatElapsed } from '../../../shared/duration';
import { elapsedMs, msPerMinute } from '../../../shared/elapsed';
import { focusLeftInWords, focusMsLeft, focusTrayText } from '../../../shared/focus';

export interface TrayView {
  running: boolean;
  signedIn: boolean;
  /** macOS menu bar text next to the icon ("1:23"), empty when idle. */
  title: string;
  tooltip: string;
  /** The last project/task pairs, started straight from the menu. */
  quickStarts: Array<Pick<AssignmentOption, 'projectId' | 'taskId' | 'projectName' | 'taskName'>>;
}

export interface TrayActions {
  toggleTimer(): void;
  startTimer(projectId: number, taskId: number): void;
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

/** Elapsed time of the running entry in ms, from its start (never counted ticks). */
export function runningElapsedMs(state: AppState, now: Date): number | null {
  return state.running ? elapsedMs(state.running, now.getTime()) : null;
}

export function trayViewOf(state: AppState, now: Date, platform: NodeJS.Platform): TrayView {
  const signedIn = state.session.status === 'signed_in';
  const elapsed = runningElapsedMs(state, now);
  const quickStarts = signedIn
    ? state.recent.slice(0, quickStartCount).map(({ projectId, taskId, projectName, taskName }) => ({
        projectId,
        taskId,
        projectName,
        taskName,
      }))
    : [];
  // A focus session's phase and what is left ride along with whatever the timer shows.
  const focusTitle = focusTrayText(state.focus, now.getTime());
  const focusTip = focusLeftInWords(state.focus, now.getTime());
  const withFocus = (text: string, extra: string | null) => (extra ? `${text} — ${extra}` : text);
  // The menu bar title is optional (settings); the tooltip always says what runs.
  const showTitle = platform === 'darwin' && state.desktop.trayTitle;
  if (elapsed === null || !state.running) {
    return {
      running: false,
      signedIn,
      title: showTitle ? (focusTitle ?? '') : '',
      tooltip: withFocus('Sheaf — no timer running', focusTip),
      quickStarts,
    };
  }
  const clock = formatElapsed(elapsed).replace(/:\d\d$/, '');
  return {
    running: true,
    signedIn,
    title: showTitle ? (focusTitle ? `${clock} · ${focusTitle}` : clock) : '',
    tooltip: withFocus(`${state.running.projectName} — ${state.running.taskName} — ${clock}`, focusTip),
    quickStarts,
  };
}

/** Milliseconds until the shown h:mm or the focus minutes left change, or null when nothing is ticking. */
export function msUntilNextMinute(state: AppState, now: Date): number | null {
  const left = state.focus.phase
    ? focusMsLeft(state.focus, now.getTime()) % msPerMinute || msPerMinute
    : null;
  if (!state.running?.runningSince) return left;
  const elapsed = runningElapsedMs(state, now) ?? 0;
  const timer = msPerMinute - (elapsed % msPerMinute);
  return left === null ? timer : Math.min(timer, left);
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
      label: view.running ? 'Stop timer' : 'Start timer',
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
    { label: 'Show Sheaf', click: () => actions.showPopover() },
    { label: 'Settings…', click: () => actions.openSettings() },
    { label: 'Open Harvest', click: () => actions.openHarvest() },
    { type: 'separator' },
    { label: 'Sign out', enabled: view.signedIn, click: () => actions.signOut() },
    { label: 'Quit Sheaf', click: () => actions.quit() },
  ];

  return {
    render(view) {
      if (last?.running !== view.running) tray.setImage(image(view.running));
      if (platform === 'darwin' && (last?.title ?? '') !== view.title) tray.setTitle(view.title);
      if (last?.tooltip !== view.tooltip) tray.setToolTip(view.tooltip);
      if (
        last?.running !== view.running ||
        last?.signedIn !== view.signedIn ||
        JSON.stringify(last?.quickStarts) !== JSON.stringify(view.quickStarts)
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
