// Signing in and out of the popover, as a person does it, against the sandbox Harvest.
import { expect, signIn, test } from './fixtures';

test('signs in with a token and account id, then signs out back to the form', async ({ page, preview }) => {
  await signIn(page, preview);
  await expect(page.getByRole('form', { name: 'Start a timer' })).toBeVisible();
  await expect(page.getByText('Demo', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Personal access token')).toBeVisible();
  await expect(page.getByLabel('Personal access token')).toHaveAttribute('type', 'password');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a wrong token is refused with an alert saying what to do', async ({ page, preview }) => {
  await page.goto(preview.host.url);
  await page.getByLabel('Personal access token').fill('not-the-right-token-at-all');
  await page.getByRole('textbox', { name: 'Account ID' }).fill(preview.sandbox.accountId);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/token/i);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  // The token never comes back to the page, not even in the error, nor in any attribute of its markup.
  await expect(page.locator('body')).not.toContainText('not-the-right-token-at-all');
  expect(await page.content()).not.toContain('not-the-right-token-at-all');
  // Yet it survives in its field (a property, not markup), focused, to fix or paste over.
  const field = page.getByLabel('Personal access token');
  await expect(field).toHaveValue('not-the-right-token-at-all');
  await expect(field).toBeFocused();
});

test('"Try the demo" signs in to the built-in sandbox with a Demo badge', async ({ page, preview }) => {
  await page.goto(preview.host.url);
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByText('Demo', { exact: true })).toBeVisible();
  // The demo signs in to two accounts, so the header names the account shown in its switcher.
  await expect(page.getByRole('button', { name: /Sheaf Demo Co/ })).toHaveAttribute('aria-haspopup', 'menu');
  // The demo is its own server: the sandbox this test configured saw nothing.
  expect(preview.sandbox.requestLog).toHaveLength(0);
});

test("the sign-in screen links to Harvest's token page", async ({ page, preview }) => {
  await page.goto(preview.host.url);
  await expect(page.getByRole('link', { name: 'Create a token in Harvest' })).toHaveAttribute(
    'href',
    'https://id.getharvest.com/developers',
  );
});

test('Escape asks to hide the popover without breaking the page', async ({ page, preview }) => {
  await signIn(page, preview);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
