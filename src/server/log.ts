import pino from "pino";
import { env } from "./env";

/**
 * One JSON logger for the server. Anything that could carry a secret is redacted, so tokens and
 * cookies never reach the logs even when a whole request or error is logged.
 */
export const log = pino({
  level: env().LOG_LEVEL,
  base: { app: "rigshare" },
  redact: {
    paths: [
      "*.authorization",
      "*.cookie",
      "*.token",
      "*.secret",
      "*.password",
      "headers.authorization",
      "headers.cookie",
      "req.headers.authorization",
      "req.headers.cookie",
    ],
    censor: "[redacted]",
  },
});

export type Logger = typeof log;
