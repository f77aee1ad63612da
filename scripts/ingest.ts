// The telemetry ingest process that `npm start` runs beside the web app (src/server/ingest/server.ts):
// the machine agents' reports are stored here, on an event loop of their own, and the web app
// forwards them. Reads the app's environment (DATABASE_URL is required); `--port N` (0: any free
// port). Tells its parent, when it has one, the URL it serves.
import { EnvError, parseEnv } from "@/server/env";
import { startIngestServer } from "@/server/ingest/server";
import { log } from "@/server/log";

async function main() {
  const config = parseEnv(process.env);
  if (!config.DATABASE_URL) throw new EnvError("Invalid configuration:\n  DATABASE_URL: is required for the telemetry ingest");
  const portArg = process.argv.indexOf("--port");
  const server = await startIngestServer(portArg > 0 ? Number(process.argv[portArg + 1]) : 0);
  log.info({ url: server.url }, "telemetry ingest listening");
  process.send?.({ url: server.url });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  if (error instanceof EnvError) console.error(error.message);
  else log.fatal({ err: error }, "the telemetry ingest could not start");
  process.exit(1);
});
