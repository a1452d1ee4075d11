import { defineConfig } from '@playwright/test';

// Browser tests of the built UI (ui/dist) in Debian's Chromium: Playwright's own
// browser download is not possible (and not needed) here. Override with
// CHROMIUM_PATH. Every test runs on the real core: each starts its own
// `channelops-bridge` (tests/browser/bridge.ts), which serves ui/dist and the
// app's command set on a fresh database; Part 3 tests add moto_server.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Answers of the real core (and of moto for Part 3) on a busy 2-core CI machine
  // take longer than Playwright's 5 s default; waiting longer only costs time on failure.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
