import type { Prisma } from "./generated/client";
import { settleChanges } from "./change-cache";
import { db } from "./client";
import { directTransaction } from "./direct";
import { isSerializationFailure, mapDbError } from "./errors";

/** A Prisma client or an open transaction: repository functions accept either. */
export type Db = Prisma.TransactionClient;

/**
 * Runs one use-case as one transaction, so a refused change leaves nothing half-written, and maps
 * database failures to domain errors. Serializable transactions are retried a few times because
 * PostgreSQL asks the client to do so on a serialization failure.
 */
export async function transaction<T>(
  work: (tx: Db) => Promise<T>,
  options: { serializable?: boolean; retries?: number; timeoutMs?: number } = {},
): Promise<T> {
  const retries = options.serializable ? (options.retries ?? 5) : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await directTransaction((bind) => db().$transaction((tx) => bind(tx, () => work(tx)), {
        // READ COMMITTED is PostgreSQL's default: naming it would cost a SET TRANSACTION round trip per transaction.
        ...(options.serializable ? { isolationLevel: "Serializable" as const } : {}),
        maxWait: 10_000,
        // Long-running work (an inventory import with years of history) asks for more.
        timeout: options.timeoutMs ?? 20_000,
      }));
      await settleChanges();
      return result;
    } catch (error) {
      if (attempt < retries && isSerializationFailure(error)) continue;
      throw mapDbError(error);
    }
  }
}

/** Reads outside a transaction still map connection failures to a clear UNAVAILABLE error. */
export async function read<T>(work: (client: Db) => Promise<T>): Promise<T> {
  try {
    return await work(db());
  } catch (error) {
    throw mapDbError(error);
  }
}
