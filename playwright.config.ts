// Owns how the browser end-to-end suite runs: the preview host in Debian's Chromium, one worker, no retries.
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

/** Two cores shared with the app, the sandbox and the browser: one test at a time, and a flake must show. */
export const oneAtATime = {
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
} satisfies PlaywrightTestConfig;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  ...oneAtATime,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    // The Electron popover's size, so layouts are judged as people will see them.
    viewport: { width: 360, height: 600 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
