// Pictures of the popover's screens, light and dark, for people to look at (test-results/screenshots/). The
// README's docs/popover.png is running.png (light) from here, at the popover's real 360×600, copied by hand when
// the popover's look changes (a test run never rewrites a tracked file).
import { expect, pick, signIn, test } from './fixtures';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

for (const scheme of ['light', 'dark'] as const) {
  const suffix = scheme === 'dark' ? '-dark' : '';

  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test('signed out, running, today', async ({ page, preview }) => {
      // The page's clock is the fixture's, so the running timer can be shown some minutes in, not at 0:00:00.
      await page.goto(preview.host.url);
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await page.screenshot(shot(`signed-out${suffix}`));

      await signIn(page, preview);
      await expect(
        page.getByRole('list', { name: "Today's entries" }).getByRole('listitem').first(),
      ).toBeVisible();
      await page.screenshot(shot(`today${suffix}`));

      await pick(page, 'patient dev', 'Umbrella Health — Patient Portal — Development');
      await page.getByRole('textbox', { name: 'Notes' }).fill('Appointment booking flow');
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
      // Paused at a fixed distance from when Harvest started the timer, so a busy machine can't add seconds.
      await expect
        .poll(() => preview.sandbox.admin.entries().find((e) => e.is_running)?.timer_started_at)
        .toBeTruthy();
      const started = Date.parse(
        preview.sandbox.admin.entries().find((e) => e.is_running)!.timer_started_at!,
      );
      await page.clock.pauseAt(started + (47 * 60 + 12) * 1000);
      await expect(page.getByLabel('Elapsed time')).toHaveText(/^0:47:1\d$/);
      await page.screenshot(shot(`running${suffix}`));
    });
  });
}
