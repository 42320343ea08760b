// Owns serving the built renderer from one folder: content types, the popover's strict CSP, no escape from the folder
// (and the few fixed files a browser asks for that the build doesn't make, such as /favicon.ico).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/**
 * The Electron popover's policy, plus the one connection the preview needs: its own bridge on this port.
 * (The page's meta tag allows no WebSocket at all; the preview writes this port into it when serving it.)
 */
export function previewContentSecurityPolicy(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${bridgeSource(port)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const bridgeSource = (port: number) => `ws://127.0.0.1:${port}`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers every answer carries, errors included. The key is in the page URL, so no Referer may leak it. */
export function setSecurityHeaders(res: ServerResponse, port: number): void {
  res.setHeader('Content-Security-Policy', previewContentSecurityPolicy(port));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

/** Maps a request path to a file inside rootDir, or null when it is malformed or would leave the folder. */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}

export interface StaticHandlerOptions {
  /**
   * Exact request paths answered from a fixed file when the folder has none, e.g. the app icon for /favicon.ico,
   * which every browser asks for. The path is matched whole and never joined, so it opens no way out of the folder.
   */
  fallbacks?: Record<string, string>;
}

async function fileInfo(file: string | null) {
  return file ? await stat(file).catch(() => null) : null;
}

export function createStaticHandler(rootDir: string, options: StaticHandlerOptions = {}) {
  const fallbacks = new Map(Object.entries(options.fallbacks ?? {}));
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed');
      return;
    }
    let file = resolveInside(rootDir, pathname);
    let info = await fileInfo(file);
    // The build's own file wins, so a favicon added to the renderer later is the one served.
    const fallback = fallbacks.get(pathname);
    if (!info?.isFile() && fallback) {
      file = fallback;
      info = await fileInfo(file);
    }
    if (!file || !info?.isFile()) {
      sendText(res, 404, 'Not found');
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream');
    // index.html names hashed assets; it must be re-read after a rebuild, the assets may be cached.
    res.setHeader('Cache-Control', file.endsWith('.html') ? 'no-cache' : 'max-age=3600');
    if (file.endsWith('.html')) {
      // The page's own CSP (meta) allows no WebSocket; here, and only here, its bridge on this port.
      const html = (await readFile(file, 'utf8')).replace(
        "connect-src 'self'",
        `connect-src 'self' ${bridgeSource(req.socket.localPort ?? 0)}`,
      );
      res.setHeader('Content-Length', Buffer.byteLength(html));
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    res.setHeader('Content-Length', info.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
