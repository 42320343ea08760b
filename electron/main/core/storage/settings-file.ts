// Owns what a settings file of any age means now: its schema version's migrations, then every setting still valid
// kept as the person chose it, defaults for the rest at every level, and keys this version doesn't know dropped.
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { defaultSettings, Settings } from '../../../../shared/settings';

/**
 * Bumped when a setting is renamed or reshaped, with a migration to the new number below. Version 0 is any file
 * from before the number was written; nothing has been renamed or reshaped since, so it needs no migration: the
 * settings added since (weekStartDay, say) are filled in from the defaults like any missing one.
 */
export const SETTINGS_SCHEMA_VERSION = 1;

/** A file's settings at one version in, the next version's out; pure, so each is tested on a hand-written file. */
export type SettingsMigration = (file: Record<string, unknown>) => Record<string, unknown>;

/** Keyed by the version each migration brings a file to. */
export const settingsMigrations: Readonly<Record<number, SettingsMigration>> = {};

/** The file as written: the settings and the schema version they were written in. */
export type SettingsFile = Settings & { schemaVersion: number };

export interface SettingsRead {
  settings: Settings;
  /** The settings that couldn't be used and went back to their defaults, each with why ("theme: …"). */
  reset: string[];
  /** False when the file says something other than what would be written now (older, filled in, repaired). */
  upToDate: boolean;
  /** True when a newer Sheaf wrote it: read as well as this version can, and best left as it is until a change. */
  fromNewerVersion: boolean;
}

/** Thrown when a file holds no settings at all (JSON, but not an object of settings). */
export class UnreadableSettingsError extends Error {
  constructor() {
    super('not a settings object');
  }
}

export function settingsFile(settings: Settings): SettingsFile {
  return { schemaVersion: SETTINGS_SCHEMA_VERSION, ...settings };
}

/**
 * Reads a parsed settings file. Never fails on a value: an invalid one goes back to its default and is named in
 * `reset`; a group whose own rule fails (working hours that end before they start) goes back as a whole.
 */
export function readSettingsFile(
  parsed: unknown,
  migrations: Readonly<Record<number, SettingsMigration>> = settingsMigrations,
  version: number = SETTINGS_SCHEMA_VERSION,
): SettingsRead {
  if (!isRecord(parsed)) throw new UnreadableSettingsError();
  const { schemaVersion, ...rest } = parsed;
  const from = typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) ? schemaVersion : 0;
  let migrated: Record<string, unknown> = rest;
  for (let to = Math.max(0, from) + 1; to <= version; to++) migrated = migrations[to]?.(migrated) ?? migrated;
  const reset: string[] = [];
  const settings = keepValid(Settings, migrated, defaultSettings, [], reset) as Settings;
  return {
    settings,
    reset,
    upToDate: isDeepStrictEqual(parsed, { ...settings, schemaVersion: version }),
    fromNewerVersion: from > version,
  };
}

/** The valid part of `raw` for `schema`, the matching part of `fallback` wherever raw is missing or invalid. */
function keepValid(
  schema: z.ZodType,
  raw: unknown,
  fallback: unknown,
  path: string[],
  reset: string[],
): unknown {
  if (schema instanceof z.ZodObject && isRecord(raw) && isRecord(fallback)) {
    const kept: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      kept[key] =
        key in raw ? keepValid(child, raw[key], fallback[key], [...path, key], reset) : fallback[key];
    }
    // The group's own rules, which no single value breaks alone.
    return parsedOr(schema, kept, fallback, path, reset);
  }
  return parsedOr(schema, raw, fallback, path, reset);
}

function parsedOr(schema: z.ZodType, value: unknown, fallback: unknown, path: string[], reset: string[]) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  reset.push(`${path.join('.') || 'settings'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
