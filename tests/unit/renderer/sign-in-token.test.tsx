// @vitest-environment jsdom
// The typed token stays inside its password field: never in a value attribute or anywhere in the page's HTML, and
// gone from the field once sent.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { signedOut } from './fake-sheaf';
import { renderApp } from './render-app';

const token = 'pat-0123456789-secret-token';

afterEach(() => {
  cleanup();
  delete window.sheaf;
});

/** Every place the page's markup could carry the token: each element's value attribute and the whole document. */
function expectNoTokenInMarkup() {
  const withValue = [...document.querySelectorAll('[value]')].map((el) => el.getAttribute('value'));
  expect(withValue.filter((value) => value?.includes(token))).toEqual([]);
  expect(screen.getByLabelText('Personal access token')).not.toHaveAttribute('value');
  expect(document.documentElement.outerHTML).not.toContain(token);
}

describe('the sign-in token', () => {
  it('is never written into the page markup while typed', async () => {
    await renderApp(signedOut());
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Personal access token'), token);
    expect(screen.getByLabelText('Personal access token')).toHaveValue(token);
    expectNoTokenInMarkup();
  });

  it('stays out of the markup when the form is refused, and in the field to fix the rest', async () => {
    const fake = await renderApp(signedOut());
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Personal access token'), token);
    await user.type(screen.getByRole('textbox', { name: 'Account ID' }), 'acme');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The Account ID is a number');
    expect(fake.callsTo('signIn')).toEqual([]);
    expect(screen.getByLabelText('Personal access token')).toHaveValue(token);
    expectNoTokenInMarkup();
  });

  it('is sent once on submit and then cleared from the field', async () => {
    const fake = await renderApp(signedOut());
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Personal access token'), ` ${token} `);
    await user.type(screen.getByRole('textbox', { name: 'Account ID' }), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(fake.callsTo('signIn')).toEqual([{ token, accountId: '123456' }]);
    expect(screen.getByLabelText('Personal access token')).toHaveValue('');
    expectNoTokenInMarkup();
  });

  it('is cleared after a sign-in Harvest refuses, so the alert sits next to an empty field', async () => {
    const fake = await renderApp(signedOut());
    fake.answers.signIn = {
      ok: false,
      error: {
        code: 'unauthorized',
        message: 'Harvest did not accept that token. Create a new one and try again.',
      },
    };
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Personal access token'), token);
    await user.type(screen.getByRole('textbox', { name: 'Account ID' }), '42');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Harvest did not accept that token');
    expect(screen.getByLabelText('Personal access token')).toHaveValue('');
    expectNoTokenInMarkup();
  });
});
