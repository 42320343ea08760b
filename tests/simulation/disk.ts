// Owns the simulation's disk: files in memory that survive a crash only once their write has finished (an
// atomic write is temp file, fsync, rename, so it lands whole or not at all), each call taking virtual time so
// a crash can fall between any two of them, and phases where writes fail (ENOSPC, EACCES, EROFS).
import { dirname, join } from 'node:path';
import type { Disk } from '../../electron/main/core/storage/disk';

const messages: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
};

function errno(code: string, syscall: string, file: string): Error {
  return Object.assign(new Error(`${code}: ${messages[code] ?? 'failed'}, ${syscall} '${file}'`), {
    code,
    syscall,
    path: file,
  });
}

const never = () => new Promise<never>(() => {});

/** What is on the platters: what survives a crash, and whether writes fail right now. */
export class Platters {
  readonly files = new Map<string, string>();
  /** The errno writes fail with now, or null. */
  failing: string | null = null;
  writes = 0;
}

/** One process's view of the disk: once that process is gone, nothing it asked for happens or answers. */
export class SimulatedDisk implements Disk {
  private down = false;

  constructor(
    private readonly platters: Platters,
    private readonly latencyMs: () => number,
  ) {}

  /** The process died: calls it made that haven't finished never will. */
  crash(): void {
    this.down = true;
  }

  /** Waits the call's time; a crash in between means it never happened. */
  private async take(what: string): Promise<void> {
    if (process.env.SIM_DEBUG === '2') console.log(`  disk ${what}${this.down ? ' (process gone)' : ''}`);
    if (this.down) return never();
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs()));
    if (this.down) return never();
  }

  private refuse(syscall: string, file: string): void {
    if (this.platters.failing) throw errno(this.platters.failing, syscall, file);
  }

  async read(file: string): Promise<string> {
    await this.take(`read ${file}`);
    const text = this.platters.files.get(file);
    if (text === undefined) throw errno('ENOENT', 'open', file);
    return text;
  }

  async writeAtomic(file: string, text: string): Promise<void> {
    await this.take(`write ${file}`);
    this.refuse('open', file);
    this.platters.files.set(file, text);
    this.platters.writes++;
  }

  async rename(from: string, to: string): Promise<void> {
    await this.take(`rename ${from} ${to}`);
    // A full disk still renames (no new blocks); a folder Sheaf may not write to doesn't.
    if (this.platters.failing !== 'ENOSPC') this.refuse('rename', to);
    const text = this.platters.files.get(from);
    if (text === undefined) throw errno('ENOENT', 'rename', from);
    this.platters.files.delete(from);
    this.platters.files.set(to, text);
  }

  async list(dir: string): Promise<string[]> {
    await this.take(`list ${dir}`);
    const inside = [...this.platters.files.keys()].filter((f) => f.startsWith(join(dir, '/')));
    if (inside.length === 0) throw errno('ENOENT', 'scandir', dir);
    return inside
      .filter((f) => dirname(f) === dir)
      .map((f) => f.slice(dir.length + 1))
      .sort();
  }

  async remove(file: string): Promise<void> {
    await this.take(`remove ${file}`);
    if (!this.platters.files.delete(file)) throw errno('ENOENT', 'unlink', file);
  }
}
