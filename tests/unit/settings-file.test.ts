// Tests settings files of any age and any hand: older files keep every valid value the person chose (defaults
// filled at every level, unknown keys dropped, a bad value reset alone and named), migrations by schema version,
// and a newer Sheaf's file read without being rewritten. Files that hold no settings are settings.test.ts's.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsService } from '../../electron/main/core/desktop/settings';
import {
  readSettingsFile,
  SETTINGS_SCHEMA_VERSION,
  type SettingsMigration,
} from '../../electron/main/core/storage/settings-file';
import { createSettingsStore, type StoreOptions } from '../../electron/main/adapters/settings-store';
import { defaultSettings } from '../../shared/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sheaf-settings-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, 'settings.json');
const open = () =>
  new SettingsService(
    createSettingsStore({ dir, open: (o: StoreOptions) => new Conf(o), now: () => new Date(1234) }),
  );
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;

/**
 * What a person had chosen, in a file from before `weekStartDay`, `otherAccountTimer`, `stopAtSleep`,
 * `noTimerReminder.intervalMinutes`, `notifications.focus`, `focus` and `hoursLead`.
 */
const olderFile = {
  idleThresholdMinutes: 25,
  shortcuts: { togglePopover: 'Alt+Shift+S', toggleTimer: 'Alt+Shift+T' },
  notifications: { shortcut: false, idle: true, stillRunning: false, noTimer: true },
  stillRunningHours: 6,
  noTimerReminder: { days: [1, 2, 3, 4], start: '08:30', end: '16:00' },
  launchAtLogin: true,
  trayTitle: false,
  theme: 'dark',
};
const chosen = {
  ...olderFile,
  noTimerReminder: { ...olderFile.noTimerReminder, intervalMinutes: 60 },
  notifications: { ...olderFile.notifications, focus: true },
  weekStartDay: 'Monday',
  otherAccountTimer: 'ask',
  stopAtSleep: false,
  focus: defaultSettings.focus,
  hoursLead: 'tracked',
};

describe('an older or hand-edited settings file', () => {
  it('keeps every valid value the person chose: a missing setting, top-level or nested, takes its default', () => {
    writeFileSync(file(), JSON.stringify(olderFile));
    const service = open();
    expect(service.get()).toEqual(chosen);
    expect(service.problem).toBeNull();
    // Brought up to date at once, stamped with the version that wrote it; nothing set aside.
    expect(onDisk()).toEqual({ schemaVersion: SETTINGS_SCHEMA_VERSION, ...chosen });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(open().get()).toEqual(chosen);
  });

  it('drops keys this version doesn’t know, at any level, and keeps the rest', () => {
    const withExtras = {
      ...olderFile,
      compactMode: true,
      notifications: { ...olderFile.notifications, sound: 'chime' },
    };
    writeFileSync(file(), JSON.stringify(withExtras));
    const service = open();
    expect(service.get()).toEqual(chosen);
    expect(service.problem).toBeNull();
    expect(onDisk()).not.toHaveProperty('compactMode');
    expect(onDisk().notifications).not.toHaveProperty('sound');
  });

  it('puts one invalid value back to its default, keeps the rest, says which, and keeps the file as it was', () => {
    const text = JSON.stringify({ ...olderFile, stillRunningHours: 30, unknownKey: 1 });
    writeFileSync(file(), text);
    const service = open();
    expect(service.get()).toEqual({ ...chosen, stillRunningHours: defaultSettings.stillRunningHours });
    expect(service.problem).toMatch(/stillRunningHours: Remind after at most 24 hours/);
    expect(service.problem).toMatch(/kept the rest.*settings\.json\.damaged-1234/);
    expect(readFileSync(join(dir, 'settings.json.damaged-1234'), 'utf8')).toBe(text);
    // Repaired on disk, so the next start neither resets nor tells again.
    const next = open();
    expect(next.get()).toEqual(service.get());
    expect(next.problem).toBeNull();
  });

  it.each([
    ['a hand-typed wrong type', { theme: 'purple' }, { theme: 'system' }, /theme: /],
    [
      'a nested value its rule refuses',
      { shortcuts: { ...olderFile.shortcuts, toggleTimer: 'T' } },
      { shortcuts: { ...olderFile.shortcuts, toggleTimer: defaultSettings.shortcuts.toggleTimer } },
      /shortcuts\.toggleTimer: .*modifier/,
    ],
    [
      'a group in the wrong shape',
      { notifications: 'all' },
      { notifications: defaultSettings.notifications },
      /notifications: /,
    ],
  ])('%s goes back to its default alone', (_name, change, expected, why) => {
    writeFileSync(file(), JSON.stringify({ ...olderFile, ...change }));
    const service = open();
    expect(service.get()).toEqual({ ...chosen, ...expected });
    expect(service.problem).toMatch(why);
  });

  it('puts working hours back as a whole when they end before they start (no one value is wrong)', () => {
    writeFileSync(
      file(),
      JSON.stringify({ ...olderFile, noTimerReminder: { start: '18:00', end: '09:00' } }),
    );
    const service = open();
    expect(service.get()).toEqual({ ...chosen, noTimerReminder: defaultSettings.noTimerReminder });
    expect(service.problem).toMatch(/noTimerReminder: Working hours must end after they start/);
  });

  it('reads a newer Sheaf’s file as well as it can, and leaves it as it is until the person changes something', () => {
    const text = JSON.stringify({ schemaVersion: SETTINGS_SCHEMA_VERSION + 5, ...chosen, focusMode: 'deep' });
    writeFileSync(file(), text);
    const service = open();
    expect(service.get()).toEqual(chosen);
    expect(service.problem).toBeNull();
    expect(readFileSync(file(), 'utf8')).toBe(text);
    service.update({ theme: 'light' });
    expect(onDisk()).toEqual({ schemaVersion: SETTINGS_SCHEMA_VERSION, ...chosen, theme: 'light' });
  });
});

