// Owns the small fakes of Electron objects (webContents, frames, windows, trays, ipcMain) the shell's tests drive.
// Only Electron's API boundary is faked; everything behind it is the real code.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeFrame {
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
  url: string;
}

export function fakeFrame(
  url: string,
  ids = { processId: 4, routingId: 7 },
  parent: FakeFrame | null = null,
) {
  return { ...ids, parent, url } satisfies FakeFrame;
}

/** A navigable event: tests check whether the code under test called preventDefault(). */
export function fakeEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  id = 1;
  destroyed = false;
  mainFrame: FakeFrame;
  sent: Array<[string, unknown]> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(url = 'file:///app/out/renderer/index.html') {
    super();
    this.mainFrame = fakeFrame(url);
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, value: unknown) {
    this.sent.push([channel, value]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  position: [number, number] | null = null;
  loadedUrl: string | null = null;
  focus = vi.fn();
  setVisibleOnAllWorkspaces = vi.fn();
  constructor(public options: Record<string, unknown>) {
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

export class FakeIpcMain {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Calls a handler the way Electron would for an invoke from `senderFrame`. */
  invoke(channel: string, senderFrame: FakeFrame | null, payload?: unknown) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame }, payload);
  }
}

export class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  calls: Array<[string, unknown]> = [];
  menu: unknown = null;
  bounds = { x: 1000, y: 0, width: 22, height: 22 };
  constructor(public image: unknown) {
    super();
    FakeTray.created.push(this);
  }
  setImage(image: unknown) {
    this.calls.push(['setImage', image]);
  }
  setTitle(title: string) {
    this.calls.push(['setTitle', title]);
  }
  setToolTip(tooltip: string) {
    this.calls.push(['setToolTip', tooltip]);
  }
  setContextMenu(menu: unknown) {
    this.menu = menu;
    this.calls.push(['setContextMenu', menu]);
  }
  popUpContextMenu(menu?: unknown) {
    this.calls.push(['popUpContextMenu', menu]);
  }
  getBounds() {
    return this.bounds;
  }
  destroy() {
    this.calls.push(['destroy', null]);
  }
}

export const display = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 25, width: 1920, height: 1055 },
};

export function fakeScreen() {
  return {
    getDisplayMatching: vi.fn(() => display),
    getDisplayNearestPoint: vi.fn(() => display),
    getCursorScreenPoint: vi.fn(() => ({ x: 500, y: 10 })),
  };
}

/** globalShortcut: `heldElsewhere` are accelerators another app owns; a malformed one throws as Electron does. */
export class FakeGlobalShortcut {
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

export class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime() {
    return this.idleSeconds;
  }
}

export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  constructor(public options: { title: string; body: string; silent?: boolean }) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}
