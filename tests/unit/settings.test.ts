// Tests the settings: schema and update validation, and the conf-backed file (round trip, files that hold no
// settings set aside with a message). Older and hand-edited files are settings-file.test.ts's.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSheafApp } from '../../electron/main/core/app';
import { memorySettingsStore, SettingsService } from '../../electron/main/core/desktop/settings';
import { createSettingsStore, type StoreOptions } from '../../electron/main/adapters/settings-store';
import { commands } from '../../shared/ipc';
import { dispatch } from '../../electron/main/dispatch';
import { MemorySecrets } from '../fixtures/memory-secrets';
import { acceleratorPattern, defaultSettings, Settings, SettingsUpdate } from '../../shared/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sheaf-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (o: StoreOptions) => new Conf<Settings>(o);
const file = () => join(dir, 'settings.json');

describe('settings schema', () => {
  it('accepts the defaults and Electron accelerators, refuses shortcuts without a modifier', () => {
    expect(Settings.parse(defaultSettings)).toEqual(defaultSettings);
    for (const ok of ['CommandOrControl+Shift+T', 'Alt+F4', 'Ctrl+Alt+Space', 'Super+num5', 'Shift+F12']) {
      expect(acceleratorPattern.test(ok), ok).toBe(true);
    }
    for (const bad of ['T', 'Shift+', 'Ctrl+Shift', 'Hyper+T', 'CommandOrControl+Shift+TT']) {
      expect(acceleratorPattern.test(bad), bad).toBe(false);
    }
  });

  it('the updateSettings input checks each part with a clear message', () => {
    const input = commands.updateSettings.input;
    expect(input.safeParse({ idleThresholdMinutes: 15 }).success).toBe(true);
    expect(input.safeParse({ noTimerReminder: { days: [1, 2] } }).success).toBe(true);
    const negative = input.safeParse({ idleThresholdMinutes: -1 });
    expect(negative.error?.issues[0]?.message).toBe('Ask after 0 minutes or more (0 turns this off)');
    const shortcut = input.safeParse({ shortcuts: { toggleTimer: 'T' } });
    expect(shortcut.error?.issues[0]?.message).toMatch(/modifier/);
    expect(input.safeParse({ theme: 'neon' }).success).toBe(false);
    expect(input.safeParse({ surprise: true }).success).toBe(false);
    expect(SettingsUpdate.safeParse({ noTimerReminder: { start: '9am' } }).success).toBe(false);
  });

  it('an update is merged and the whole result checked (working hours must end after they start)', () => {
    const service = new SettingsService(memorySettingsStore());
    const seen: Settings[] = [];
    service.onChange((s) => seen.push(s));
    service.update({ notifications: { noTimer: false }, noTimerReminder: { end: '18:30' } });
    expect(service.get().notifications).toEqual({ ...defaultSettings.notifications, noTimer: false });
    expect(service.get().noTimerReminder.end).toBe('18:30');
    expect(() => service.update({ noTimerReminder: { start: '19:00' } })).toThrow(
      'Working hours must end after they start',
    );
    expect(service.get().noTimerReminder.start).toBe('09:00');
    expect(seen).toHaveLength(1);
  });

  it('refuses the same shortcut for both actions (the second could never be registered), however spelt', () => {
    const service = new SettingsService(memorySettingsStore());
    const same = /need different shortcuts/;
    expect(() => service.update({ shortcuts: { toggleTimer: 'CommandOrControl+Shift+H' } })).toThrow(same);
    expect(() => service.update({ shortcuts: { toggleTimer: 'shift+CmdOrCtrl+h' } })).toThrow(same);
    expect(service.get().shortcuts).toEqual(defaultSettings.shortcuts);
    expect(
      Settings.safeParse({
        ...defaultSettings,
        shortcuts: { togglePopover: 'Ctrl+Plus', toggleTimer: 'Control++' },
      }).error?.issues[0],
    ).toMatchObject({ path: ['shortcuts', 'toggleTimer'], message: expect.stringMatching(same) });
    // Different keys, or one of them off, are fine.
    service.update({ shortcuts: { toggleTimer: 'CommandOrControl+Alt+H' } });
    service.update({ shortcuts: { togglePopover: '', toggleTimer: '' } });
    expect(service.get().shortcuts).toEqual({ togglePopover: '', toggleTimer: '' });
  });
});

