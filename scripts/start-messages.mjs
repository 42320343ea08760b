// Owns what `npm start` says and remembers: its few plain lines, and the marker that records that Electron can't
// be downloaded here, so later starts go straight to the browser instead of waiting on the network again.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a failed download is remembered: inside node_modules, so a fresh `npm ci` tries again. */
export function electronMarker(root) {
  return join(root, 'node_modules', '.cache', 'sheaf', 'electron-unavailable');
}

export function knownUnavailable(root) {
  return existsSync(electronMarker(root));
}

export function rememberUnavailable(root) {
  const marker = electronMarker(root);
  try {
    mkdirSync(join(marker, '..'), { recursive: true });
    writeFileSync(
      marker,
      `Electron could not be downloaded on ${new Date().toISOString()}. Delete this file to try again.\n`,
    );
  } catch {
    // Only a convenience: without it the next start tries the download once more.
  }
}

export const messages = {
  starting: 'Starting Sheaf…',
  downloading: 'Downloading Electron (first run)…',
  buildFailed: 'Sheaf could not be built; the errors are above.',
  /** `firstTime`: the download failed just now (so say it is remembered) rather than on an earlier start. */
  inBrowser: (firstTime) =>
    firstTime
      ? 'Electron could not be downloaded (offline?), so Sheaf opens in your browser; later starts skip the download (delete node_modules/.cache/sheaf to try again).'
      : 'Electron is not available here, so Sheaf opens in your browser.',
};
