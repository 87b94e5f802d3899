import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * End-to-end tests against the production build in Debian's Chromium
 * (no browser download: playwright-core drives /usr/bin/chromium).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 360, height: 740 },
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    serviceWorkers: 'allow',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node_modules/.bin/tsx src/cli/start.ts`,
    // Its own embedded database, never the project's ./data (kept between runs: the first start creates it).
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DIST_DIR: 'dist',
      DATA_DIR: join(tmpdir(), `ita-tracker-e2e-${PORT}`),
      LOG: 'silent',
    },
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
