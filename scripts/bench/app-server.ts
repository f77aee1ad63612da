// The production server as the benchmark and fault scripts drive it: built once into its own
// folder, started through scripts/start.ts, reached over HTTP with a session cookie minted for a
// user (the real tRPC route, no IdP round trip), stopped by its own process id.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { createPrismaClient } from "@/server/db/client";
import { insertSession } from "@/server/db/sessions";
import { transformer } from "@/trpc/transformer";

export const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-hardening";

/**
 * Builds the app into DIST_DIR: "always", "if-missing" (reuse a build that is there), or "never"
 * (reuse it, and fail when there is none).
 */
export function ensureBuild(mode: "always" | "if-missing" | "never") {
  const built = existsSync(join(DIST_DIR, "BUILD_ID"));
  if (mode === "never" && !built) throw new Error(`There is no build in ${DIST_DIR}; run without --no-build once.`);
  if (mode === "never" || (mode === "if-missing" && built)) return;
  console.error(`building into ${DIST_DIR}...`);
  const result = spawnSync(join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

export interface AppServer {
  url: string;
  port: number;
  authSecret: string;
  launcher: ChildProcess;
  /** The pid of the process that listens on the port (the Next.js server itself, not the launcher). */
  serverPid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts `scripts/start.ts` on `port`. With `databaseUrl` the app uses that database; without it
 * the launcher runs the embedded PostgreSQL in `dataDir` on `pgPort`, as `npm start` does. An OIDC
 * issuer is configured (never contacted: sessions are minted) so no demo IdP or demo data starts,
 * unless `demo` asks for exactly that: the demo IdP on port + 1 and the demo data.
 */
export async function startApp(options: { port: number; databaseUrl?: string; dataDir?: string; pgPort?: number; logFile: string; authSecret?: string; demo?: boolean }): Promise<AppServer> {
  const url = `http://localhost:${options.port}`;
  const authSecret = options.authSecret ?? randomBytes(32).toString("base64url");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
    AUTH_URL: url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  if (process.env.BENCH_HEAP_SNAPSHOT) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --heapsnapshot-signal=SIGUSR2`.trim();
  for (const name of ["DATABASE_URL", "AUTH_SECRET", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) delete env[name];
  if (options.demo) env.DEMO_IDP_PORT = String(options.port + 1);
  else Object.assign(env, { AUTH_SECRET: authSecret, OIDC_ISSUER: `http://127.0.0.1:${options.port + 9}/unused`, OIDC_CLIENT_ID: "bench", OIDC_CLIENT_SECRET: "bench" });
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.RIGSHARE_DATA_DIR = options.dataDir;
  if (options.pgPort) env.RIGSHARE_PG_PORT = String(options.pgPort);
  const log = createWriteStream(options.logFile, { flags: "a" });
  // Its own process group, so stop() reaches the launcher's children too, and nothing else.
  const launcher = spawn(join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  launcher.stdout!.pipe(log);
  launcher.stderr!.pipe(log);
  const exited = new Promise<void>((done) => launcher.once("exit", () => done()));

  const stop = async () => {
    if (launcher.exitCode !== null || launcher.signalCode !== null) return;
    try {
      process.kill(-launcher.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-launcher.pid!, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }, 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    // The demo seed writes years of slice history before the server starts.
    await waitFor(`${url}/api/health/live`, options.demo ? 300_000 : 120_000, launcher);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; see ${options.logFile}`);
  }
  return { url, port: options.port, authSecret, launcher, serverPid: () => pidListeningOn(options.port), stop };
}

async function waitFor(url: string, timeoutMs: number, launcher: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (launcher.exitCode !== null) throw new Error(`the app exited with code ${launcher.exitCode} before answering`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Reads /proc: the socket inode listening on `port`, then the process holding it. */
export function pidListeningOn(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return Number(pid);
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return undefined;
}

/** Resident memory of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system, ms) a process has used, plus what its exited children used: for the
 * PostgreSQL postmaster that covers backends that came and went. Linux clock ticks are 10 ms.
 */
export function cpuMs(pid: number | undefined, withChildren = false): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
    const [utime, stime, cutime, cstime] = [fields[11]!, fields[12]!, fields[13]!, fields[14]!];
    return (utime + stime + (withChildren ? cutime + cstime : 0)) * 10;
  } catch {
    return NaN;
  }
}

const statFields = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
};

function parentPid(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    return Number(statFields(pid)[1]);
  } catch {
    return undefined;
  }
}

/** The live children of a process. */
function childPids(pid: number | undefined): number[] {
  if (!pid) return [];
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => parentPid(child) === pid);
}

/** CPU used so far by a process and every live child of it (a PostgreSQL server and its backends). */
export function treeCpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  // A backend that ends between the listing and the read counts 0: once reaped, its CPU is in the parent's.
  return childPids(pid).reduce((total, child) => total + (cpuMs(child) || 0), cpuMs(pid, true));
}

/**
 * A browser session for `user`, as the sign-in callback would have issued it: a session row (each
 * request checks it, so it can be revoked) and the Auth.js JWT cookie that names it.
 */
export async function sessionCookie(user: { id: string; name: string; email: string }, authSecret: string, databaseUrl: string): Promise<string> {
  const name = "authjs.session-token";
  const maxAge = 8 * 60 * 60;
  const prisma = createPrismaClient(databaseUrl);
  try {
    const { id: sid } = await insertSession(prisma, { userId: user.id, userAgent: "bench", idToken: null, expiresAt: new Date(Date.now() + maxAge * 1000) });
    const value = await encode({ token: { uid: user.id, sub: user.id, name: user.name, email: user.email, sid }, secret: authSecret, salt: name, maxAge });
    return `${name}=${value}`;
  } finally {
    await prisma.$disconnect();
  }
}

export interface TrpcAnswer<T = unknown> {
  status: number;
  ms: number;
  data?: T;
  error?: { message: string; code?: string };
}

/** One tRPC call over HTTP as the web app makes it (the app's transformer, no batching), time-bounded. */
export async function trpcCall<T = unknown>(base: string, cookie: string, path: string, type: "query" | "mutation", input?: unknown, timeoutMs = 10_000): Promise<TrpcAnswer<T>> {
  const started = performance.now();
  const encoded = JSON.stringify(superjson.serialize(input));
  const url = type === "query" ? `${base}/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(encoded)}`}` : `${base}/api/trpc/${path}`;
  try {
    const response = await fetch(url, {
      method: type === "query" ? "GET" : "POST",
      headers: { cookie, "content-type": "application/json" },
      body: type === "mutation" ? encoded : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as { result?: { data: string }; error?: string };
    const ms = performance.now() - started;
    if (body.result) return { status: response.status, ms, data: transformer.output.deserialize(body.result.data) as T };
    const error = body.error ? (transformer.output.deserialize(body.error) as { message: string; data?: { code?: string } }) : undefined;
    return { status: response.status, ms, error: { message: error?.message ?? "no body", code: error?.data?.code } };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, error: { message: (error as Error).message, code: (error as Error).name } };
  }
}

/** The 1-, 5- and 15-minute load averages: this machine is shared, so every number carries them. */
export function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}
