// Applies prisma/migrations to DATABASE_URL, or, when it is unset, to the embedded PostgreSQL in
// RIGSHARE_DATA_DIR (started for the occasion, or the one already running there).
import { resolve } from "node:path";
import { startEmbeddedPostgres, stopOnExit } from "@/server/platform/embedded";
import { migrate } from "@/server/platform/migrate";
import { installQueue } from "@/server/jobs/queue";
import { parseEnv } from "@/server/env";
import { cliLog, redactUrl } from "./lib/cli-log";

const log = cliLog("migrate");

async function main() {
  const config = parseEnv(process.env);
  let url = config.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const started = Date.now();
    const server = await startEmbeddedPostgres({
      dataDir: resolve(config.RIGSHARE_DATA_DIR),
      port: config.RIGSHARE_PG_PORT,
      log,
    });
    stop = server.stop;
    stopOnExit(stop);
    url = server.url;
    if (server.owned) log.info(`started the embedded PostgreSQL on port ${server.port} in ${Date.now() - started} ms`);
  }
  try {
    const started = Date.now();
    const { applied } = await migrate(url, log);
    // The job queue's schema too: a `next start` on this database queues notifications into it.
    await installQueue(url);
    console.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s) to ${redactUrl(url)} in ${Date.now() - started} ms:\n${applied.map((name) => `  ${name}`).join("\n")}`
        : `${redactUrl(url)} is up to date; no migration to apply.`,
    );
  } finally {
    await stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`migrate: ${error.message}`);
    process.exit(1);
  },
);
