import type { Logger } from "pino";
import { createPrismaClient } from "@/server/db/client";
import { insertCaughtMail } from "@/server/db/notifications";
import { parseEnv } from "@/server/env";
import { startMailCatcher } from "@/server/notifications/mail-catcher";
import { startBackgroundWork } from "./runtime";

/**
 * The launcher's one call for notifications: in demo mode (no SMTP_URL) the mail catcher, whose
 * address it gives the app as SMTP_URL; then the job queue's workers. Returns the clean-up.
 */
export async function startNotificationServices(options: { databaseUrl: string; appEnv: NodeJS.ProcessEnv; demo: boolean; log: Logger }): Promise<() => Promise<void>> {
  const { appEnv, log } = options;
  const stops: (() => Promise<void>)[] = [];
  if (options.demo && !appEnv.SMTP_URL) {
    const prisma = createPrismaClient(options.databaseUrl);
    const catcher = await startMailCatcher({
      port: parseEnv(appEnv).MAIL_CATCHER_PORT,
      onMessage: async (m) => void (await insertCaughtMail(prisma, m)),
    });
    stops.push(async () => {
      await catcher.close();
      await prisma.$disconnect();
    });
    appEnv.SMTP_URL = catcher.url;
    log.info({ url: catcher.url }, "demo mail catcher listening; admins read its e-mails on Admin > Outbox");
  }
  const config = parseEnv(appEnv);
  // Reminders and the digest run use-cases through the process-wide client (db()).
  process.env.DATABASE_URL ??= options.databaseUrl;
  const background = await startBackgroundWork({
    databaseUrl: options.databaseUrl,
    log,
    notify: { baseUrl: config.AUTH_URL, emailEnabled: Boolean(config.SMTP_URL) },
    send: { smtpUrl: config.SMTP_URL, mailFrom: config.MAIL_FROM, allowPrivateWebhooks: config.WEBHOOKS_ALLOW_PRIVATE === "1", timeoutMs: 10_000 },
  });
  stops.push(() => background.stop());
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
