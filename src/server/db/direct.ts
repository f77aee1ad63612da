import { AsyncLocalStorage } from "node:async_hooks";
import pg, { type Pool, type PoolClient } from "pg";
import { Prisma } from "./generated/client";
import type { Db } from "./tx";

// Raw statements straight through node-postgres, on the connection Prisma uses for the same
// client: the pool, or the open transaction's connection. Measured in one process: a raw
// statement costs Prisma 7 0.2-0.4 ms of Node (its query compiler and interpreter) and
// node-postgres 0.05 ms; a decision or an agent's report sends 5-9 of them, and under the write
// benchmark Prisma with the driver under it was 16 % of the server's CPU profile (README, Load).

/** The statements this process has named, so PostgreSQL parses and plans each once per connection. */
const statementNames = new Map<string, string>();
/** Beyond this many texts (a list inlined into the SQL, say) statements run unnamed, as before. */
const MAX_NAMED_STATEMENTS = 2000;

/**
 * A name for `sql`, the same in every use (Prisma's and these), so each connection prepares it
 * once; "" is unnamed. A statement without parameters stays unnamed: node-postgres then sends it
 * as a simple query, which may hold several commands (a prepared statement may not).
 */
export function statementName(sql: string, parameters: number): string {
  if (parameters === 0) return "";
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(sql, (name = `rs${statementNames.size}`));
  return name ?? "";
}

interface OpeningTransaction {
  connection?: PoolClient;
  closed?: boolean;
}
type Querier = { query: Pool["query"] };
type Direct = { pool: Pool } | { transaction: OpeningTransaction };

/** Set while a transaction opens: the pool hands the connection it checks out for it here. */
const opening = new AsyncLocalStorage<OpeningTransaction>();
const directOf = new WeakMap<object, Direct>();

/**
 * Lets raw statements on `client` (a Prisma client over `pool`) and on its transactions run
 * through node-postgres: records the connection each transaction checks out, and when it goes
 * back (commit, rollback, or Prisma's transaction timeout), so no statement reaches a connection
 * the transaction no longer holds.
 */
export function enableDirect(client: object, pool: Pool): void {
  directOf.set(client, { pool });
  const connect = pool.connect.bind(pool) as (callback?: unknown) => unknown;
  // pg-pool's own query() checks out with a callback: only the promise form opens a transaction.
  (pool as { connect: unknown }).connect = (callback?: unknown) => {
    const transaction = opening.getStore();
    if (callback || !transaction || transaction.connection) return connect(callback);
    return (connect() as Promise<PoolClient>).then((connection) => {
      transaction.connection = connection;
      const release = connection.release;
      connection.release = (error?: Error | boolean) => {
        transaction.closed = true;
        connection.release = release;
        return release(error);
      };
      return connection;
    });
  };
}

/**
 * Opens a Prisma transaction (`start` calls `$transaction`) whose callback gets `bind`: called
 * with the transaction client, it lets the raw statements on it go through node-postgres until
 * `work` settles.
 */
export function directTransaction<T>(start: (bind: <R>(tx: object, work: () => Promise<R>) => Promise<R>) => Promise<T>): Promise<T> {
  const transaction: OpeningTransaction = {};
  return opening.run(transaction, () =>
    start((tx, work) => {
      if (!transaction.connection) return work();
      directOf.set(tx, { transaction });
      return work().finally(() => directOf.delete(tx));
    }),
  );
}

function querierOf(client: object): Querier | undefined {
  const direct = directOf.get(client);
  if (!direct) return undefined;
  if ("pool" in direct) return direct.pool;
  if (direct.transaction.closed) throw new Error("This transaction is over: its connection went back to the pool.");
  return direct.transaction.connection;
}

// Values come back as Prisma's $queryRaw gives them where the two drivers differ: int8 as a
// bigint, numeric as a Decimal, a date as midnight UTC.
const parseInt8Array = pg.types.getTypeParser(1016 as Parameters<typeof pg.types.getTypeParser>[0], "text") as (value: string) => (string | null)[];
const PRISMA_PARSERS: Record<number, (value: string) => unknown> = {
  20: (value) => BigInt(value),
  1016: (value) => parseInt8Array(value).map((item) => (item === null ? null : BigInt(item))),
  1700: (value) => new Prisma.Decimal(value),
  1082: (value) => new Date(`${value}T00:00:00Z`),
};
const types = { getTypeParser: (oid: number, format?: "text" | "binary") => PRISMA_PARSERS[oid] ?? pg.types.getTypeParser(oid, format) } as pg.CustomTypesConfig;

/**
 * `planEachCall`: send the statement unnamed, so PostgreSQL plans it for each call's values. For a
 * statement whose best plan depends on how many rows its window holds: a named statement's
 * generic plan (from the sixth call on) guesses a few hundred rows for any range of timestamps.
 */
type QueryOptions = { planEachCall?: boolean };

/** Prisma's `$queryRaw` through node-postgres where the client allows it; the rows. */
export function queryRows<T>(client: Db, query: Prisma.Sql): Promise<T[]> {
  return queryText<T>(client, query.text, query.values, {}, () => client.$queryRaw<T[]>(query));
}

/** Prisma's `$queryRawUnsafe` through node-postgres where the client allows it; the rows. */
export function queryUnsafe<T>(client: Db, text: string, values: unknown[] = [], options: QueryOptions = {}): Promise<T[]> {
  return queryText<T>(client, text, values, options, () => client.$queryRawUnsafe<T[]>(text, ...values));
}

async function queryText<T>(client: Db, text: string, values: unknown[], options: QueryOptions, viaPrisma: () => Promise<T[]>): Promise<T[]> {
  const querier = querierOf(client);
  if (!querier) return viaPrisma();
  const name = options.planEachCall ? "" : statementName(text, values.length);
  const result = await querier.query({ name, text, values, types });
  return result.rows as T[];
}
