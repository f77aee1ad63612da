/**
 * V8's young generation for the web server: semi-spaces of SEMI_SPACE_MB instead of V8's default
 * (16 MB at most on 64-bit). Each agent report and each answer allocates short-lived objects; with
 * small semi-spaces the server scavenges several times a second, and a request that meets a
 * scavenge waits for it. Under 200 agents the inventory GET's p99 rose 1.33-1.54x with the
 * default and 0.96-1.15x with 64 MB (README, Machine agents); the server's RSS after the load
 * benchmark's warm-up went from 290 to 365 MB.
 * An operator's own `--max-semi-space-size` in NODE_OPTIONS wins.
 */
export const SEMI_SPACE_MB = 64;

/** NODE_OPTIONS for the server process: the operator's, with the young generation's size added unless they set it. */
export function serverNodeOptions(operator: string | undefined): string {
  const options = operator?.trim() ?? "";
  if (/--max-semi-space-size\b/.test(options)) return options;
  return `${options} --max-semi-space-size=${SEMI_SPACE_MB}`.trim();
}
