import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/browser";
import { APP_ENV, APP_URL, IDP_ISSUER } from "./e2e/company-idp/env";

/**
 * Rigshare against an identity provider it was not built with (a username/password page and a
 * `groups` claim), started fresh with no demo data: `npx tsx scripts/e2e.ts -c playwright.company-idp.config.ts`.
 */
export default defineConfig({
  testDir: "e2e/company-idp",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // Each test walks many pages of a fresh production server and an IdP: generous for loaded CI machines.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: findChromium(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: "npx tsx e2e/company-idp/serve-idp.ts",
      url: `${IDP_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npx tsx scripts/start.ts",
      url: `${APP_URL}/api/health`,
      reuseExistingServer: false,
      // Each test walks many pages of a fresh production server and an IdP: generous for loaded CI machines.
  timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: APP_ENV,
    },
  ],
});
