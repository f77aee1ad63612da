// Runs a command against a freshly migrated test database:
//   tsx scripts/with-test-db.ts vitest run --project int
// With TEST_DATABASE_URL set, that server gets a new `rigshare_test` database (dropped and
// recreated each run, so no other database on it is touched); otherwise a temporary embedded
// PostgreSQL serves it and is deleted afterwards. The command sees DATABASE_URL and exits with
// its own exit code.
import { spawn, type ChildProcess } from "node:child_process";
import { delimiter, join } from "node:path";
import { constants as osConstants } from "node:os";
import { startTemporaryPostgres } from "@/server/platform/embedded";
import { migrate } from "@/server/platform/migrate";
import { installQueue } from "@/server/jobs/queue";
import { recreateDatabase } from "@test/db/database";
import { cliLog, redactUrl } from "./lib/cli-log";

const TEST_DATABASE = "rigshare_test";
const log = cliLog("with-test-db");

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: tsx scripts/with-test-db.ts <command> [args...]");
  process.exit(2);
}

let child: ChildProcess | undefined;
let stopServer = async () => {};
let interrupted: NodeJS.Signals | undefined;

// Signals are handled from the start: during set-up main() notices them between steps (so a
// half-started server is still stopped and deleted), and during the run they are passed to the
// command, whose exit then ends this script after the clean-up.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    interrupted ??= signal;
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

let finishing = false;
async function finish(code: number): Promise<never> {
  if (!finishing) {
    finishing = true;
    await stopServer().catch((error: Error) => log.warn(`could not stop the test server: ${error.message}`));
    process.exit(code);
  }
  return new Promise<never>(() => {});
}

async function main(): Promise<number> {
  const started = Date.now();
  let url: string;
  if (process.env.TEST_DATABASE_URL) {
    url = await recreateDatabase(process.env.TEST_DATABASE_URL, TEST_DATABASE);
  } else {
    const server = await startTemporaryPostgres({ log, database: TEST_DATABASE });
    stopServer = server.stop;
    url = server.url;
  }
  if (interrupted) return 128 + osConstants.signals[interrupted];
  const { applied } = await migrate(url, log);
  // The job queue's own schema: use-cases queue notifications in their transactions.
  await installQueue(url);
  log.info(`${redactUrl(url)} ready (${applied.length} migration(s)) in ${Date.now() - started} ms`);
  if (interrupted) return 128 + osConstants.signals[interrupted];

  // Let `vitest ...` work outside npm scripts too, as it would inside one.
  const path = [join(process.cwd(), "node_modules", ".bin"), process.env.PATH].filter(Boolean).join(delimiter);
  const [file, ...args] = command as [string, ...string[]];
  return new Promise<number>((done) => {
    child = spawn(file, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: url, PATH: path } });
    child.on("error", (error) => {
      log.warn(`could not run ${file}: ${error.message}`);
      done(127);
    });
    child.on("exit", (code, signal) => done(code ?? 128 + (signal ? osConstants.signals[signal] : 0)));
  });
}

main().then(
  (code) => finish(code),
  (error: Error) => {
    console.error(`with-test-db: ${error.message}`);
    return finish(interrupted ? 128 + osConstants.signals[interrupted] : 1);
  },
);
