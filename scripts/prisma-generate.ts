// `prisma generate` only needs the schema engine binary to exist, not to run; on machines
// where its download failed (no network) point it at any file so generation works offline.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const enginesDir = join(process.cwd(), "node_modules", "@prisma", "engines");
const hasNativeEngine =
  existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!hasNativeEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = join(process.cwd(), "package.json");
}
execFileSync(join("node_modules", ".bin", "prisma"), ["generate"], { stdio: "inherit", env });
