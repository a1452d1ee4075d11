import { defineConfig } from '@playwright/test';

// Browser tests of the built UI (ui/dist) in Debian's Chromium: Playwright's own
// browser download is not possible (and not needed) here. Override with
// CHROMIUM_PATH. Most tests run on the real core: each starts its own
// `channelops-bridge` (tests/browser/bridge.ts), which serves ui/dist and the
// app's command set; the few Part 3 tests that need AWS still use the mock
// backend, on the UI served by `vite preview` below.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
