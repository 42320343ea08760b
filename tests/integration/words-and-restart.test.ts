// Starting by words and restarting the last entry, decided in core against the sandbox Harvest: the words name one
// pair, several or none; a restart sent while the popover's start is still being saved is refused, never stops it.
import { afterEach, describe, expect, it } from 'vitest';
import { assignmentLabel } from '../../shared/labels';
import type { AssignmentOption } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const options = () => h.app.commands.listAssignments(undefined) as AssignmentOption[];
const named = (taskName: string) => options().find((o) => o.taskName === taskName)!;
const runningLabel = () => {
  const running = h.app.getState().running;
  return running ? assignmentLabel(running) : null;
};

async function workedOn(option: AssignmentOption): Promise<void> {
  await h.app.commands.startTimer({ projectId: option.projectId, taskId: option.taskId });
  await h.app.commands.stopTimer(undefined);
  await h.app.whenSynced();
}

describe('starting by words', () => {
  it('starts the one pair the words name, with the notes, and answers its label', async () => {
    h = await signedInApp();
    const answer = await h.app.commands.startByWords({ words: 'website dev', notes: 'Hero' });
    expect(answer).toEqual({ kind: 'started', label: 'Acme Corp — Website Redesign — Development' });
    expect(h.app.getState().running).toMatchObject({ taskName: 'Development', notes: 'Hero' });
  });

  it('starts nothing for words naming several pairs, and answers their labels', async () => {
    h = await signedInApp();
    expect(await h.app.commands.startByWords({ words: 'website' })).toEqual({
      kind: 'several',
      candidates: [
        'Acme Corp — Website Redesign — Design',
        'Acme Corp — Website Redesign — Development',
        'Acme Corp — Website Redesign — Meetings',
        'Acme Corp — Website Redesign — Project Management',
      ],
    });
    expect(await h.app.commands.startByWords({ words: 'zeppelin' })).toEqual({ kind: 'none' });
    expect(h.app.getState().running).toBeNull();
  });

  it('says to sign in first when signed out, not that nothing matched', async () => {
    h = await signedInApp({ signIn: false });
    await expect(h.app.commands.startByWords({ words: 'website dev' })).rejects.toThrow(
      'Sign in to Harvest first.',
    );
  });
});

describe('restarting the last entry', () => {
  it('restarts the entry worked on last and answers its label', async () => {
    h = await signedInApp();
    await workedOn(named('Design'));
    expect(await h.app.commands.restartLast(undefined)).toEqual({ label: assignmentLabel(named('Design')) });
    expect(runningLabel()).toBe(assignmentLabel(named('Design')));
  });

  it('is refused while a timer runs, and stops nothing', async () => {
    h = await signedInApp();
    await h.app.commands.startByWords({ words: 'website dev' });
    await expect(h.app.commands.restartLast(undefined)).rejects.toThrow(
      'A timer is already running: Acme Corp — Website Redesign — Development. Stop it first.',
    );
    expect(runningLabel()).toBe('Acme Corp — Website Redesign — Development');
  });

  it('is refused when the popover started a timer first, even one still being saved', async () => {
    h = await signedInApp();
    await workedOn(named('Design'));
    const development = named('Development');
    // The popover's Start is sent, then the script's restart, before the start has reached the disk: a look at
    // the state and then toggleTimer would see nothing running, and stop the popover's timer for Design.
    const popover = h.app.commands.startTimer({
      projectId: development.projectId,
      taskId: development.taskId,
    });
    const script = h.app.commands.restartLast(undefined);
    await expect(popover).resolves.toBeUndefined();
    await expect(script).rejects.toThrow(`A timer is already running: ${assignmentLabel(development)}.`);
    await h.app.whenSynced();
    expect(runningLabel()).toBe(assignmentLabel(development));
    const runningInHarvest = h.sandbox.admin.entries().filter((e) => e.is_running);
    expect(runningInHarvest.map((e) => e.task.name)).toEqual(['Development']);
  });

  it('lets the popover’s start win when the restart came first: both are saved, in the order sent', async () => {
    h = await signedInApp();
    await workedOn(named('Design'));
    const development = named('Development');
    const script = h.app.commands.restartLast(undefined);
    const popover = h.app.commands.startTimer({
      projectId: development.projectId,
      taskId: development.taskId,
    });
    await expect(script).resolves.toEqual({ label: assignmentLabel(named('Design')) });
    await expect(popover).resolves.toBeUndefined();
    await h.app.whenSynced();
    expect(runningLabel()).toBe(assignmentLabel(development));
  });
});
