import { defineConfig } from '@playwright/test';
import { CHROMIUM_HALL_FLAGS } from './electron/cli/chromium-flags.js';

/** Debian's Chromium: Playwright's own browser download does not work on our machines. */
export const CHROMIUM = process.env.HALLCAST_CHROMIUM ?? '/usr/bin/chromium';
/** The kiosk's flags, plus SwiftShader for WebGL on machines without a GPU. */
export const CHROMIUM_ARGS = [...CHROMIUM_HALL_FLAGS, '--enable-unsafe-swiftshader'];

export default defineConfig({
  testDir: 'e2e',
  // The specs read the display's test hooks (window.__hallcast): only the test build has them.
  globalSetup: './e2e/test-build.ts',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // Two cores: one browser and one player at a time keep timings honest.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1920, height: 1080 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
