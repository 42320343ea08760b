// Tests linking time to the work it is for, against the sandbox: a timer started from an issue's address carries
// Harvest's external_reference, "Remove link" deletes it, an address that names no work stays in the notes, and
// a pasted address suggests the project and task last used with its repository.
import { describe, expect, it } from 'vitest';
import { commands } from '../../shared/ipc';
import { offlineHelpers } from '../fixtures/offline-app';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
const { pick, harvest } = offlineHelpers(() => h);

const issue = 'https://github.com/acme/site/issues/12';

async function startFrom(workAddress: string, notes: string, i = 0) {
  const o = pick(i);
  await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes, workAddress });
  await h.app.whenSynced();
}

describe('starting from the work', () => {
  it('starts a timer linked to a GitHub issue: Harvest has the reference and the row shows it', async () => {
    h = await signedInApp();
    await startFrom(issue, 'fix the header');
    expect(harvest('fix the header')[0]!.external_reference).toMatchObject({
      id: 'acme/site#12',
      group_id: 'acme/site',
      permalink: issue,
    });
    expect(h.app.getState().running!.reference).toEqual({
      id: 'acme/site#12',
      groupId: 'acme/site',
      permalink: issue,
      service: 'GitHub',
    });
  });

  it('keeps an address that names no work in the notes, linking nothing', async () => {
    h = await signedInApp();
    await startFrom('https://example.com/plan', 'read the plan');
    const [made] = harvest('read the plan https://example.com/plan');
    expect(made?.external_reference ?? null).toBeNull();
  });

  it('removes a link with "Remove link" and sets another by its address', async () => {
    h = await signedInApp();
    await startFrom(issue, 'linked');
    const id = h.app.getState().running!.id;
    await h.app.commands.editEntry({ entryId: id, changes: { workAddress: null } });
    expect(h.app.getState().running!.reference).toBeNull();
    await h.app.whenSynced();
    expect(harvest('linked')[0]!.external_reference ?? null).toBeNull();
    const ticket = 'https://acme.atlassian.net/browse/PROJ-123';
    await h.app.commands.editEntry({ entryId: id, changes: { workAddress: ticket } });
    await h.app.whenSynced();
    expect(harvest('linked')[0]!.external_reference).toMatchObject({ id: 'PROJ-123', group_id: 'PROJ' });
    await expect(
      h.app.commands.editEntry({ entryId: id, changes: { workAddress: 'https://example.com/x' } }),
    ).rejects.toThrow(/isn't a GitHub/);
  });

  it('suggests the project and task last used with the same repository, and nothing for unknown work', async () => {
    h = await signedInApp();
    await startFrom(issue, 'first', 1);
    const other = pick(1);
    const linked = h.app.commands.linkedWork({ workAddress: 'https://github.com/acme/site/pull/40' });
    expect(linked).toMatchObject({
      link: { id: 'acme/site#40', groupId: 'acme/site' },
      suggestion: { projectId: other.projectId, taskId: other.taskId },
    });
    expect(
      h.app.commands.linkedWork({ workAddress: 'https://github.com/acme/other/issues/1' }),
    ).toMatchObject({
      suggestion: null,
    });
    expect(h.app.commands.linkedWork({ workAddress: 'https://example.com/' })).toBeNull();
  });

  it('opens a linked entry’s work in the browser, and only an https address', async () => {
    const opened: string[] = [];
    h = await signedInApp({ app: { openUrl: (url) => void opened.push(url) } });
    await h.app.commands.openWorkLink({ url: issue });
    expect(opened).toEqual([issue]);
    for (const url of ['javascript:alert(1)', 'http://github.com/acme/site/issues/12', 'file:///etc/passwd'])
      expect(commands.openWorkLink.input.safeParse({ url }).success, url).toBe(false);
  });

  it('restarting an older linked entry keeps its link on the new entry', async () => {
    h = await signedInApp();
    await startFrom(issue, 'yesterday');
    h.clock.advanceMinutes(30);
    await h.app.commands.stopTimer(undefined);
    await h.app.whenSynced();
    const id = h.app.getState().day.entries[0]!.id;
    h.clock.advanceMinutes(24 * 60);
    await h.app.commands.refresh(undefined);
    await h.app.commands.restartEntry({ entryId: id });
    await h.app.whenSynced();
    expect(harvest('yesterday').map((e) => e.external_reference?.id)).toEqual([
      'acme/site#12',
      'acme/site#12',
    ]);
  });
});
