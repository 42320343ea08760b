// Pins through a core signed in to the sandbox: only the person's assignments, and a damaged pins file
// restored from its backup with a notice that says so.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandHandlers } from '../../shared/ipc';
import type { AssignmentOption } from '../../shared/state';
import { accountDir } from '../../electron/main/core/storage/local-store';
import { dispatch } from '../../electron/main/dispatch';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const handlers = (): CommandHandlers => ({ ...h.app.commands, openHarvest: () => {}, hidePopover: () => {} });
const options = () => h.app.commands.listAssignments(undefined) as AssignmentOption[];

describe('pinAssignment', () => {
  it("answers a validation error for a pair that isn't the person's, and pins nothing", async () => {
    h = await signedInApp();
    const known = new Set(options().map((o) => `${o.projectId}/${o.taskId}`));
    // A real project with a real task of another project: both ids exist, the pair isn't assigned.
    const mixed = options()
      .flatMap((a) => options().map((b) => ({ projectId: a.projectId, taskId: b.taskId })))
      .find((p) => !known.has(`${p.projectId}/${p.taskId}`));
    expect(mixed).toBeDefined();
    for (const pair of [mixed!, { projectId: 424242, taskId: 1 }]) {
      expect(await dispatch(handlers(), 'pinAssignment', pair)).toEqual({
        ok: false,
        error: {
          code: 'validation',
          message: "That project and task aren't among your Harvest assignments, so they can't be pinned.",
        },
      });
    }
    expect(h.app.getState().favourites).toEqual([]);
  });

  it('restores pins from the backup when the pins file is damaged, and tells the person how', async () => {
    h = await signedInApp();
    const [a, b] = options();
    await h.app.commands.pinAssignment({ projectId: a!.projectId, taskId: a!.taskId });
    await h.app.commands.pinAssignment({ projectId: b!.projectId, taskId: b!.taskId });
    const user = h.app.getState().session as { user: { id: number } };
    writeFileSync(join(accountDir(h.dataDir, h.sandbox.accountId, user.user.id), 'favourites.json'), '{');

    const app = await h.restart();
    expect(app.getState().favourites).toEqual([
      { projectId: a!.projectId, taskId: a!.taskId },
      { projectId: b!.projectId, taskId: b!.taskId },
    ]);
    const notice = app.getState().notices.find((n) => n.includes('pinned projects'));
    expect(notice).toMatch(/restored your 2 pins from the backup/);
    expect(notice).not.toMatch(/Harvest/);
  });
});
