// `npm run worker`: the job queue's workers (deliveries, reminders, weekly digest) alone, for a
// host that runs more portal processes than launchers, or for the queue benchmark. Reads the same
// environment as the portal (DATABASE_URL is required). `--workers N --batch M` tune deliveries.
import pino from "pino";
import { installQueue } from "@/server/jobs/queue";
import { startBackgroundWork } from "@/server/jobs/runtime";
import { EnvError, parseEnv } from "@/server/env";

const log = pino({ base: { app: "rigshare-worker" }, level: process.env.LOG_LEVEL ?? "info" });
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};

async function main() {
  const config = parseEnv(process.env);
  if (!config.DATABASE_URL) throw new EnvError("Invalid configuration:\n  DATABASE_URL: is required for the worker");
  await installQueue(config.DATABASE_URL);
  const background = await startBackgroundWork({
    databaseUrl: config.DATABASE_URL,
    log,
    notify: { baseUrl: config.AUTH_URL, emailEnabled: Boolean(config.SMTP_URL) },
    send: { smtpUrl: config.SMTP_URL, mailFrom: config.MAIL_FROM, allowPrivateWebhooks: config.WEBHOOKS_ALLOW_PRIVATE === "1", timeoutMs: 10_000 },
    deliveryWorkers: arg("workers"),
    deliveryBatchSize: arg("batch"),
  });
  log.info("job queue workers started");
  const stop = async () => {
    await background.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  if (error instanceof EnvError) console.error(error.message);
  else log.fatal({ err: error }, "the worker could not start");
  process.exit(1);
});
