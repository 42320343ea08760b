// Owns the small fakes of Electron objects (webContents, frames, windows, trays, ipcMain, screen, shortcuts,
// powerMonitor, notifications) the shell's tests drive. Only Electron's API boundary is faked; everything behind
// it is the real code. Each fake implements a Pick of Electron's own declarations (electron.d.ts), so a method
// Electron doesn't have, or has with another signature, fails the typecheck instead of passing a test.
import { EventEmitter } from 'node:events';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Display,
  Event as ElectronEvent,
  GlobalShortcut,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  NativeImage,
  Notification,
  NotificationActionEventParams,
  NotificationConstructorOptions,
  Point,
  PowerMonitor,
  Rectangle,
  Screen,
  Tray,
  WebContents,
  WebFrameMain,
  WindowOpenHandlerResponse,
} from 'electron';
import { vi } from 'vitest';
import type { PopoverScreen } from '../../../electron/main/platform/popover';

/** A frame as ipc.ts reads it. Its url changes as it navigates; Electron's parent is a WebFrameMain, here a fake. */
export interface FakeFrame extends Writable<Pick<WebFrameMain, 'processId' | 'routingId' | 'url'>> {
  parent: FakeFrame | null;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * An EventEmitter whose on() and removeListener() fit Electron's: Electron declares them to return `this` as
 * the emitter's own class (a Tray's on() returns a Tray), which no fake is, and `never` fits every one. Nothing
 * chains them.
 */
export class FakeEmitter extends EventEmitter {
  // never[]: a listener Electron types with any arguments fits; tests emit what Electron would pass.
  override on(event: string | symbol, listener: (...args: never[]) => void): never {
    super.on(event, listener as (...args: unknown[]) => void);
    return this as never;
  }
  override removeListener(event: string | symbol, listener: (...args: never[]) => void): never {
    super.removeListener(event, listener as (...args: unknown[]) => void);
    return this as never;
  }
}

export function fakeFrame(
  url: string,
  ids = { processId: 4, routingId: 7 },
  parent: FakeFrame | null = null,
) {
  return { ...ids, parent, url } satisfies FakeFrame;
}

/** A navigable event: tests check whether the code under test called preventDefault(). */
class FakeEvent implements ElectronEvent {
  defaultPrevented = false;
  preventDefault() {
    this.defaultPrevented = true;
  }
}

export function fakeEvent() {
  return new FakeEvent();
}

type WindowOpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse;

/** What Chromium hands a window-open handler when the page opens `url` (a link with target=_blank). */
export function openDetails(url: string): HandlerDetails {
  return {
    url,
    frameName: '',
    features: '',
    disposition: 'foreground-tab',
    referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
  };
}

export class FakeWebContents
  extends FakeEmitter
  implements Pick<WebContents, 'id' | 'isDestroyed' | 'send' | 'setWindowOpenHandler' | 'on'>
{
  id = 1;
  destroyed = false;
  mainFrame: FakeFrame;
  sent: Array<[string, unknown]> = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  constructor(url = 'file:///app/out/renderer/index.html') {
    super();
    this.mainFrame = fakeFrame(url);
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, args[0]]);
  }
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler;
  }
}

type WindowMethod =
  | 'isVisible'
  | 'isDestroyed'
  | 'show'
  | 'hide'
  | 'focus'
  | 'destroy'
  | 'setPosition'
  | 'setVisibleOnAllWorkspaces'
  | 'loadURL'
  | 'on';

