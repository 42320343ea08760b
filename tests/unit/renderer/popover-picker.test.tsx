// @vitest-environment jsdom
// Tests the popover's project and task picker as a person meets it: matching typed words, keyboard and mouse,
// Escape, and assignments fetched again when they change or failed to load.
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { assignment, signedIn } from './fake-sheaf';
import { assignments, cleanUpPopover, renderPopover } from './popover-setup';
import { renderApp } from './render-app';

afterEach(cleanUpPopover);

describe('picker', () => {
  it('matches every typed word across client, project, code and task, grouped by client', async () => {
    const user = userEvent.setup();
    await renderPopover(signedIn());
    const combobox = screen.getByRole('combobox', { name: 'Project and task' });
    expect(combobox).toHaveAttribute('aria-expanded', 'false');

    await user.type(combobox, 'design');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox');
    expect(combobox).toHaveAttribute('aria-controls', listbox.id);
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label')),
    ).toEqual(['Acme — Website — Design', 'Globex — Mobile app — Design']);
    // Client headings between them (presentational: each option's name already says its client).
    expect(listbox).toHaveTextContent(/Acme.*Globex/);

    await user.clear(combobox);
    await user.type(combobox, 'acm-1 DEV');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label')),
    ).toEqual(['Acme — Website — Development']);

    await user.clear(combobox);
    await user.type(combobox, 'globex nothing');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('No matching project or task')).toBeInTheDocument();
  });

  it('moves with the arrow keys and starts the highlighted option on Enter at once', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    const combobox = screen.getByRole('combobox', { name: 'Project and task' });
    await user.click(combobox);
    await user.keyboard('globex');

    // The best match is highlighted as soon as something is typed, so Enter alone would start it.
    const design = screen.getByRole('option', { name: 'Globex — Mobile app — Design' });
    expect(combobox).toHaveAttribute('aria-activedescendant', design.id);
    expect(design).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    const meetings = screen.getByRole('option', { name: 'Globex — Mobile app — Meetings' });
    expect(combobox).toHaveAttribute('aria-activedescendant', meetings.id);
    await user.keyboard('{ArrowUp}');
    expect(combobox).toHaveAttribute('aria-activedescendant', design.id);
    await user.keyboard('{ArrowDown}{Enter}');

    expect(fake.callsTo('startTimer')).toEqual([{ projectId: 22, taskId: 103 }]);
    expect(fake.callsTo('hidePopover')).toEqual([]);
    // A started timer clears the form for the next one.
    expect(combobox).toHaveValue('');
    expect(screen.queryByRole('textbox', { name: 'Notes' })).not.toBeInTheDocument();
  });

  it('takes the highlighted match on Tab, then Enter in Notes starts it with those notes', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    const combobox = screen.getByRole('combobox', { name: 'Project and task' });
    await user.click(combobox);
    await user.keyboard('globex{ArrowDown}{Tab}');
    expect(combobox).toHaveValue('Globex — Mobile app — Meetings');
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveFocus();
    await user.keyboard('Sprint planning{Enter}');
    expect(fake.callsTo('startTimer')).toEqual([{ projectId: 22, taskId: 103, notes: 'Sprint planning' }]);
    expect(combobox).toHaveFocus();
  });

  it('pins the chosen pair from the keyboard: Tab past Notes and Start to the star', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    await user.click(screen.getByRole('combobox', { name: 'Project and task' }));
    await user.keyboard('tps{Tab}{Tab}{Tab}');
    expect(screen.getByRole('button', { name: 'Pin to favourites' })).toHaveFocus();
    await user.keyboard(' ');
    expect(fake.callsTo('pinAssignment')).toEqual([{ projectId: 33, taskId: 102 }]);
  });

  it('chooses with the mouse, then starts with the Start button', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    // Nothing chosen, nothing to start: the form is the picker alone, a single row.
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Project and task' }), 'tps');
    await user.click(screen.getByRole('option', { name: 'Initech — TPS reports — Development' }));
    expect(screen.getByRole('combobox', { name: 'Project and task' })).toHaveValue(
      'Initech — TPS reports — Development',
    );
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(fake.callsTo('startTimer')).toEqual([{ projectId: 33, taskId: 102 }]);
  });

  it('uses Escape to close the list, then clear the query, and only then hides the popover', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    const combobox = screen.getByRole('combobox', { name: 'Project and task' });
    await user.type(combobox, 'acme');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');

    await user.keyboard('{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(combobox).toHaveValue('acme');
    await user.keyboard('{Escape}');
    expect(combobox).toHaveValue('');
    expect(fake.callsTo('hidePopover')).toEqual([]);
    await user.keyboard('{Escape}');
    expect(fake.callsTo('hidePopover')).toHaveLength(1);
  });

  it('fetches assignments again when their version changes', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    expect(fake.callsTo('listAssignments')).toHaveLength(1);

    fake.assignments = [assignment('Umbrella', 'Research', 'Lab work', { projectId: 44, taskId: 104 })];
    act(() => fake.push(signedIn({ assignmentsVersion: 2 })));
    await act(async () => {});
    expect(fake.callsTo('listAssignments')).toHaveLength(2);
    await user.type(screen.getByRole('combobox', { name: 'Project and task' }), 'lab');
    expect(screen.getByRole('option', { name: 'Umbrella — Research — Lab work' })).toBeInTheDocument();

    // Same version again: nothing to fetch.
    act(() => fake.push(signedIn({ assignmentsVersion: 2 })));
    await act(async () => {});
    expect(fake.callsTo('listAssignments')).toHaveLength(2);
  });
});

describe('assignments', () => {
  it('shows a failed fetch and tries again with the next snapshot', async () => {
    const user = userEvent.setup();
    const fake = await renderApp(signedIn(), assignments, (f) => {
      f.answers.listAssignments = {
        ok: false,
        error: { code: 'network', message: "Couldn't load your projects. Check your connection." },
      };
    });
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't load your projects");

    delete fake.answers.listAssignments;
    act(() => fake.push(signedIn()));
    await act(async () => {});
    expect(fake.callsTo('listAssignments')).toHaveLength(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Project and task' }), 'tps');
    expect(screen.getByRole('option', { name: 'Initech — TPS reports — Development' })).toBeInTheDocument();
  });
});

describe('the picker with nothing typed', () => {
  it('names the client in Recent, where no client heading does, and the full name on hover', async () => {
    const user = userEvent.setup();
    const [first] = assignments;
    await renderPopover(signedIn({ recent: [first!] }));
    await user.click(screen.getByRole('combobox', { name: 'Project and task' }));
    const recent = screen.getAllByRole('option')[0]!;
    expect(recent).toHaveTextContent(`${first!.clientName} · `);
    expect(recent).toHaveAttribute(
      'title',
      `${first!.clientName} — ${first!.projectName} — ${first!.taskName}`,
    );
  });
});
