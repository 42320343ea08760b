// Owns the settings file: electron-store in the app, conf in the Node hosts (electron-store wraps conf), both
// reading it through readSettingsFile and checked with one JSON schema derived from the zod one. A file that
// holds no settings is set aside, not lost; one with a bad value keeps the rest, and a copy as it was.
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Schema } from 'conf';
import { z } from 'zod';
import { defaultSettings, Settings } from '../../../shared/settings';
import { DiskError, errnoOf } from '../core/storage/disk';
import type { SettingsStore } from '../core/ports';
import {
  readSettingsFile,
  settingsFile,
  type SettingsFile,
  type SettingsRead,
} from '../core/storage/settings-file';

export const settingsFileName = 'settings.json';
/**
 * Where electron-store kept the settings until `name` was passed: it names the file from `name` (default
 * "config") and overwrites conf's `configName` with it. Taken over once, so no one's settings reset on upgrade.
 */
const electronStoreDefaultFileName = 'config.json';

/** What conf and electron-store are asked for; both take these options and expose `store`. */
export interface StoreOptions {
  cwd: string;
  /** electron-store's name for the file; conf's is configName. */
  name: string;
  configName: string;
  schema: Schema<SettingsFile>;
  defaults: SettingsFile;
  clearInvalidConfig: false;
  /** Every read of the file goes through readSettingsFile, so conf's own checks see it as it is read. */
  deserialize: (text: string) => SettingsFile;
}

export interface ConfLike {
  store: unknown;
}

/** The JSON schema conf validates with, one property schema per top-level setting, and the schema version. */
export function settingsPropertySchemas(): Schema<SettingsFile> {
  const schema = z.toJSONSchema(Settings, { io: 'input' }) as unknown as { properties: Schema<Settings> };
  return { ...schema.properties, schemaVersion: { type: 'integer', minimum: 0 } };
}

export function createSettingsStore(options: {
  dir: string;
  /** `(o) => new Conf(o)` in Node, `(o) => new ElectronStore(o)` in Electron. */
  open: (o: StoreOptions) => ConfLike;
  now?: () => Date;
}): SettingsStore {
  const file = join(options.dir, settingsFileName);
  const before = join(options.dir, electronStoreDefaultFileName);
  if (!existsSync(file) && existsSync(before)) renameSync(before, file);
  let lastRead: SettingsRead | undefined;
  const storeOptions: StoreOptions = {
    cwd: options.dir,
    name: 'settings',
    configName: 'settings',
    schema: settingsPropertySchemas(),
    defaults: settingsFile(defaultSettings),
    clearInvalidConfig: false,
    deserialize: (text) => {
      lastRead = readSettingsFile(JSON.parse(text));
      return settingsFile(lastRead.settings);
    },
  };
  const aside = () => `${settingsFileName}.damaged-${(options.now?.() ?? new Date()).getTime()}`;
  let problem: string | null = null;
  let store: ConfLike;
  let settings: Settings;
  try {
    store = options.open(storeOptions);
    // This read goes through deserialize too: lastRead is what it found.
    settings = Settings.parse(stripVersion(store.store));
    const read = lastRead;
    if (read && read.reset.length > 0) {
      const copy = aside();
      copyFileSync(file, join(options.dir, copy));
      problem =
        `Some of your settings couldn't be used (${read.reset.join('; ')}), so Sheaf went back to their ` +
        `defaults and kept the rest. The file as it was is kept as ${copy}.`;
    }
    // Written back at once, so the file says what is in use and which version wrote it; a newer Sheaf's file is
    // left for it until the person changes something here.
    if (read && !read.upToDate && !read.fromNewerVersion) store.store = settingsFile(settings);
  } catch (err) {
    // A folder Sheaf can't write to (read-only, full) isn't a damaged file: nothing is set aside, Sheaf starts on
    // what it can read, and says why its settings won't be kept.
    if (unwritable(err)) return readOnlyStore(file, err);
    const name = aside();
    if (existsSync(file)) renameSync(file, join(options.dir, name));
    problem =
      `Your settings file couldn't be read (${reason(err)}), so Sheaf set it aside as ${name} and is using ` +
      'the default settings. Change them in Settings.';
    store = options.open(storeOptions);
    settings = Settings.parse(stripVersion(store.store));
  }
  return {
    file,
    read: () => ({ settings, problem }),
    write(next) {
      store.store = settingsFile(next);
      settings = next;
    },
  };
}

const unwritable = (err: unknown) =>
  ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT'].includes(errnoOf(err) ?? '');

/** The settings as the file has them (or the defaults), kept in memory; a change is refused as the disk refused. */
function readOnlyStore(file: string, err: unknown): SettingsStore {
  let settings = defaultSettings;
  try {
    settings = readSettingsFile(JSON.parse(readFileSync(file, 'utf8'))).settings;
  } catch {
    // No file yet, or one that can't be read: the defaults.
  }
  const problem = `${new DiskError(err, file).message} Your settings can't be changed until it can.`;
  return {
    file,
    read: () => ({ settings, problem }),
    write() {
      throw err;
    },
  };
}

function stripVersion(file: unknown): unknown {
  if (typeof file !== 'object' || file === null) return file;
  const { schemaVersion: _version, ...settings } = file as Record<string, unknown>;
  return settings;
}

function reason(err: unknown): string {
  if (err instanceof z.ZodError) return err.issues[0]?.message ?? 'invalid values';
  if (err instanceof SyntaxError) return 'not valid JSON';
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith('Config schema violation') ? 'values out of range' : message.slice(0, 120);
}
