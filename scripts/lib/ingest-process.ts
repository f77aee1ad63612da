import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Logger } from "pino";

/** A free loopback port: the ingest keeps it across restarts, so the web app's forward address stays valid. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((listening) => probe.listen(0, "127.0.0.1", () => listening()));
  const { port } = probe.address() as { port: number };
  await new Promise((closed) => probe.close(closed));
  return port;
}

/**
 * Runs scripts/ingest.ts with the app's environment and restarts it if it crashes (the agents
 * keep their batches meanwhile and send them again). Resolves with its URL once it listens.
 */
export async function startIngestProcess(options: { appEnv: NodeJS.ProcessEnv; log: Logger }): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let stopping = false;
  const launch = () =>
    new Promise<string>((ready, failed) => {
      const started = spawn(process.execPath, ["--import", "tsx", join("scripts", "ingest.ts"), "--port", String(port)], { env: options.appEnv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
      child = started;
      started.once("message", (message) => ready((message as { url: string }).url));
      started.once("exit", (code, signal) => {
        failed(new Error(`the telemetry ingest exited (${signal ?? code}) before it listened`));
        // A clean exit or a signal is a stop (Ctrl-C reaches the whole process group); a crash is not.
        if (stopping || code === 0 || signal) return;
        options.log.error({ code, signal }, "telemetry ingest stopped; restarting it");
        setTimeout(() => void launch().catch((err) => options.log.error({ err }, "telemetry ingest restart failed")), 1_000);
      });
    });
  const url = await launch();
  return {
    url,
    stop: async () => {
      stopping = true;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child!.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
