// Builds the production app and runs the Playwright suite against it (the config starts the
// server on a throwaway data folder). Extra arguments go to `playwright test`.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { findChromium, HOW_TO_GET_CHROMIUM } from "../e2e/browser";
import { E2E_DATA_DIR } from "../e2e/env";

if (!findChromium()) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", E2E_DATA_DIR };
const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;

let status = process.argv.includes("--no-build") ? 0 : run("npx", ["next", "build"]);
if (status === 0) status = run("npx", ["playwright", "test", ...process.argv.slice(2).filter((a) => a !== "--no-build")]);
rmSync(E2E_DATA_DIR, { recursive: true, force: true });
process.exit(status);