export class FakeBrowserWindow extends FakeEmitter implements Pick<BrowserWindow, WindowMethod> {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  position: [number, number] | null = null;
  loadedUrl: string | null = null;
  focus = vi.fn<BrowserWindow['focus']>();
  setVisibleOnAllWorkspaces = vi.fn<BrowserWindow['setVisibleOnAllWorkspaces']>();
  constructor(public options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  destroy() {
    this.destroyed = true;
  }
  setPosition(x: number, y: number) {
    this.position = [x, y];
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
}

type InvokeListener = Parameters<IpcMain['handle']>[1];

export class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Calls a handler the way Electron would for an invoke from `senderFrame`. */
  invoke(channel: string, senderFrame: FakeFrame | null, payload?: unknown): unknown {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    // Electron builds the event; the handlers read only its senderFrame, which is a fake frame here.
    const event = { senderFrame } as unknown as IpcMainInvokeEvent;
    return handler(event, payload);
  }
}

/** A built menu, faked as its template so tests can read and click the items. */
export type FakeMenu = MenuItemConstructorOptions[];

type TrayMethod = 'setImage' | 'setTitle' | 'setToolTip' | 'getBounds' | 'destroy' | 'on';

/** Electron's Tray; the menu it is given is a FakeMenu where Electron takes a Menu. */
export class FakeTray extends FakeEmitter implements Pick<Tray, TrayMethod> {
  static created: FakeTray[] = [];
  calls: Array<[keyof Tray, unknown]> = [];
  menu: FakeMenu | null = null;
  bounds: Rectangle = { x: 1000, y: 0, width: 22, height: 22 };
  constructor(public image: NativeImage | string) {
    super();
    FakeTray.created.push(this);
  }
  setImage(image: NativeImage | string) {
    this.calls.push(['setImage', image]);
  }
  setTitle(title: string) {
    this.calls.push(['setTitle', title]);
  }
  setToolTip(tooltip: string) {
    this.calls.push(['setToolTip', tooltip]);
  }
  setContextMenu(menu: FakeMenu | null) {
    this.menu = menu;
    this.calls.push(['setContextMenu', menu]);
  }
  popUpContextMenu(menu?: FakeMenu) {
    this.calls.push(['popUpContextMenu', menu]);
  }
  getBounds() {
    return this.bounds;
  }
  destroy() {
    this.calls.push(['destroy', null]);
  }
}

/** The one display: a menu bar 25 px tall across the top. Only what placing the popover reads. */
export const display = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 25, width: 1920, height: 1055 },
} satisfies Pick<Display, 'bounds' | 'workArea'>;

/** Electron's screen, answering with `display` (which has only the fields the popover reads). */
export function fakeScreen() {
  return {
    getDisplayMatching: vi.fn((_rect: Rectangle) => display),
    getDisplayNearestPoint: vi.fn((_point: Point) => display),
    getCursorScreenPoint: vi.fn<Screen['getCursorScreenPoint']>(() => ({ x: 500, y: 10 })),
  } satisfies PopoverScreen;
}

/** globalShortcut: `heldElsewhere` are accelerators another app owns; a malformed one throws as Electron does. */
export class FakeGlobalShortcut implements Pick<GlobalShortcut, 'register' | 'unregisterAll'> {
  registered = new Map<string, () => void>();
  heldElsewhere = new Set<string>();
  register(accelerator: string, callback: () => void): boolean {
    if (!/^(\w+\+)+\w+$/.test(accelerator)) throw new Error(`Error processing argument: ${accelerator}`);
    if (this.heldElsewhere.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregisterAll() {
    this.registered.clear();
  }
  /** The person presses the keys. */
  press(accelerator: string) {
    this.registered.get(accelerator)?.();
  }
}

export class FakePowerMonitor
  extends FakeEmitter
  implements Pick<PowerMonitor, 'getSystemIdleTime' | 'on' | 'removeListener'>
{
  idleSeconds = 0;
  getSystemIdleTime() {
    return this.idleSeconds;
  }
}

export class FakeNotification extends FakeEmitter implements Pick<Notification, 'on' | 'show'> {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported: (typeof Notification)['isSupported'] = () => FakeNotification.supported;
  constructor(public options: NotificationConstructorOptions) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
  /** The button labelled `text` is pressed, reported as Electron does: the details, then the deprecated indexes. */
  press(text: string) {
    const actionIndex = (this.options.actions ?? []).findIndex((a) => a.text === text);
    if (actionIndex < 0) throw new Error(`no button ${text}`);
    const details: ElectronEvent<NotificationActionEventParams> = {
      actionIndex,
      selectionIndex: -1,
      defaultPrevented: false,
      preventDefault: () => {},
    };
    this.emit('action', details, actionIndex, -1);
  }
}
