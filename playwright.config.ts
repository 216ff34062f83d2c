import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium: `npx playwright install` cannot download browsers on our
// machines (only the npm and Debian registries are reachable). The flags keep
// Chromium from calling out to Google's hosts, which this network refuses.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // Tests that need PostgreSQL run in playwright.postgres.config.ts.
  testIgnore: '**/postgres/**',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Axe on a large page takes seconds on a busy 2-core machine; a slow machine should not read as a failing test.
  timeout: 60_000,
  use: {
    baseURL,
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production build, as users get it, on its own database file.
    // A fresh database per run: rate-limit windows are stored there too.
    command: 'rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm run build && npm run start',
    url: `${baseURL}/api/health`,
    // The build runs first; on a busy 2-core machine it can take several minutes.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // All tests share one client address (127.0.0.1, from the socket), and
    // funding-plan and regional-plan tests together create more than the
    // default 30 plans per 10 minutes (more with a CI retry), and together may
    // send more than 20 wrong secrets. The limits themselves are unit-tested
    // and tested on a server of their own (tests/e2e/limits.spec.ts).
    // tests/e2e/hostile-input.spec.ts adds ~80 refused POSTs, and every POST
    // counts (the limit is checked before the body is read).
    env: {
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: 'file:./data/e2e.db',
      NEXT_TELEMETRY_DISABLED: '1',
      RATE_LIMIT_CREATE_MAX: '400',
      RATE_LIMIT_SECRET_MAX: '1000',
      // Several workers, as `npm start` runs on any multi-core machine, so
      // tests/e2e/workers.spec.ts also sees two on a one-core machine.
      WEB_CONCURRENCY: '2',
    },
  },
});
