// Owns the rest of Electron's security checklist (webPreferences sit in popover.ts): no navigation, no new windows,
// no permissions, a CSP header, and Harvest links opened in the person's browser instead.
import type { Session, Shell, WebContents, WebRequest } from 'electron';

/** Only Harvest's own sites may be opened, and only over https. */
export function isHarvestUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
    return url.hostname === 'id.getharvest.com' || /^[a-z0-9-]+\.harvestapp\.com$/.test(url.hostname);
  } catch {
    return false;
  }
}

/** Matches the renderer's meta CSP; sent as a header too so it holds even if the page's meta tag is ever lost. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The slice of Electron's WebContents hardenWebContents locks down. */
export type PopoverContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** The slice of Electron's Session hardenSession locks down. */
export type PopoverSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<WebRequest, 'onHeadersReceived'>;
};

/** The popover never leaves its page: navigations and new windows are refused; Harvest links go to the browser. */
export function hardenWebContents(contents: PopoverContents, shell: Pick<Shell, 'openExternal'>): void {
  const openIfHarvest = (url: string) => {
    if (isHarvestUrl(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfHarvest(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfHarvest(url);
    return { action: 'deny' };
  });
}

/** No permission (camera, notifications from the page, geolocation…) is ever granted; production gets a CSP header. */
export function hardenSession(session: PopoverSession, options: { cspHeader: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  if (options.cspHeader) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
      });
    });
  }
}
