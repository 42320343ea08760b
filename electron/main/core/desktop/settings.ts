// Owns the person's settings at run time: loaded once from the store (a damaged file already set aside there),
// changed only through validated updates, saved at once, and announced to whoever applies them.
import { ZodError } from 'zod';
import { defaultSettings, mergeSettings, Settings, type SettingsUpdate } from '../../../../shared/settings';
import { DiskError, errnoOf } from '../storage/disk';
import { NotAllowedError } from '../base/errors';
import { NotSavedError } from '../storage/not-saved';
import type { SettingsStore } from '../ports';

/** A store for hosts without a settings file (tests): starts at the defaults, forgets on exit. */
export function memorySettingsStore(initial: Settings = defaultSettings): SettingsStore {
  let saved = initial;
  return {
    read: () => ({ settings: saved, problem: null }),
    write: (settings) => {
      saved = settings;
    },
  };
}

export class SettingsService {
  private current: Settings;
  private damaged: string | null;
  private readonly listeners = new Set<(settings: Settings, before: Settings) => void>();

  constructor(private readonly store: SettingsStore) {
    const { settings, problem } = store.read();
    this.current = settings;
    this.damaged = problem;
  }

  /** Why the saved settings could not be used (shown in the notices and the settings view) until dismissed. */
  get problem(): string | null {
    return this.damaged;
  }

  /** The person dismissed the notice: it has been seen, and the settings in use are fine. */
  dismissProblem(): void {
    this.damaged = null;
  }

  get(): Settings {
    return this.current;
  }

  /** Merges a partial change, checks the whole result, saves it, then tells the listeners. */
  update(update: SettingsUpdate): Settings {
    const parsed = Settings.safeParse(mergeSettings(this.current, update));
    if (!parsed.success) throw new NotAllowedError(messageOf(parsed.error));
    const before = this.current;
    try {
      this.store.write(parsed.data);
    } catch (err) {
      throw notSaved(err, this.store.file);
    }
    this.current = parsed.data;
    for (const listener of this.listeners) listener(this.current, before);
    return this.current;
  }

  onChange(listener: (settings: Settings, before: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function messageOf(error: ZodError): string {
  return error.issues.map((i) => i.message).join('; ');
}

/**
 * A settings file that can't be written (a full disk, a read-only folder) is refused in the words every other
 * change uses ("Sheaf can't save to …: the disk is full."), not as "Something went wrong in Sheaf".
 */
function notSaved(err: unknown, file: string | undefined): unknown {
  const code = errnoOf(err);
  if (code === undefined) return err;
  const where = file ?? (err as NodeJS.ErrnoException).path ?? 'settings.json';
  return new NotSavedError(new DiskError(err, where), 'Your settings were not changed.');
}