describe('settings migrations', () => {
  // As if version 2 renamed `trayTitle` to `menuBarTitle` and version 3 moved idle minutes into a group.
  const toV2: SettingsMigration = ({ trayTitle, ...rest }) => ({ ...rest, menuBarTitle: trayTitle });
  const toV3: SettingsMigration = ({ idleThresholdMinutes, ...rest }) => ({
    ...rest,
    idle: { minutes: idleThresholdMinutes },
  });
  // This version's schema still reads the old names, so read them back to see each step ran, and in order.
  const back: SettingsMigration = ({ menuBarTitle, idle, ...rest }) => ({
    ...rest,
    trayTitle: menuBarTitle,
    idleThresholdMinutes: (idle as { minutes?: number } | undefined)?.minutes,
  });
  const steps: string[] = [];
  const logged =
    (name: string, step: SettingsMigration): SettingsMigration =>
    (f) => {
      steps.push(name);
      return step(f);
    };
  const migrations = { 2: logged('to 2', toV2), 3: logged('to 3', (f) => back(toV3(f))) };

  beforeEach(() => void steps.splice(0));

  it('runs every migration after the file’s version, in order, and none before', () => {
    const read = readSettingsFile({ ...olderFile, trayTitle: true }, migrations, 3);
    expect(steps).toEqual(['to 2', 'to 3']);
    expect(read.settings).toMatchObject({ trayTitle: true, idleThresholdMinutes: 25 });
    steps.splice(0);
    readSettingsFile({ schemaVersion: 2, ...olderFile, menuBarTitle: true }, migrations, 3);
    expect(steps).toEqual(['to 3']);
  });

  it('runs none on a file already at this version, and calls it up to date only when nothing changed', () => {
    const current = { schemaVersion: 3, ...chosen };
    expect(readSettingsFile(current, migrations, 3)).toMatchObject({ upToDate: true, reset: [] });
    expect(steps).toEqual([]);
    expect(readSettingsFile({ ...current, extra: 1 }, migrations, 3).upToDate).toBe(false);
  });

  it('this version has no migrations yet: a file from before the version was stamped only gains defaults', () => {
    expect(readSettingsFile(olderFile)).toEqual({
      settings: chosen,
      reset: [],
      upToDate: false,
      fromNewerVersion: false,
    });
  });
});
