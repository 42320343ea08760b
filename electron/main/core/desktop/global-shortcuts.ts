// Owns the global shortcuts Sheaf holds from the OS: registering the ones Settings names (and saying why one
// couldn't be, or what the desktop bound), and releasing them all, here only, when the desktop ends. Where the
// desktop holds them for Sheaf instead (GNOME's keybindings), adding them there. Also what a start/stop says.
import type {
  DesktopKeybinding,
  Settings,
  SettingsView,
  ShortcutName,
  ShortcutStatus,
} from '../../../../shared/settings';
import type { EntryView } from '../../../../shared/state';
import { formatElapsedMinutes } from '../../../../shared/duration';
import { msPerHour } from '../../../../shared/elapsed';
import { NotAllowedError } from '../base/errors';
import type { Disposable } from '../base/lifecycle';
import type { DesktopKeybindings, Shortcuts, ShortcutsBound } from '../ports';
import type { Notify } from './notifications';

const off: ShortcutStatus = { state: 'off', message: null };
const names = ['togglePopover', 'toggleTimer'] as const satisfies readonly ShortcutName[];
const shortcutLabels: Record<ShortcutName, string> = {
  togglePopover: 'Show or hide Sheaf',
  toggleTimer: 'Start or stop the timer',
};

/** What each shortcut runs when the desktop holds its keys: the `sheaf` command's verb. */
const commandVerbs = { togglePopover: 'show', toggleTimer: 'toggle' } as const satisfies Record<
  ShortcutName,
  'show' | 'toggle'
>;

export class GlobalShortcuts implements Disposable {
  private readonly shortcuts: Shortcuts;
  private status: Record<ShortcutName, ShortcutStatus> = { togglePopover: off, toggleTimer: off };
  private added: DesktopKeybinding[] = [];
  /** The keys asked for, to match the desktop's answer (which names them) to each shortcut. */
  private registered: Settings['shortcuts'] = { togglePopover: '', toggleTimer: '' };
  private readonly stopBound: () => void;
  private readonly unsupported: string;

  constructor(
    shortcuts: Shortcuts | undefined,
    private readonly actions: Record<ShortcutName, () => void>,
    private readonly log?: (line: string) => void,
    private readonly keybindings?: DesktopKeybindings,
    /** The desktop answered a bind: what Settings shows has changed. */
    private readonly onBound?: () => void,
  ) {
    this.shortcuts = shortcuts ?? { register: () => 'unsupported', unregisterAll: () => {} };
    this.unsupported = unsupportedMessage(shortcuts !== undefined, keybindings);
    this.stopBound = this.shortcuts.onBound?.((outcome) => this.bound(outcome)) ?? (() => {});
  }

  /** Each shortcut's state for the settings view (on, taken by another app, not a shortcut, unsupported). */
  view(): Record<ShortcutName, ShortcutStatus> {
    return this.status;
  }

  /** The offer of the desktop's own keyboard settings, where apps can't hold shortcuts; what was added there. */
  keybindingsView(): SettingsView['desktopKeybindings'] {
    const needed = names.some((name) => this.status[name].state === 'unsupported');
    if (!this.keybindings || (!needed && this.added.length === 0)) return undefined;
    return { desktop: this.keybindings.desktop, added: this.added };
  }

  /** Writes the shortcuts `settings` names into the desktop's keyboard settings, running the sheaf command. */
  async addToDesktop(settings: Settings): Promise<void> {
    const keybindings = this.keybindings;
    if (!keybindings) throw new NotAllowedError('This desktop has no keyboard settings Sheaf can add to.');
    const wanted = names.flatMap((name) =>
      settings.shortcuts[name]
        ? [
            {
              name: `Sheaf: ${shortcutLabels[name]}`,
              accelerator: settings.shortcuts[name],
              run: commandVerbs[name],
            },
          ]
        : [],
    );
    if (wanted.length === 0) throw new NotAllowedError('Set a shortcut above first, then add it.');
    this.added = await keybindings.add(wanted).catch((err: unknown) => {
      // The desktop's own tool refused (a key it can't spell, gsettings missing): said as it said it.
      throw new NotAllowedError(
        `Sheaf couldn't add them to ${keybindings.desktop}'s keyboard settings: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
    this.log?.(`shortcuts: added to ${keybindings.desktop}: ${this.added.map((k) => k.command).join(', ')}`);
  }

  /** Holds the shortcuts `settings` names, and only those. */
  apply(settings: Settings): void {
    this.shortcuts.unregisterAll();
    const next = { ...this.status };
    // A desktop that binds the keys itself may ask the person first: said until it answers.
    const asking = this.shortcuts.onBound ? 'Your desktop may ask you to confirm these keys.' : null;
    for (const name of names) {
      const accelerator = settings.shortcuts[name];
      next[name] = accelerator
        ? statusOf(
            this.shortcuts.register(accelerator, this.actions[name], shortcutLabels[name]),
            accelerator,
            this.unsupported,
            asking,
          )
        : off;
    }
    this.status = next;
    this.registered = { ...settings.shortcuts };
    for (const name of names) {
      if (next[name].state === 'taken') this.log?.(`shortcut ${shortcutLabels[name]}: ${next[name].message}`);
    }
  }

  /** Global shortcuts belong to the OS until released: given back however the desktop ends. */
  dispose(): void {
    this.stopBound();
    this.shortcuts.unregisterAll();
  }

  /** The desktop's answer to a bind: the keys it gave each shortcut, none yet, or its refusal. */
  private bound(outcome: ShortcutsBound): void {
    const next = { ...this.status };
    for (const name of names) {
      if (next[name].state !== 'ok') continue;
      if ('refused' in outcome) {
        next[name] = { state: 'unsupported', message: outcome.refused };
        continue;
      }
      const given = outcome.bound.find((b) => b.accelerator === this.registered[name]);
      if (!given) continue;
      next[name] = {
        state: 'ok',
        message: given.trigger
          ? `Your desktop runs this on ${given.trigger}.`
          : 'Your desktop has no keys for this yet: give it keys in its keyboard settings.',
      };
    }
    this.status = next;
    this.onBound?.();
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

/** Why a shortcut isn't held, true to this host and desktop, and where the person can set it instead. */
function unsupportedMessage(desktopApp: boolean, keybindings: DesktopKeybindings | undefined): string {
  if (!desktopApp) {
    return keybindings
      ? `This preview can't hold global shortcuts; add them to ${keybindings.desktop}'s keyboard settings (below).`
      : 'Global shortcuts work in the desktop app; this preview keeps the setting only.';
  }
  return keybindings
    ? "This desktop doesn't let apps set global shortcuts; add them to your keyboard settings (below)."
    : "This desktop doesn't let apps set global shortcuts; add them in its keyboard settings as the commands sheaf show and sheaf toggle.";
}

function statusOf(
  result: ReturnType<Shortcuts['register']>,
  accelerator: string,
  unsupported: string,
  asking: string | null,
): ShortcutStatus {
  switch (result) {
    case 'ok':
      return { state: 'ok', message: asking };
    case 'taken':
      return {
        state: 'taken',
        message: `${accelerator} is already used by another app. Press a different shortcut.`,
      };
    case 'invalid':
      return { state: 'invalid', message: `${accelerator} isn't a shortcut this system accepts.` };
    case 'unsupported':
      return { state: 'unsupported', message: unsupported };
  }
}
