// Owns the durable outbox: every change the person made that Harvest hasn't confirmed, one JSON line each,
// rewritten atomically (temp file, fsync, rename by write-file-atomic) before the change is acknowledged.
// One line per record (in the versioned form of outbox-lines.ts) means a damaged file loses only its damaged
// lines: everything intact is kept, and written back without them only once a copy of the original holds them.
import { basename, dirname, join } from 'node:path';
import { disk, DiskError, errnoOf, shownFolder } from '../storage/disk';
import { damagedCopyOf, writeInOrder } from '../storage/local-store';
import type { Intent } from './intents';
import { lineOf, readLine, type OutboxRecord } from './outbox-lines';
import type { SetAside } from './set-aside';

export interface OutboxContents {
  intents: Intent[];
  ids: Map<string, number>;
  setAside: SetAside[];
}

export interface LoadedOutbox extends OutboxContents {
  /** What could not be read, for the person ("2 damaged lines were set aside"). */
  problems: string[];
  /**
   * Why the intact lines could not yet be written back without the damaged ones (a full disk): the file still
   * holds every line as it was, so nothing is lost, but it is behind memory until a save works.
   */
  unsaved: DiskError | null;
}

/** A damaged original not yet copied aside: kept before the file is first rewritten without its damaged lines. */
interface Damaged {
  text: string;
  copy: string;
}

export class Outbox {
  private damaged: Damaged | null = null;
  /** The copy of the damaged original being written, shared by the saves that wait for it. */
  private copying: Promise<void> | null = null;

  constructor(readonly file: string) {}

  async load(): Promise<LoadedOutbox> {
    const problems: string[] = [];
    await this.removeHalfWritten();
    let text: string;
    try {
      text = await disk().read(this.file);
    } catch (err) {
      const empty = { intents: [], ids: new Map<string, number>(), setAside: [], unsaved: null };
      if (errnoOf(err) === 'ENOENT') return { ...empty, problems };
      // Unreadable (no permission, a folder where the file should be): never a reason to fail sign-in or sign
      // the person out. Say what and where, move it aside if possible, and carry on with a fresh list.
      return { ...empty, problems: [await this.setAsideUnreadable(err)] };
    }
    const contents: OutboxContents = { intents: [], ids: new Map(), setAside: [] };
    let damaged = 0;
    const lines = text.split('\n');
    // Every line the outbox writes ends in a newline: only the one after the last is legitimately empty.
    if (lines.at(-1) === '') lines.pop();
    for (const raw of lines) {
      const record = readLine(raw);
      if (!record) damaged++;
      else if (record.type === 'intent') contents.intents.push(record.intent);
      else if (record.type === 'id') contents.ids.set(record.local, record.id);
      else contents.setAside.push(record.item);
    }
    if (damaged === 0) return { ...contents, problems, unsaved: null };
    return { ...contents, ...(await this.setAsideDamaged(text, damaged, contents)) };
  }

  async save(contents: OutboxContents): Promise<void> {
    const records: OutboxRecord[] = [
      ...[...contents.ids].map(([local, id]) => ({ type: 'id' as const, local, id })),
      ...contents.intents.map((intent) => ({ type: 'intent' as const, intent })),
      ...contents.setAside.map((item) => ({ type: 'setAside' as const, item })),
    ];
    const text = records.map((r) => `${lineOf(r)}\n`).join('');
    // The damaged lines leave the file only once a copy of the original holds them.
    if (this.damaged) await this.keepDamaged(this.damaged);
    // In call order: an older snapshot never lands after a newer, acknowledged one.
    await writeInOrder(this.file, text);
  }

  /**
   * Keeps the damaged original as a copy, then writes the intact lines back on their own. Acknowledged lines are
   * never moved out of the way: if either write fails (a full disk) the file stays as it was, every line in it,
   * memory carries on with the intact ones, and the next save that works does both.
   */
  private async setAsideDamaged(
    text: string,
    count: number,
    contents: OutboxContents,
  ): Promise<Pick<LoadedOutbox, 'problems' | 'unsaved'>> {
    this.damaged = { text, copy: damagedCopyOf(this.file, text) };
    const copy = basename(this.damaged.copy);
    const lines = count === 1 ? '1 damaged line' : `${count} damaged lines`;
    try {
      await this.save(contents);
    } catch (err) {
      if (!(err instanceof DiskError)) throw err;
      const problem = `${lines} in the list of unsent changes could not be read. ${err.message} Every intact change is kept and waits to be sent; the damaged ${count === 1 ? 'line' : 'lines'} will be set aside once Sheaf can save again.`;
      return { problems: [problem], unsaved: err };
    }
    const problem = `${lines} in the list of unsent changes could not be read and ${count === 1 ? 'was' : 'were'} set aside (${copy}). Every intact change was kept.`;
    return { problems: [problem], unsaved: null };
  }

  private keepDamaged(damaged: Damaged): Promise<void> {
    this.copying ??= writeInOrder(damaged.copy, damaged.text)
      .then(() => {
        if (this.damaged === damaged) this.damaged = null;
      })
      .finally(() => (this.copying = null));
    return this.copying;
  }

  /**
   * Nothing in an unreadable file can be copied, and the next save would replace it: moving it aside (a rename
   * needs no room on the disk) is the one way to keep it for a human while new changes are saved.
   */
  private async setAsideUnreadable(err: unknown): Promise<string> {
    const where = shownFolder(dirname(this.file));
    const why = errnoOf(err) === 'EISDIR' ? 'a folder is where the file should be' : (err as Error).message;
    const copy = `${this.file}.damaged-${Date.now()}`;
    const moved = await disk()
      .rename(this.file, copy)
      .then(() => true)
      .catch(() => false);
    return moved
      ? `Sheaf couldn't read its list of unsent changes in ${where} (${why}); it was set aside as ${basename(copy)} and Sheaf carries on with a new one.`
      : `Sheaf couldn't read its list of unsent changes in ${where} (${why}), nor move it aside. New changes can't be saved there until it is fixed.`;
  }

  /** A temp file left by a crash mid-write was never acknowledged (the rename never happened): drop it. */
  private async removeHalfWritten(): Promise<void> {
    const dir = dirname(this.file);
    const prefix = `${basename(this.file)}.`;
    let names: string[];
    try {
      names = await disk().list(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(prefix) && /^[0-9a-f]+$/i.test(name.slice(prefix.length))) {
        await disk()
          .remove(join(dir, name))
          .catch(() => undefined);
      }
    }
  }
}
