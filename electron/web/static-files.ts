// Owns serving the built renderer from one folder: content types, the popover's strict CSP, no escape from the folder
// by path or by symlink (and the few fixed files a browser asks for that the build doesn't make, such as /favicon.ico).
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
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

/** A file to send: the name the request asked for (its type comes from that) and the real path to read. */
interface Found {
  name: string;
  path: string;
  size: number;
}

async function regularFile(name: string, path: string): Promise<Found | null> {
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? { name, path, size: info.size } : null;
}

/**
 * The request's file, read by its real path, or null when it is missing or when a symlink on the way (the file or
 * any folder above it) leads out of the folder: the path check alone can't see where a link goes. The folder's own
 * real path is the wall, so a build folder that is itself a link still serves.
 */
async function findInside(rootDir: string, pathname: string): Promise<Found | null> {
  const file = resolveInside(rootDir, pathname);
  if (!file) return null;
  const [root, real] = await Promise.all([realpath(rootDir), realpath(file)]).catch(() => []);
  return root && real?.startsWith(root + sep) ? regularFile(file, real) : null;
}

export function createStaticHandler(rootDir: string, options: StaticHandlerOptions = {}) {
  const fallbacks = new Map(Object.entries(options.fallbacks ?? {}));
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed');
      return;
    }
    // The build's own file wins, so a favicon added to the renderer later is the one served. A fallback is a fixed
    // path we chose, outside the folder on purpose, so it skips the folder's wall.
    const fallback = fallbacks.get(pathname);
    const found =
      (await findInside(rootDir, pathname)) ?? (fallback ? await regularFile(fallback, fallback) : null);
    if (!found) {
      sendText(res, 404, 'Not found');
      return;
    }
    const isHtml = found.name.endsWith('.html');
    res.statusCode = 200;
    res.setHeader(
      'Content-Type',
      contentTypes[extname(found.name).toLowerCase()] ?? 'application/octet-stream',
    );
    // index.html names hashed assets; it must be re-read after a rebuild, the assets may be cached.
    res.setHeader('Cache-Control', isHtml ? 'no-cache' : 'max-age=3600');
    if (isHtml) {
      // The page's own CSP (meta) allows no WebSocket; here, and only here, its bridge on this port.
      const html = (await readFile(found.path, 'utf8')).replace(
        "connect-src 'self'",
        `connect-src 'self' ${bridgeSource(req.socket.localPort ?? 0)}`,
      );
      res.setHeader('Content-Length', Buffer.byteLength(html));
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    res.setHeader('Content-Length', found.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.path)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
