// Owns the settings file: electron-store in the app, conf in the Node hosts (electron-store wraps conf), both
// checked with one JSON schema derived from the zod one. A damaged or hand-broken file is set aside, not lost.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Schema } from 'conf';
import { z } from 'zod';
import { defaultSettings, Settings } from '../../../shared/settings';
import type { SettingsStore } from '../core/ports';

export const settingsFileName = 'settings.json';

/** What conf and electron-store are asked for; both take these options and expose `store`. */
export interface StoreOptions {
  cwd: string;
  configName: string;
  schema: Schema<Settings>;
  defaults: Settings;
  clearInvalidConfig: false;
}

export interface ConfLike {
  store: unknown;
}

/** The JSON schema conf validates with, one property schema per top-level setting. */
export function settingsPropertySchemas(): Schema<Settings> {
  const schema = z.toJSONSchema(Settings, { io: 'input' }) as unknown as { properties: Schema<Settings> };
  return schema.properties;
}

export function createSettingsStore(options: {
  dir: string;
  /** `(o) => new Conf(o)` in Node, `(o) => new ElectronStore(o)` in Electron. */
  open: (o: StoreOptions) => ConfLike;
  now?: () => Date;
}): SettingsStore {
  const file = join(options.dir, settingsFileName);
  const storeOptions: StoreOptions = {
    cwd: options.dir,
    configName: 'settings',
    schema: settingsPropertySchemas(),
    defaults: defaultSettings,
    clearInvalidConfig: false,
  };
  let problem: string | null = null;
  let store: ConfLike;
  let settings: Settings;
  try {
    store = options.open(storeOptions);
    // conf checks the JSON schema; zod also checks what JSON schema can't say (working hours in order, shortcuts).
    settings = Settings.parse(store.store);
  } catch (err) {
    const aside = `${settingsFileName}.damaged-${(options.now?.() ?? new Date()).getTime()}`;
    if (existsSync(file)) renameSync(file, join(options.dir, aside));
    problem =
      `Your settings file couldn't be read (${reason(err)}), so Sheaf set it aside as ${aside} and is using ` +
      'the default settings. Change them in Settings.';
    store = options.open(storeOptions);
    settings = Settings.parse(store.store);
  }
  return {
    read: () => ({ settings, problem }),
    write(next) {
      store.store = next;
      settings = next;
    },
  };
}

function reason(err: unknown): string {
  if (err instanceof z.ZodError) return err.issues[0]?.message ?? 'invalid values';
  if (err instanceof SyntaxError) return 'not valid JSON';
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith('Config schema violation') ? 'values out of range' : message.slice(0, 120);
}
