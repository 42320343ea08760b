// Owns the person's pinned project/task pairs: kept in a small JSON file in their account folder (in memory
// only for the demo), in the order they were pinned, with a backup beside it since nothing else has a copy.
import { z } from 'zod';
import type { AssignmentOption, AssignmentRef } from '../../../../shared/state';
import { findOption } from '../timesheet/assignments';
import { NotAllowedError } from '../base/errors';
import { refusedFor } from '../storage/not-saved';
import { readJson, writeJson } from '../storage/local-store';

/** A pick list, not a second copy of the assignments: past this many pins they stop helping anyone pick. */
export const maxPins = 50;

const FavouritesFile = z.object({
  pairs: z.array(z.object({ projectId: z.number().int(), taskId: z.number().int() })),
});

const same = (a: AssignmentRef, b: AssignmentRef) => a.projectId === b.projectId && a.taskId === b.taskId;

/** Written after each good save; read only when the pins file itself is damaged or unreadable. */
export const backupOf = (file: string) => `${file}.bak`;

export class Favourites {
  private pairs: AssignmentRef[] = [];
  private file: string | null = null;
  /** Pins and unpins run one at a time, each from the list the one before saved. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Switches to another account's pins; returns a problem to tell the person, if the file was damaged. */
  async open(file: string | null): Promise<string | null> {
    this.file = file;
    this.pairs = [];
    if (!file) return null;
    const read = await readJson(file, FavouritesFile, 'list of pinned projects');
    if (this.file !== file) return null;
    if (!read.problem) {
      this.pairs = read.value?.pairs ?? [];
      return null;
    }
    // Pins live only on this computer: Harvest can't rebuild them, so the backup is the only other copy.
    const backup = await readJson(backupOf(file), FavouritesFile, 'backup of your pins');
    if (this.file !== file) return null;
    const what = "Sheaf couldn't read its list of pinned projects (a damaged file is set aside next to it)";
    if (!backup.value) {
      return `${what}, and has no good backup of it. Pins are kept only on this computer: pin your projects again.`;
    }
    this.pairs = backup.value.pairs;
    await writeJson(file, { pairs: this.pairs }).catch(() => undefined);
    const count = this.pairs.length === 1 ? '1 pin' : `${this.pairs.length} pins`;
    return `${what}, so it restored your ${count} from the backup it keeps after each change.`;
  }

  close(): void {
    this.file = null;
    this.pairs = [];
  }

  list(): AssignmentRef[] {
    return this.pairs;
  }

  /** Pins one of the person's assignments (`options`), saved before it is shown. */
  pin(pair: AssignmentRef, options: readonly AssignmentOption[]): Promise<void> {
    return this.change((pairs) => {
      if (pairs.some((p) => same(p, pair))) return null;
      if (!findOption(options, pair.projectId, pair.taskId)) {
        throw new NotAllowedError(
          "That project and task aren't among your Harvest assignments, so they can't be pinned.",
        );
      }
      if (pairs.length >= maxPins) {
        throw new NotAllowedError(`You can pin up to ${maxPins} projects and tasks. Unpin one first.`);
      }
      return [...pairs, { projectId: pair.projectId, taskId: pair.taskId }];
    });
  }

  /** Any pin may go, even one whose assignment Harvest has since taken away. */
  unpin(pair: AssignmentRef): Promise<void> {
    return this.change((pairs) =>
      pairs.some((p) => same(p, pair)) ? pairs.filter((p) => !same(p, pair)) : null,
    );
  }

  /** Saves `next(pairs)` (null: nothing to change), then shows it; a failed save leaves the list as it was. */
  private change(next: (pairs: AssignmentRef[]) => AssignmentRef[] | null): Promise<void> {
    const run = this.queue.then(async () => {
      const file = this.file;
      const pairs = next(this.pairs);
      if (!pairs) return;
      if (file) {
        try {
          await writeJson(file, { pairs });
        } catch (err) {
          // "Sheaf can't save to ~/…: the disk is full. Your pins weren't changed."
          throw refusedFor(err, "Your pins weren't changed.");
        }
        // The main file is saved; a backup that fails now is written again after the next change.
        await writeJson(backupOf(file), { pairs }).catch(() => undefined);
      }
      // Another account may have been opened meanwhile: its list is not this one's.
      if (this.file === file) this.pairs = pairs;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
