// Owns the global shortcuts Sheaf holds from the OS: registering the ones Settings names (and saying why one
// couldn't be), and releasing them all, here only, when the desktop ends. Also what a shortcut's start/stop says.
import type { Settings, ShortcutName, ShortcutStatus } from '../../../../shared/settings';
import type { EntryView } from '../../../../shared/state';
import { formatElapsedMinutes } from '../../../../shared/duration';
import { msPerHour } from '../../../../shared/elapsed';
import type { Disposable } from '../base/lifecycle';
import type { Shortcuts } from '../ports';
import type { Notify } from './notifications';

const noShortcuts: Shortcuts = { register: () => 'unsupported', unregisterAll: () => {} };
const off: ShortcutStatus = { state: 'off', message: null };
const names = ['togglePopover', 'toggleTimer'] as const satisfies readonly ShortcutName[];
const shortcutLabels: Record<ShortcutName, string> = {
  togglePopover: 'Show or hide Sheaf',
  toggleTimer: 'Start or stop the timer',
};

export class GlobalShortcuts implements Disposable {
  private readonly shortcuts: Shortcuts;
  private status: Record<ShortcutName, ShortcutStatus> = { togglePopover: off, toggleTimer: off };

  constructor(
    shortcuts: Shortcuts | undefined,
    private readonly actions: Record<ShortcutName, () => void>,
    private readonly log?: (line: string) => void,
  ) {
    this.shortcuts = shortcuts ?? noShortcuts;
  }

  /** Each shortcut's state for the settings view (on, taken by another app, not a shortcut, unsupported). */
  view(): Record<ShortcutName, ShortcutStatus> {
    return this.status;
  }

  /** Holds the shortcuts `settings` names, and only those. */
  apply(settings: Settings): void {
    this.shortcuts.unregisterAll();
    const next = { ...this.status };
    for (const name of names) {
      const accelerator = settings.shortcuts[name];
      next[name] = accelerator
        ? statusOf(this.shortcuts.register(accelerator, this.actions[name]), accelerator)
        : off;
    }
    this.status = next;
    for (const name of names) {
      if (next[name].state === 'taken') this.log?.(`shortcut ${shortcutLabels[name]}: ${next[name].message}`);
    }
  }

  /** Global shortcuts belong to the OS until released: given back however the desktop ends. */
  dispose(): void {
    this.shortcuts.unregisterAll();
  }
}

/** Start/stop by shortcut: the tray changes with the state; a notification says what happened. */
export async function toggleSaying(deps: {
  running(): EntryView | null;
  toggleTimer(): Promise<void>;
  /** The entry as it is now (its hours once stopped). */
  entry(id: EntryView['id']): EntryView | null | undefined;
  notify: Notify;
}): Promise<void> {
  const before = deps.running();
  try {
    await deps.toggleTimer();
  } catch (err) {
    deps.notify(
      'shortcut',
      'Sheaf could not start or stop the timer',
      err instanceof Error ? err.message : '',
    );
    return;
  }
  const after = deps.running();
  if (before && !after) {
    const worked = deps.entry(before.id);
    const hours = worked ? formatElapsedMinutes(worked.hours * msPerHour) : '';
    deps.notify(
      'shortcut',
      'Timer stopped',
      `${before.projectName} — ${before.taskName}${hours ? `, ${hours}` : ''}`,
    );
  } else if (after) {
    deps.notify('shortcut', 'Timer started', `${after.projectName} — ${after.taskName}`);
  }
}

function statusOf(result: ReturnType<Shortcuts['register']>, accelerator: string): ShortcutStatus {
  switch (result) {
    case 'ok':
      return { state: 'ok', message: null };
    case 'taken':
      return {
        state: 'taken',
        message: `${accelerator} is already used by another app. Press a different shortcut.`,
      };
    case 'invalid':
      return { state: 'invalid', message: `${accelerator} isn't a shortcut this system accepts.` };
    case 'unsupported':
      return {
        state: 'unsupported',
        message: 'Global shortcuts work in the desktop app; this preview keeps the setting only.',
      };
  }
}
