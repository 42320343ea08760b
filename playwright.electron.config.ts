// Owns how the Electron end-to-end spec runs: the built app under Playwright's _electron, one worker, no retries.
import { defineConfig } from '@playwright/test';
import { oneAtATime } from './playwright.config';

export default defineConfig({
  testDir: 'tests/e2e-electron',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/e2e-electron',
  ...oneAtATime,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
