// Tests the packaging config against electron-builder's own JSON schema (building here would download Electron)
// and pins the settings a menubar app depends on.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { packagedLauncher, writeLinuxPackageScripts } from '../../../scripts/build-sheaf';

const root = new URL('../../../', import.meta.url);
const config = parse(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const schema = createRequire(import.meta.url)('app-builder-lib/scheme.json') as object;

// The options electron-builder itself validates with (app-builder-lib/out/util/config/schemaValidator.js).
const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", () => {
    const ok = validate(structuredClone(config));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check would catch a mistake', () => {
    expect(validate({ ...config, mac: { ...config.mac, category: 42, notAnOption: true } })).toBe(false);
  });

  it('names the app and lays out the build', () => {
    expect(config.appId).toBe('app.sheaf.timer');
    expect(config.productName).toBe('Sheaf');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'resources' });
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
  });

  it('packs the tray icons the app loads at runtime and unpacks keytar’s native addon', () => {
    expect(config.files).toContain('resources/tray*.png');
    for (const icon of [
      'trayTemplate.png',
      'trayTemplate@2x.png',
      'tray.png',
      'tray@2x.png',
      'trayRunning.png',
    ]) {
      expect(existsSync(new URL(`resources/${icon}`, root)), icon).toBe(true);
    }
    expect(config.asarUnpack).toContain('**/node_modules/keytar/**/*.node');
    expect(existsSync(new URL('node_modules/keytar/build/Release/keytar.node', root))).toBe(true);
  });

  it('is a menu bar app on macOS with dmg + zip', () => {
    expect(config.mac.category).toBe('public.app-category.productivity');
    expect(config.mac.extendInfo).toEqual({ LSUIElement: true });
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(existsSync(new URL(config.mac.icon, root))).toBe(true);
  });

  it('builds an NSIS installer on Windows and AppImage + deb on Linux with a desktop entry', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Utility');
    expect(config.linux.desktop.entry).toMatchObject({
      Name: 'Sheaf',
      Categories: expect.stringContaining('Utility'),
    });
    expect(config.linux.desktop.entry.Comment).toEqual(expect.any(String));
  });

  it('the Linux desktop entry claims sheaf:// links, as macOS and Windows get them from protocols', () => {
    expect(config.protocols).toEqual([{ name: 'Sheaf link', schemes: ['sheaf'] }]);
    expect(config.linux.desktop.entry.MimeType.split(';')).toContain('x-scheme-handler/sheaf');
  });

  it('points at an app icon of at least 512 px', () => {
    const png = readFileSync(new URL('resources/icon.png', root));
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  describe('the sheaf command', () => {
    it('ships the compiled command and its launchers as resources (sheaf/ and bin/ beside the app)', () => {
      expect(config.extraResources).toEqual(
        expect.arrayContaining([
          { from: 'out/sheaf', to: 'sheaf' },
          { from: 'resources/bin', to: 'bin' },
        ]),
      );
      expect(JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).scripts.build).toContain(
        'tsx scripts/build-sheaf.ts',
      );
      // Executable as it is checked in, so the copy electron-builder makes runs.
      expect(statSync(new URL('resources/bin/sheaf', root)).mode & 0o111).toBe(0o111);
      expect(readFileSync(new URL('resources/bin/sheaf.cmd', root), 'utf8')).toContain(
        'ELECTRON_RUN_AS_NODE=1',
      );
    });

    it('leaves the name sheaf on Linux to the command: the app’s binary is sheaf-app', () => {
      expect(config.linux.executableName).toBe('sheaf-app');
      expect(readFileSync(new URL('resources/bin/sheaf', root), 'utf8')).toContain(
        '"$resources/../sheaf-app"',
      );
    });

    it('has the deb and rpm link /usr/bin/sheaf on install and remove it (if still theirs) on removal', async () => {
      for (const target of ['deb', 'rpm']) {
        expect(config[target]).toEqual({
          afterInstall: 'out/packaging/after-install.tpl',
          afterRemove: 'out/packaging/after-remove.tpl',
        });
      }
      const dir = await mkdtemp(join(tmpdir(), 'sheaf-packaging-'));
      try {
        await writeLinuxPackageScripts(dir);
        const upstream = (name: string) =>
          readFile(new URL(`node_modules/app-builder-lib/templates/linux/${name}`, root), 'utf8');
        const install = await readFile(join(dir, 'after-install.tpl'), 'utf8');
        const remove = await readFile(join(dir, 'after-remove.tpl'), 'utf8');
        // electron-builder's own script first, whole: the app's link, the sandbox's mode, MIME and desktop databases.
        expect(install.startsWith((await upstream('after-install.tpl')).trimEnd())).toBe(true);
        expect(remove.startsWith((await upstream('after-remove.tpl')).trimEnd())).toBe(true);
        expect(install.trimEnd().endsWith(`ln -sf '${packagedLauncher}' '/usr/bin/sheaf'`)).toBe(true);
        expect(remove).toContain(`= '${packagedLauncher}' ]; then rm -f /usr/bin/sheaf; fi`);
        expect(packagedLauncher).toBe('/opt/${sanitizedProductName}/resources/bin/sheaf');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
