// Pins: only the person's own assignments, at most maxPins, saved before they are shown, and a backup read
// back when the pins file is damaged (nothing else has a copy: Harvest knows nothing of pins).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeDisk, setDisk } from '../../electron/main/core/storage/disk';
import { backupOf, Favourites, maxPins } from '../../electron/main/core/account/favourites';
import type { AssignmentOption } from '../../shared/state';
import { assignmentOption } from '../fixtures/app-state';
import { FaultyDisk } from '../fixtures/faulty-disk';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sheaf-pins-'));
  file = join(dir, 'account', 'favourites.json');
});
afterEach(() => {
  setDisk(nodeDisk);
  rmSync(dir, { recursive: true, force: true });
});

const options: AssignmentOption[] = Array.from({ length: maxPins + 5 }, (_, i) =>
  assignmentOption('Acme', `Project ${i}`, 'Design', { projectId: 100 + i, taskId: 7 }),
);
const pair = (i: number) => ({ projectId: 100 + i, taskId: 7 });
const saved = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

async function opened(): Promise<Favourites> {
  const pins = new Favourites();
  expect(await pins.open(file)).toBeNull();
  return pins;
}

describe('what may be pinned', () => {
  it("refuses a pair that isn't among the person's assignments, and keeps the list as it was", async () => {
    const pins = await opened();
    await expect(pins.pin({ projectId: 999, taskId: 7 }, options)).rejects.toThrow(
      "That project and task aren't among your Harvest assignments, so they can't be pinned.",
    );
    await expect(pins.pin(pair(0), [])).rejects.toThrow(/aren't among your Harvest assignments/);
    expect(pins.list()).toEqual([]);
  });

  it(`pins up to ${maxPins} pairs, then says to unpin one first`, async () => {
    const pins = await opened();
    for (let i = 0; i < maxPins; i++) await pins.pin(pair(i), options);
    await expect(pins.pin(pair(maxPins), options)).rejects.toThrow(
      `You can pin up to ${maxPins} projects and tasks. Unpin one first.`,
    );
    expect(pins.list()).toHaveLength(maxPins);
    // Pinning one already pinned is not a new pin, so the limit doesn't stop it.
    await pins.pin(pair(3), options);
    await pins.unpin(pair(3));
    await pins.pin(pair(maxPins), options);
    expect(pins.list().at(-1)).toEqual(pair(maxPins));
  });

  it('unpins a pair Harvest no longer assigns, so an old pin can always go', async () => {
    const pins = await opened();
    await pins.pin(pair(1), options);
    await pins.unpin(pair(1));
    expect(pins.list()).toEqual([]);
  });

  it('keeps every pin when several are asked for at once, in the order asked', async () => {
    const pins = await opened();
    await Promise.all([0, 1, 2, 3].map((i) => pins.pin(pair(i), options)));
    expect(pins.list()).toEqual([pair(0), pair(1), pair(2), pair(3)]);
    expect(saved(file)).toEqual({ pairs: [pair(0), pair(1), pair(2), pair(3)] });
  });
});

describe('saved before shown', () => {
  it('writes the pins file, then its backup, after each change', async () => {
    const pins = await opened();
    await pins.pin(pair(0), options);
    await pins.pin(pair(1), options);
    expect(saved(file)).toEqual({ pairs: [pair(0), pair(1)] });
    expect(saved(backupOf(file))).toEqual({ pairs: [pair(0), pair(1)] });
    await pins.unpin(pair(0));
    expect(saved(backupOf(file))).toEqual({ pairs: [pair(1)] });
  });

  it("leaves the list as it was when the pins can't be saved, and says so", async () => {
    const pins = await opened();
    await pins.pin(pair(0), options);
    // The account folder becomes a file: every write under it fails, whoever runs the test (root too).
    rmSync(join(dir, 'account'), { recursive: true });
    writeFileSync(join(dir, 'account'), 'not a folder');
    await expect(pins.pin(pair(1), options)).rejects.toThrow(
      /^Sheaf can't save to .+: a file is where its folder should be\. Your pins weren't changed\.$/,
    );
    expect(pins.list()).toEqual([pair(0)]);
    await expect(pins.unpin(pair(0))).rejects.toThrow(/Your pins weren't changed\.$/);
    expect(pins.list()).toEqual([pair(0)]);
  });
});

describe('a damaged pins file', () => {
  it('restores the pins from the backup and says so, without promising Harvest will rebuild them', async () => {
    const first = await opened();
    await first.pin(pair(0), options);
    await first.pin(pair(1), options);
    writeFileSync(file, '{"pairs": [{"projectId": "garbled');

    const pins = new Favourites();
    const problem = await pins.open(file);
    expect(problem).toBe(
      "Sheaf couldn't read its list of pinned projects (a damaged file is set aside next to it), so it " +
        'restored your 2 pins from the backup it keeps after each change.',
    );
    expect(problem).not.toMatch(/Harvest/);
    expect(pins.list()).toEqual([pair(0), pair(1)]);
    // The pins file is whole again, so the next start reads it without a word.
    expect(saved(file)).toEqual({ pairs: [pair(0), pair(1)] });
    expect(await new Favourites().open(file)).toBeNull();
  });

  it('on a full disk keeps the damaged file where it is, so the next start restores the pins again', async () => {
    const first = await opened();
    await first.pin(pair(0), options);
    writeFileSync(file, '{"pairs": [{"projectId": "garbled');
    const disk = new FaultyDisk();
    disk.failing = 'ENOSPC';
    setDisk(disk);
    for (let start = 1; start <= 2; start++) {
      const pins = new Favourites();
      expect(await pins.open(file)).toMatch(/restored your 1 pin from the backup/);
      expect(pins.list()).toEqual([pair(0)]);
    }
    expect(readFileSync(file, 'utf8')).toBe('{"pairs": [{"projectId": "garbled');
  });

  it('says plainly that the pins are gone when the backup is damaged too', async () => {
    const first = await opened();
    await first.pin(pair(0), options);
    writeFileSync(file, 'nonsense');
    writeFileSync(backupOf(file), 'nonsense');

    const pins = new Favourites();
    const problem = await pins.open(file);
    expect(problem).toBe(
      "Sheaf couldn't read its list of pinned projects (a damaged file is set aside next to it), and has no " +
        'good backup of it. Pins are kept only on this computer: pin your projects again.',
    );
    expect(pins.list()).toEqual([]);
  });
});
