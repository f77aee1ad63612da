import { queryUnsafe } from "./direct";
import type { Db } from "./tx";

/** pg-boss's tables (its schema is created by pg-boss itself, outside the Prisma schema). */
export interface JobRow {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  startAfter: Date;
  createdOn: Date;
  completedOn: Date | null;
  data: unknown;
  output: unknown;
}

/** The transaction as pg-boss's `db` option wants it: jobs sent through it commit or roll back with the transaction. */
export function jobExecutor(tx: Db) {
  return { executeSql: async (text: string, values: unknown[] = []) => ({ rows: await queryUnsafe<unknown>(tx, text, values) }) };
}

export function countJobsByState(client: Db) {
  return client.$queryRawUnsafe<{ name: string; state: string; count: number }[]>(
    `SELECT name, state::text AS state, count(*)::int AS count FROM pgboss.job GROUP BY name, state ORDER BY name, state`,
  );
}

/** The latest jobs in the given states, newest first. */
export function findJobs(client: Db, states: string[], take: number) {
  return client.$queryRawUnsafe<JobRow[]>(
    `SELECT id::text, name, state::text AS state, retry_count AS "retryCount", retry_limit AS "retryLimit", start_after AS "startAfter",
            created_on AS "createdOn", completed_on AS "completedOn", data, output
       FROM pgboss.job WHERE state::text = ANY($1::text[]) ORDER BY created_on DESC LIMIT $2`,
    states,
    take,
  );
}

/** Puts a failed job back in the queue with a fresh set of tries (what pg-boss's retry does). */
export function retryFailedJob(client: Db, id: string) {
  return client.$executeRawUnsafe(
    `UPDATE pgboss.job SET state = 'retry', retry_count = 0, start_after = now(), completed_on = NULL WHERE id = $1::uuid AND state = 'failed'`,
    id,
  );
}
