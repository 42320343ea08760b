// Owns how the Electron end-to-end spec runs: the built app under Playwright's _electron, one worker, no retries.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e-electron',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/e2e-electron',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
