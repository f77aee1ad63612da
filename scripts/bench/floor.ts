import { spawn } from "node:child_process";
import { join } from "node:path";
import { pidListeningOn } from "./app-server";

export interface Floor {
  url: string;
  /** The process that listens (tsx runs the script in a child process of its own). */
  pid: number | undefined;
  stop(): void;
}

/** Starts scripts/bench/floor-server.ts as its own process (as the app is), and waits for it to listen. */
export function startFloor(port: number, databaseUrl: string): Promise<Floor> {
  const child = spawn(join("node_modules", ".bin", "tsx"), ["scripts/bench/floor-server.ts", String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the floor server exited with code ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      const line = chunk.toString();
      process.stderr.write(line);
      if (line.includes("listening")) {
        resolve({ url: `http://127.0.0.1:${port}`, pid: pidListeningOn(port), stop: () => child.kill("SIGTERM") });
      }
    });
  });
}
