// @vitest-environment jsdom
// The typed token stays inside its password field: never in a value attribute or anywhere in the page's HTML, and
// gone from the field once signed in (kept there, to fix or paste over, when the sign-in fails).
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

/** Types the token (as given) and an account id into the form, then presses Sign in. */
async function signInWith(typed: string, accountId: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Personal access token'), typed);
  await user.type(screen.getByRole('textbox', { name: 'Account ID' }), accountId);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the sign-in token', () => {
  it('is never written into the page markup while typed', async () => {
    await renderApp(signedOut());
    await userEvent.setup().type(screen.getByLabelText('Personal access token'), token);
    expect(screen.getByLabelText('Personal access token')).toHaveValue(token);
    expectNoTokenInMarkup();
  });

  it('stays out of the markup when the form is refused, and in the field to fix the rest', async () => {
    const fake = await renderApp(signedOut());
    await signInWith(token, 'acme');
    expect(screen.getByRole('alert')).toHaveTextContent('The Account ID is a number');
    expect(fake.callsTo('signIn')).toEqual([]);
    expect(screen.getByLabelText('Personal access token')).toHaveValue(token);
    expectNoTokenInMarkup();
  });

  it('is sent once on submit and cleared from the field once signed in', async () => {
    const fake = await renderApp(signedOut());
    await signInWith(` ${token} `, '123456');
    expect(fake.callsTo('signIn')).toEqual([{ token, accountId: '123456' }]);
    expect(screen.getByLabelText('Personal access token')).toHaveValue('');
    expectNoTokenInMarkup();
  });

  it('survives a failed sign-in, selected to fix or paste over, and still out of the markup', async () => {
    const fake = await renderApp(signedOut());
    const refusal = "Can't reach Harvest. Check your connection.";
    fake.answers.signIn = { ok: false, error: { code: 'network', message: refusal } };
    await signInWith(token, '42');
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    expect(screen.getByRole('alert')).not.toHaveTextContent(/kept/);
    const field = screen.getByLabelText<HTMLInputElement>('Personal access token');
    expect(field).toHaveValue(token);
    expect(field).toHaveFocus();
    expectNoTokenInMarkup();
  });
});
