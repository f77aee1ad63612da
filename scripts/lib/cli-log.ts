import type { DbLogger } from "@/server/platform/embedded";

/**
 * Plain, human-oriented log lines on stderr for command-line scripts (stdout stays free for a
 * script's actual output). LOG_LEVEL=debug also shows PostgreSQL's and the schema engine's logs.
 */
export function cliLog(prefix: string): DbLogger {
  const debug = ["debug", "trace"].includes(process.env.LOG_LEVEL ?? "");
  const quiet = ["silent", "fatal", "error"].includes(process.env.LOG_LEVEL ?? "");
  return {
    debug: (message) => debug && console.error(`${prefix}: ${message}`),
    info: (message) => !quiet && console.error(`${prefix}: ${message}`),
    warn: (message) => process.env.LOG_LEVEL !== "silent" && console.error(`${prefix}: warning: ${message}`),
  };
}

/** A database URL without its password, for messages. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