describe('settings file (conf)', () => {
  it('starts at the defaults, saves changes and reads them back in a new run', () => {
    const first = new SettingsService(createSettingsStore({ dir, open }));
    expect(first.get()).toEqual(defaultSettings);
    expect(first.problem).toBeNull();
    first.update({ idleThresholdMinutes: 25, theme: 'dark', shortcuts: { togglePopover: 'Alt+Shift+S' } });
    const onDisk = JSON.parse(readFileSync(file(), 'utf8')) as Settings;
    expect(onDisk).toMatchObject({ idleThresholdMinutes: 25, theme: 'dark' });
    const second = new SettingsService(createSettingsStore({ dir, open }));
    expect(second.get()).toMatchObject({ idleThresholdMinutes: 25, theme: 'dark' });
    expect(second.get().shortcuts.togglePopover).toBe('Alt+Shift+S');
  });

  it.each([
    ['broken JSON', '{"idleThresholdMinutes": 10,', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['JSON that holds no settings (a list)', '[10, "dark"]', /not a settings object/],
    ['JSON that holds no settings (null)', 'null', /not a settings object/],
  ])('%s: the file is set aside, defaults load, and the person is told', (_name, text, why) => {
    writeFileSync(file(), text);
    const store = createSettingsStore({ dir, open, now: () => new Date(1234) });
    const service = new SettingsService(store);
    expect(service.get()).toEqual(defaultSettings);
    expect(service.problem).toMatch(why);
    expect(service.problem).toContain('settings.json.damaged-1234');
    expect(readFileSync(join(dir, 'settings.json.damaged-1234'), 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['settings.json', 'settings.json.damaged-1234']);
    // The fresh file works from here on.
    service.update({ trayTitle: false });
    expect(new SettingsService(createSettingsStore({ dir, open })).get().trayTitle).toBe(false);
  });

  it('the damaged-file notice shows in the notices and in settings until the person dismisses it', async () => {
    writeFileSync(file(), '{ not json');
    const app = createSheafApp({
      env: {},
      dataDir: dir,
      secrets: new MemorySecrets(),
      fetch: () => Promise.reject(new Error('no network in this test')),
      desktop: { settingsStore: createSettingsStore({ dir, open, now: () => new Date(1234) }) },
    });
    try {
      expect(app.getState().notices.join(' ')).toMatch(/settings file couldn't be read/);
      expect(app.commands.getSettings(undefined)).toMatchObject({
        notice: expect.stringMatching(/set it aside as settings\.json\.damaged-1234/),
      });
      await app.commands.dismissNotices(undefined);
      expect(app.getState().notices).toEqual([]);
      expect(app.commands.getSettings(undefined)).toMatchObject({ notice: null });
    } finally {
      await app.dispose();
    }
  });
});

describe('saving settings on a disk that refuses', () => {
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the disk is read-only'],
    ['EACCES', "it isn't allowed to write there"],
  ])('answers %s with the storage message every other change gives', async (code, why) => {
    const store = createSettingsStore({ dir, open: (o: StoreOptions) => new Conf(o) });
    const refusing = {
      ...store,
      write: () => {
        throw Object.assign(new Error(`${code}: refused`), { code });
      },
    };
    const settings = new SettingsService(refusing);
    const result = await dispatch(
      { updateSettings: (u: SettingsUpdate) => settings.update(u) } as never,
      'updateSettings',
      { theme: 'dark' },
      () => {},
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'storage',
        message: `Sheaf can't save to ${dir}: ${why}. Your settings were not changed.`,
      },
    });
    expect(settings.get().theme).toBe('system');
  });
});
