// Owns the popover window: a frameless, hidden-until-asked window placed by the tray on every show, hidden when it
// loses focus or the page asks (Escape). Electron is injected so this is tested without a display.
import type {
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
  Display,
  Rectangle,
  Screen,
  Shell,
} from 'electron';
import { popoverPosition } from './popover-position';
import { hardenWebContents, type PopoverContents } from './window-security';

export const popoverSize = { width: 360, height: 600 };

/** The slice of Electron's BrowserWindow the popover drives (its webContents: what hardenWebContents needs). */
export type PopoverWindow = Pick<
  ElectronBrowserWindow,
  | 'isDestroyed'
  | 'isVisible'
  | 'show'
  | 'hide'
  | 'focus'
  | 'setPosition'
  | 'setVisibleOnAllWorkspaces'
  | 'loadURL'
  | 'on'
> & { webContents: PopoverContents };

/** Electron's screen as placing the popover reads it: of a display, only its bounds and work area. */
export type PopoverScreen = {
  [K in 'getDisplayMatching' | 'getDisplayNearestPoint']: (
    ...args: Parameters<Screen[K]>
  ) => Pick<Display, 'bounds' | 'workArea'>;
} & Pick<Screen, 'getCursorScreenPoint'>;

export interface PopoverOptions<W extends PopoverWindow = ElectronBrowserWindow> {
  /** Electron's BrowserWindow class (a fake in tests). */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  screen: PopoverScreen;
  shell: Pick<Shell, 'openExternal'>;
  platform: NodeJS.Platform;
  preload: string;
  /** file:// URL of out/renderer/index.html, or the dev server's URL. */
  url: string;
  /** Milliseconds since some epoch; injected so tests can move time. */
  now?: () => number;
}

export interface Popover<W extends PopoverWindow = ElectronBrowserWindow> {
  readonly window: W;
  show(trayBounds: Rectangle): void;
  hide(): void;
  /** What a tray click does: show if hidden, hide if shown. */
  toggle(trayBounds: Rectangle): void;
}

// Clicking the tray icon while the popover is open first blurs (and so hides) it, then delivers the click.
// Within this window after a blur-hide, a tray click means "close it", not "open it again".
const clickAfterBlurMs = 300;

export function createPopover<W extends PopoverWindow>(options: PopoverOptions<W>): Popover<W> {
  const now = options.now ?? Date.now;
  const { BrowserWindow } = options;
  // Electron's security checklist, stated literally where the window is made (so scanners and reviewers see it).
  const window = new BrowserWindow({
    ...popoverSize,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    transparent: false,
    backgroundColor: '#ffffff',
    title: 'Sheaf',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  hardenWebContents(window.webContents, options.shell);
  if (options.platform === 'darwin') {
    // Appear over full-screen apps and on whichever Space the person is on, as menu bar popovers do.
    window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  }

  let hiddenByBlurAt = -Infinity;
  const hide = () => {
    if (!window.isDestroyed() && window.isVisible()) window.hide();
  };
  // Cmd+W / Alt+F4 would close (and lose) the only window; the popover hides instead. Quitting destroys it,
  // which skips this event.
  window.on('close', (event) => {
    event.preventDefault();
    hide();
  });
  window.on('blur', () => {
    if (!window.isVisible()) return;
    hiddenByBlurAt = now();
    hide();
  });

  const show = (trayBounds: Rectangle) => {
    if (window.isDestroyed()) return;
    const cursor = options.screen.getCursorScreenPoint();
    const emptyTray = trayBounds.width === 0 && trayBounds.height === 0;
    const display = emptyTray
      ? options.screen.getDisplayNearestPoint(cursor)
      : options.screen.getDisplayMatching(trayBounds);
    const { x, y } = popoverPosition({
      platform: options.platform,
      trayBounds,
      window: popoverSize,
      display: { bounds: display.bounds, workArea: display.workArea },
      cursor,
    });
    window.setPosition(x, y, false);
    window.show();
    window.focus();
  };

  void window.loadURL(options.url);

  return {
    window,
    show,
    hide,
    toggle(trayBounds) {
      if (window.isDestroyed()) return;
      if (window.isVisible()) return hide();
      if (now() - hiddenByBlurAt < clickAfterBlurMs) return;
      show(trayBounds);
    },
  };
}
