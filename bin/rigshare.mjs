#!/usr/bin/env node
// `npx rigshare …`: runs the TypeScript command line (src/cli/main.ts) through tsx, as the repository's
// scripts run, with the repository's tsconfig so its "@/" imports resolve from any directory.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = new URL("..", import.meta.url);
const result = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), fileURLToPath(new URL("src/cli/main.ts", root)), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL("tsconfig.json", root)) },
});
process.exit(result.status ?? 1);
