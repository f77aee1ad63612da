/**
 * Prisma's schema engine, compiled to WebAssembly, driven through a driver adapter. Prisma's CLI
 * needs a native engine that cannot be downloaded here; this module is how Rigshare still gets
 * Prisma's own SQL for schema.prisma (scripts/migration-diff.ts) and checks that the migrations
 * match it (schema-drift.int.test.ts). The engine's JS API is internal to Prisma: package.json
 * pins @prisma/schema-engine-wasm to the build that matches the installed prisma.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DbLogger } from "./embedded";

export const SCHEMA_PATH = join(process.cwd(), "prisma", "schema.prisma");

const noFilters = { externalTables: [], externalEnums: [] };

let engineModule: Promise<typeof bindings> | undefined;

/**
 * The package's own entry imports the .wasm file as an ES module, which Node 20 cannot do, so
 * the module is instantiated by hand with its generated JS glue as the import object.
 */
function loadEngineModule(): Promise<typeof bindings> {
  engineModule ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = join(dirname(gluePath), "schema_engine_bg.wasm");
    const compiled = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": bindings as never });
    // The glue reports a Rust panic's message through this global, then throws a bare
    // "RuntimeError: unreachable" from a callback (so the pending call never settles): print the
    // message, which is the only clue to what went wrong.
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message) => process.stderr.write(`Prisma schema engine panicked: ${message}\n`),
    };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

/**
 * A PrismaPg factory with the three adapter-pg 7.10 quirks that the schema engine hits worked
 * around. Each fix is the smallest that makes the engine's own queries work.
 */
function schemaEngineAdapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory & { disposeAll(): Promise<void> } {
  const url = new URL(databaseUrl);
  // Given a connectionString, PrismaPg's shadow-database pool still connects to the main
  // database (the URL wins over the `database` it sets), where the engine would then replay and
  // reset migrations: the parts are passed separately.
  const config = {
    host: decodeURIComponent(url.hostname),
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
  };
  const factory = new PrismaPg(config);
  // engine.free() does not dispose the adapters it opened, whose pools would keep the process
  // (and the server's shutdown) waiting: the session closes them.
  const opened = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter) => {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!opened.delete(adapter)) return;
      await dispose();
    };
    opened.add(adapter);
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    disposeAll: async () => {
      for (const adapter of [...opened]) await adapter.dispose();
    },
    connect: async () => track(mapCharColumns(await factory.connect())),
    connectToShadowDb: async () => {
      // PrismaPg's own shadow dispose drops the database while its pool still holds
      // connections (so the DROP fails) and never closes the admin pool: do it in order.
      const admin = await factory.connect();
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = mapCharColumns(await new PrismaPg({ ...config, database: name }).connect());
      const closeShadow = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await closeShadow();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.dispose();
      };
      return track(shadow);
    },
  };
}

/**
 * The engine reads catalog columns of PostgreSQL's internal one-byte `"char"` type (OID 18, e.g.
 * pg_constraint.contype) and expects them typed as Character, but adapter-pg 7.10 has no mapping
 * for OID 18 and refuses the whole result. The OID is swapped for text's (25) so adapter-pg
 * accepts it, the affected columns are noted on the rows array (which queryRaw passes through
 * unchanged), and their type is then set to Character.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumns = Symbol("charColumns");

function mapCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  type Result = { fields: { dataTypeID: number }[]; rows: { [charColumns]?: number[] } };
  const queryable = adapter as unknown as { performIO(query: unknown): Promise<Result> };
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const columns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      columns.push(index);
    });
    if (columns.length > 0) result.rows[charColumns] = columns;
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const columns = (result.rows as { [charColumns]?: number[] })[charColumns] ?? [];
    for (const index of columns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

export interface SchemaEngineSession {
  engine: SchemaEngine;
  schemaFiles: { path: string; content: string }[];
  close(): Promise<void>;
}

/** Opens the wasm schema engine on a database, with schema.prisma (or `schemaPath`) loaded. */
export async function openSchemaEngine(databaseUrl: string, options: DiffOptions = {}): Promise<SchemaEngineSession> {
  const { SchemaEngine } = await loadEngineModule();
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const schemaFiles = [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
  const log = options.log;
  const adapters = schemaEngineAdapterFactory(databaseUrl);
  const engine = await SchemaEngine.new(
    { datamodels: schemaFiles.map((file) => [file.path, file.content] as [string, string]) },
    (message: string) => log?.debug(`schema engine: ${message}`),
    bindMigrationAwareSqlAdapterFactory(adapters),
  );
  return {
    engine,
    schemaFiles,
    close: async () => {
      engine.free();
      await adapters.disposeAll();
    },
  };
}

type DiffTarget = Parameters<SchemaEngine["diff"]>[0]["from"];
type SchemaFiles = SchemaEngineSession["schemaFiles"];
type DiffOptions = { schemaPath?: string; log?: DbLogger };

/** SQL that would turn an empty database into schema.prisma, as `prisma migrate diff` prints it. */
export function diffEmptyToSchema(databaseUrl: string, options: DiffOptions = {}): Promise<string> {
  return diff(databaseUrl, () => ({ tag: "empty" }), options);
}

/**
 * SQL that would turn the database at `databaseUrl` into schema.prisma; empty when they agree.
 * Prisma's `_prisma_migrations` table, triggers, functions and extensions are not compared
 * (schema.prisma cannot describe the last three).
 */
export function diffDatabaseToSchema(databaseUrl: string, options: DiffOptions = {}): Promise<string> {
  // The wasm engine refuses `url` targets ("--from-url ... no longer supported"); `schemaDatasource`
  // is the database the driver adapter is connected to (`--from-config-datasource`).
  return diff(databaseUrl, (files) => ({ tag: "schemaDatasource", files, configDir: process.cwd() }), options);
}

async function diff(databaseUrl: string, from: (files: SchemaFiles) => DiffTarget, options: DiffOptions): Promise<string> {
  const session = await openSchemaEngine(databaseUrl, options);
  try {
    const result = await session.engine.diff({
      from: from(session.schemaFiles),
      to: { tag: "schemaDatamodel", files: session.schemaFiles },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return normaliseEmptyScript(result.stdout ?? "");
  } finally {
    await session.close();
  }
}

/** The engine prints a comment instead of nothing for an empty diff. */
function normaliseEmptyScript(script: string): string {
  return script.trim() === "-- This is an empty migration." ? "" : script;
}
