import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { settings } from './src/settings.ts';

// Debian's Chromium where it is installed (CI, this machine); Playwright's own browser elsewhere.
const debianChromium = '/usr/bin/chromium';
const executablePath = existsSync(debianChromium) ? debianChromium : undefined;
const port = settings.port;
// A site built under a base path (npm run test:base) is served and tested under it (tests/e2e/base-path.ts).
const base = settings.base;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // On CI, a test that fails is run once more: two CI runs in a row each lost one long walk over every page to a
  // timeout on a busy machine (compare from the oldest release, the phone walk). A real fault fails both tries.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}${base === '/' ? '' : base}`,
    // A trace records the page at every step, which cost about an eighth of the gates' time (the axe runs of
    // every kind of page, on 2 cores: 248 s without traces against 279 s). On CI a failing test runs once more
    // and that second try is traced, so a real fault still comes with its trace; elsewhere a failure keeps its own.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Keep the browser from reaching out on its own: the tests assert that pages make no outside requests.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // Tests run against the built site (npm run build), served as it would be in production
  // (scripts/serve.ts: trailing-slash redirects and the site's 404 page, as docs/deploying.md asks of a host).
  webServer: {
    command: `npm run preview -- --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
