// Playwright in Debian's Chromium (never a downloaded browser). scripts/test.ts prepares the
// database, Redis and the Anthropic simulator and passes them in the environment; run alone,
// `npm run test:e2e` expects the same variables (see README "Tests").
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: `node_modules/.bin/next start -H 127.0.0.1 -p ${port}`,
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The same build with no Anthropic key: every answer from the offline tutor (e2e/ui/offline.spec.ts).
      command: `node_modules/.bin/next start -H 127.0.0.1 -p ${port + 1}`,
      url: `http://127.0.0.1:${port + 1}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { ANTHROPIC_API_KEY: "", REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? "ft"}-offline` },
    },
  ],
});
