// @vitest-environment jsdom
// The question after time away, in the popover: what it asks first, where focus goes, and what it says after.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type SettingsView } from '../../../shared/settings';
import type { AppState } from '../../../shared/state';
import { desktopState as desktop } from '../../fixtures/app-state';
import { assignment, signedIn, type FakeSheaf } from './fake-sheaf';
import { renderApp } from './render-app';

const question = {
  since: new Date(2026, 10, 25, 10, 42).toISOString(),
  minutes: 37,
  entryId: 5,
  projectName: 'Website',
  taskName: 'Design',
};
const acme = assignment('Acme', 'Acme', 'Design', { projectId: 7, taskId: 8 });

const settings: SettingsView = {
  settings: defaultSettings,
  shortcuts: { togglePopover: { state: 'ok', message: null }, toggleTimer: { state: 'ok', message: null } },
  launchAtLogin: { supported: true, message: null },
  notice: null,
};

const renderPopover = (state: AppState): Promise<FakeSheaf> =>
  renderApp(state, [acme], (fake) => {
    fake.answers.getSettings = { ok: true, value: settings };
  });
const away = (over: Partial<AppState> = {}) =>
  signedIn({ desktop: desktop({ idleQuestion: question }), ...over });
const back = () => signedIn({ desktop: desktop() });
const region = () => screen.getByRole('region', { name: 'You were away' });

afterEach(() => {
  cleanup();
  delete window.sheaf;
});

describe('the time-away question', () => {
  it('says when and how long, and leads with keep, discard, and discard and continue', async () => {
    await renderPopover(away());
    expect(region()).toHaveAccessibleDescription(
      'You were away since 10:42 (37 min) while Website — Design kept running.',
    );
    const answers = within(region())
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(answers).toEqual(['Keep the time', 'Discard it', 'Discard and continue', 'Something else…']);
  });

  it('takes focus when it appears', async () => {
    await renderPopover(away());
    expect(within(region()).getByRole('heading', { name: 'You were away' })).toHaveFocus();
  });

  it('sends each of the three answers people know', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(away());
    await user.click(within(region()).getByRole('button', { name: 'Keep the time' }));
    await user.click(within(region()).getByRole('button', { name: 'Discard it' }));
    await user.click(within(region()).getByRole('button', { name: 'Discard and continue' }));
    expect(fake.callsTo('answerIdle')).toEqual([
      { answer: 'keep' },
      { answer: 'discard' },
      { answer: 'discardAndContinue' },
    ]);
  });

  it('after an answer, hands focus back to the popover, never to the page body', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(away());
    await user.click(within(region()).getByRole('button', { name: 'Keep the time' }));
    await act(async () => fake.push(back()));
    expect(screen.queryByRole('region', { name: 'You were away' })).not.toBeInTheDocument();
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement).toBeInstanceOf(HTMLElement);
  });

  it('keeps the rarer answers behind "Something else…", naming the pair once one is picked', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(away());
    const more = within(region()).getByRole('button', { name: 'Something else…' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(within(region()).queryByRole('button', { name: /Add as its own entry/ })).not.toBeInTheDocument();

    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    expect(within(region()).getByRole('button', { name: 'Add as its own entry' })).toBeDisabled();
    expect(
      within(region()).getByRole('button', { name: 'Give it to something else and carry on' }),
    ).toBeDisabled();

    await user.type(
      within(region()).getByRole('combobox', { name: 'What were you doing while away?' }),
      'acme',
    );
    await user.keyboard('{Enter}');
    await user.click(within(region()).getByRole('button', { name: 'Give it to Acme — Design and carry on' }));
    expect(fake.callsTo('answerIdle')).toEqual([{ answer: 'giveToOther', projectId: 7, taskId: 8 }]);
  });

  it('confirms where time given away went, and puts focus on that note', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(away());
    await user.click(within(region()).getByRole('button', { name: 'Something else…' }));
    await user.type(
      within(region()).getByRole('combobox', { name: 'What were you doing while away?' }),
      'acme',
    );
    await user.keyboard('{Enter}');
    await user.click(within(region()).getByRole('button', { name: 'Give it to Acme — Design and carry on' }));
    await act(async () => fake.push(back()));
    const note = screen.getByText('37 min went to Acme — Design; Website — Design carries on.');
    expect(note).toHaveRole('status');
    expect(note).toHaveFocus();
  });
});
