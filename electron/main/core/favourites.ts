// Owns the person's pinned project/task pairs: kept in a small JSON file in their account folder (in memory
// only for the demo), in the order they were pinned.
import { z } from 'zod';
import type { AssignmentRef } from '../../../shared/state';
import { readJson, writeJson } from './local-store';

const FavouritesFile = z.object({
  pairs: z.array(z.object({ projectId: z.number().int(), taskId: z.number().int() })),
});

const same = (a: AssignmentRef, b: AssignmentRef) => a.projectId === b.projectId && a.taskId === b.taskId;

export class Favourites {
  private pairs: AssignmentRef[] = [];
  private file: string | null = null;

  /** Switches to another account's pins; returns a problem to tell the person, if the file was damaged. */
  async open(file: string | null): Promise<string | null> {
    this.file = file;
    this.pairs = [];
    if (!file) return null;
    const read = await readJson(file, FavouritesFile, 'list of pinned projects');
    this.pairs = read.value?.pairs ?? [];
    return read.problem;
  }

  close(): void {
    this.file = null;
    this.pairs = [];
  }

  list(): AssignmentRef[] {
    return this.pairs;
  }

  async pin(pair: AssignmentRef): Promise<void> {
    if (this.pairs.some((p) => same(p, pair))) return;
    this.pairs = [...this.pairs, { projectId: pair.projectId, taskId: pair.taskId }];
    await this.save();
  }

  async unpin(pair: AssignmentRef): Promise<void> {
    this.pairs = this.pairs.filter((p) => !same(p, pair));
    await this.save();
  }

  private async save(): Promise<void> {
    if (this.file) await writeJson(this.file, { pairs: this.pairs });
  }
}
