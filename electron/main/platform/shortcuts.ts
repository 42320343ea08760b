// Owns global keyboard shortcuts through Electron's globalShortcut: registering reports a shortcut another app
// already holds (register returns false) or one the system refuses (it throws), never ignoring either.
import type { GlobalShortcut } from 'electron';
import type { Shortcuts } from '../core/ports';

/** The slice of Electron's globalShortcut the adapter uses. */
export type GlobalShortcutLike = Pick<GlobalShortcut, 'register' | 'unregisterAll'>;

export function createShortcuts(globalShortcut: GlobalShortcutLike): Shortcuts {
  return {
    register(accelerator, run) {
      try {
        return globalShortcut.register(accelerator, run) ? 'ok' : 'taken';
      } catch {
        return 'invalid';
      }
    },
    unregisterAll: () => globalShortcut.unregisterAll(),
  };
}
