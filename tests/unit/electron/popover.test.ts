// Tests the popover window: secure webPreferences, placement on show, hide on blur/close, and the locked-down
// webContents and session (no navigation, no new windows, no permissions, CSP header).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  HeadersReceivedResponse,
  OnHeadersReceivedListenerDetails,
  Session,
  Shell,
  WebContents,
} from 'electron';
import { createPopover } from '../../../electron/main/platform/popover';
import {
  contentSecurityPolicy,
  hardenSession,
  isHarvestUrl,
  type PopoverSession,
} from '../../../electron/main/platform/window-security';
import { FakeBrowserWindow, fakeEvent, fakeScreen, openDetails } from './fake-electron';

let clock = 0;
const shell = { openExternal: vi.fn<Shell['openExternal']>(async () => {}) } satisfies Pick<
  Shell,
  'openExternal'
>;

function setup(platform: NodeJS.Platform = 'darwin') {
  FakeBrowserWindow.created = [];
  const screen = fakeScreen();
  const popover = createPopover({
    BrowserWindow: FakeBrowserWindow,
    screen,
    shell,
    platform,
    preload: '/app/out/preload/index.cjs',
    url: 'file:///app/out/renderer/index.html',
    now: () => clock,
  });
  const win = FakeBrowserWindow.created[0]!;
  return { popover, win, screen, contents: win.webContents };
}

const trayBounds = { x: 1500, y: 0, width: 24, height: 24 };

beforeEach(() => {
  clock = 1_000_000;
  shell.openExternal.mockClear();
});

describe('popover window', () => {
  it('is a hidden, frameless, fixed-size, always-on-top window with the secure webPreferences', () => {
    const { win } = setup();
    expect(win.options).toMatchObject({
      width: 360,
      height: 600,
      show: false,
      frame: false,
      resizable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
    });
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(win.loadedUrl).toBe('file:///app/out/renderer/index.html');
    expect(win.visible).toBe(false);
  });

  it('places itself under the tray on every show, then shows and focuses', () => {
    const { popover, win } = setup('darwin');
    popover.show(trayBounds);
    expect(win.position).toEqual([1500 + 12 - 180, 25]);
    expect(win.visible).toBe(true);
    expect(win.focus).toHaveBeenCalled();
    popover.hide();
    popover.show({ ...trayBounds, x: 1000 });
    expect(win.position).toEqual([1000 + 12 - 180, 25]);
  });

  it('uses the display nearest the cursor when the tray reports empty bounds (Linux)', () => {
    const { popover, screen } = setup('linux');
    popover.show({ x: 0, y: 0, width: 0, height: 0 });
    expect(screen.getDisplayNearestPoint).toHaveBeenCalledWith({ x: 500, y: 10 });
    expect(screen.getDisplayMatching).not.toHaveBeenCalled();
  });

  it('hides on blur, and the tray click that caused the blur does not reopen it', () => {
    const { popover, win } = setup();
    popover.toggle(trayBounds);
    expect(win.visible).toBe(true);
    win.emit('blur');
    expect(win.visible).toBe(false);
    clock += 50;
    popover.toggle(trayBounds);
    expect(win.visible).toBe(false);
    clock += 1000;
    popover.toggle(trayBounds);
    expect(win.visible).toBe(true);
    popover.toggle(trayBounds);
    expect(win.visible).toBe(false);
  });

  it('hides instead of closing (Cmd+W / Alt+F4)', () => {
    const { popover, win } = setup();
    popover.show(trayBounds);
    const event = fakeEvent();
    win.emit('close', event);
    expect(event.defaultPrevented).toBe(true);
    expect(win.visible).toBe(false);
  });

  it('refuses every navigation; a Harvest link opens in the browser, anything else nowhere', () => {
    const { contents } = setup();
    for (const url of ['https://evil.example/', 'https://acme.harvestapp.com/time', 'file:///etc/passwd']) {
      const event = fakeEvent();
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://acme.harvestapp.com/time']]);
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });

  it('denies every new window, opening only https Harvest links externally', () => {
    const { contents } = setup();
    const open = contents.windowOpenHandler!;
    expect(open(openDetails('https://id.getharvest.com/developers'))).toEqual({ action: 'deny' });
    expect(open(openDetails('http://id.getharvest.com/'))).toEqual({ action: 'deny' });
    expect(open(openDetails('https://harvestapp.com.evil.example/'))).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://id.getharvest.com/developers']]);
  });
});

describe('isHarvestUrl', () => {
  it.each([
    ['https://id.getharvest.com/', true],
    ['https://acme.harvestapp.com/reports', true],
    ['http://acme.harvestapp.com/', false],
    ['https://user:pw@acme.harvestapp.com/', false],
    ['https://evil.com/?x=harvestapp.com', false],
    ['https://a.b.harvestapp.com/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isHarvestUrl(url)).toBe(expected);
  });
});

describe('hardenSession', () => {
  type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
  type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
  type HeadersHandler = (
    details: OnHeadersReceivedListenerDetails,
    callback: (response: HeadersReceivedResponse) => void,
  ) => void;

  /** A session that keeps the handlers it is given, as Electron calls them. */
  function fakeSession() {
    const handlers: { request?: RequestHandler; check?: CheckHandler; headers?: HeadersHandler } = {};
    const session: PopoverSession = {
      setPermissionRequestHandler: (h) => void (handlers.request = h ?? undefined),
      setPermissionCheckHandler: (h) => void (handlers.check = h ?? undefined),
      webRequest: {
        // Electron's onHeadersReceived takes (listener) or (filter, listener); the listener comes last.
        onHeadersReceived: (...args: unknown[]) => void (handlers.headers = args.at(-1) as HeadersHandler),
      },
    };
    return { session, handlers };
  }

  /** What Chromium hands the headers listener for the page's own response. */
  const response = (responseHeaders: Record<string, string[]>): OnHeadersReceivedListenerDetails => ({
    id: 1,
    url: 'file:///app/out/renderer/index.html',
    method: 'GET',
    resourceType: 'mainFrame',
    referrer: '',
    timestamp: 0,
    statusLine: 'HTTP/1.1 200 OK',
    statusCode: 200,
    responseHeaders,
  });

  it('denies every permission request and check', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { cspHeader: true });
    const page = 'file:///app/out/renderer/index.html';
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
    ] as const) {
      const callback = vi.fn();
      handlers.request!({} as WebContents, permission, callback, { requestingUrl: page, isMainFrame: true });
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(handlers.check!(null, 'media', 'file://', { requestingUrl: page, isMainFrame: true })).toBe(false);
  });

  it('adds the CSP header in production and leaves headers alone for the dev server', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { cspHeader: true });
    const callback = vi.fn();
    handlers.headers!(response({ 'X-Other': ['1'] }), callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] },
    });
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe');

    const dev = fakeSession();
    hardenSession(dev.session, { cspHeader: false });
    expect(dev.handlers.headers).toBeUndefined();
  });
});
