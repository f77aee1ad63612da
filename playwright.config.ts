import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/browser";
import { BASE_URL, E2E_DATA_DIR, E2E_PORT, E2E_TIMEZONE } from "./e2e/env";

const executablePath = findChromium();

export default defineConfig({
  testDir: "e2e",
  // The company-IdP specs run against their own IdP and server: playwright.company-idp.config.ts.
  testIgnore: ["company-idp/**"],
  fullyParallel: false,
  workers: 1,
  // One retry: every spec shares one server with its minute jobs and the demo's agents, and a CI
  // run that fails on one unexplained miss lands nothing. A test that passes only on its retry is
  // still listed as flaky, with its first failure's error (the request helpers print the page).
  retries: 1,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    timezoneId: E2E_TIMEZONE,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      // Without the networking flags Chromium keeps trying to reach Google's servers from an offline machine.
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(E2E_PORT),
      AUTH_URL: BASE_URL,
      DEMO_IDP_PORT: String(E2E_PORT + 1),
      RIGSHARE_PG_PORT: String(E2E_PORT + 2),
      RIGSHARE_DATA_DIR: E2E_DATA_DIR,
      LOG_LEVEL: "warn",
      // The demo mail catcher on any free port, so runs side by side do not collide.
      MAIL_CATCHER_PORT: "0",
    },
  },
});
