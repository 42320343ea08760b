// Tests the settings file as the app keeps it: the real electron-store (beside a stand-in `electron`) writes
// settings.json, the file that is read, repaired and set aside, and takes over an earlier build's config.json.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsService } from '../../electron/main/core/desktop/settings';
import { createSettingsStore } from '../../electron/main/adapters/settings-store';
import { defaultSettings } from '../../shared/settings';
import { electronStoreInNode, type ElectronStoreInNode } from '../fixtures/electron-store-in-node';

let dir: string;
let electron: ElectronStoreInNode;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sheaf-settings-app-'));
  electron = await electronStoreInNode(dir);
});
afterEach(() => {
  electron.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const appStore = () =>
  createSettingsStore({ dir, open: (o) => new electron.ElectronStore(o), now: () => new Date(1234) });

describe('the settings file in the app (electron-store)', () => {
  it('is settings.json, the file Sheaf reads, repairs and sets aside', () => {
    new SettingsService(appStore()).update({ theme: 'dark' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
    expect(new SettingsService(appStore()).get().theme).toBe('dark');
  });

  it('takes over the settings an earlier build kept in config.json, instead of starting from the defaults', () => {
    // electron-store names its file from `name` (default "config") over conf's configName.
    const chosen = { ...defaultSettings, idleThresholdMinutes: 30, theme: 'light' };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(chosen));
    const service = new SettingsService(appStore());
    expect(service.get()).toEqual(chosen);
    expect(service.problem).toBeNull();
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('sets a broken file aside and starts, where it used to fail to start (it looked for the wrong file)', () => {
    writeFileSync(join(dir, 'config.json'), '{ "theme": ');
    const service = new SettingsService(appStore());
    expect(service.get()).toEqual(defaultSettings);
    expect(service.problem).toMatch(/not valid JSON.*settings\.json\.damaged-1234/);
    expect(readdirSync(dir).sort()).toEqual(['settings.json', 'settings.json.damaged-1234']);
  });
});
