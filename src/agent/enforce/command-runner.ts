import { execFile } from "node:child_process";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one program with its arguments (never through a shell). Replaced by a recorder in tests. */
export type CommandRunner = (argv: readonly string[]) => Promise<CommandResult>;

/** The real runner: execFile with a timeout, so a hung systemctl cannot stall the agent. */
export function execRunner(timeoutMs = 15_000): CommandRunner {
  return (argv) =>
    new Promise((resolve) => {
      execFile(argv[0]!, argv.slice(1), { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) || (error && code !== 0 ? error.message : "") });
      });
    });
}
