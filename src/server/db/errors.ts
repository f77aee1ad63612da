import { AppError } from "@/core/errors";
import { databaseLost } from "@/server/database-away";

/** SQLSTATEs and driver kinds that mean "the database is away", not "your input is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08006", "53300"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
/** node-postgres reports a connection dropped mid-query (the server crashed or was stopped) with no code at all. */
const UNAVAILABLE_MESSAGES = /^(Connection terminated( unexpectedly)?|Client has encountered a connection error and is not queryable|Connection ended unexpectedly)$/;

interface Found {
  prismaCode?: string;
  sqlState?: string;
  kind?: string;
  nodeCode?: string;
  target?: string;
  message?: string;
  lostConnection?: boolean;
}

/** Prisma 7 nests the driver's error in meta.driverAdapterError.cause; collect what we can find at any depth. */
function inspect(error: unknown, found: Found = {}, depth = 0): Found {
  if (!error || typeof error !== "object" || depth > 6) return found;
  const e = error as Record<string, unknown>;
  if (typeof e.code === "string") {
    if (/^P\d{4}$/.test(e.code)) found.prismaCode ??= e.code;
    else if (/^[0-9A-Z]{5}$/.test(e.code)) found.sqlState ??= e.code;
    else if (/^E[A-Z]+$/.test(e.code)) found.nodeCode ??= e.code;
  }
  // The driver adapter reports some failures with the SQLSTATE only as originalCode (e.g. kind ValueOutOfRange).
  if (typeof e.originalCode === "string" && /^[0-9A-Z]{5}$/.test(e.originalCode)) found.sqlState ??= e.originalCode;
  if (typeof e.kind === "string") found.kind ??= e.kind;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) found.lostConnection = true;
  if (typeof e.constraint === "string") found.target ??= e.constraint;
  if (e.constraint && typeof e.constraint === "object" && "fields" in e.constraint) {
    found.target ??= (e.constraint as { fields: string[] }).fields.join(",");
  }
  const meta = e.meta as Record<string, unknown> | undefined;
  if (meta && Array.isArray(meta.target)) found.target ??= meta.target.join(",");
  for (const next of [e.cause, meta?.driverAdapterError, meta?.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    inspect(next, found, depth + 1);
  }
  return found;
}

export function isSerializationFailure(error: unknown): boolean {
  const f = inspect(error);
  return f.sqlState === "40001" || f.sqlState === "40P01" || f.prismaCode === "P2034" || f.kind === "TransactionWriteConflict";
}

export function isExclusionViolation(error: unknown): boolean {
  return inspect(error).sqlState === "23P01";
}

/**
 * SQLSTATE class 22 (data exception): PostgreSQL cannot store or compare a value, which can only
 * have come from the caller (a NUL character in text, a number or date beyond its types). The
 * database does not say which input it was, so these carry no field; the edge should refuse such
 * values first, and this keeps whatever slips through a clear 400 instead of a 500.
 */
function dataExceptionMessage(f: Found): string | undefined {
  if (f.kind === "ValueOutOfRange" || f.prismaCode === "P2020") return "A number is too large or too small to be stored.";
  // Only codes a caller's value causes: others of the class (division by zero...) are our bugs and stay internal.
  return f.sqlState ? DATA_EXCEPTIONS[f.sqlState] : undefined;
}
const DATA_EXCEPTIONS: Record<string, string> = {
  "22021": "Text must not contain NUL characters (\\u0000) or invalid Unicode.",
  "22P05": "Text must not contain NUL characters (\\u0000) or invalid Unicode.",
  "22003": "A number is too large or too small to be stored.",
  "22007": "A date is outside the range that can be stored.",
  "22008": "A date is outside the range that can be stored.",
  "22009": "A date is outside the range that can be stored.",
  "22001": "A text is too long to be stored.",
  "22P02": "A value is not in the form the database expects.",
};

/**
 * Turns database failures into domain errors with a stable code. Anything unrecognised is
 * returned unchanged so it surfaces as an internal error with its stack in the logs.
 */
export function mapDbError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const f = inspect(error);
  if (
    (f.sqlState && UNAVAILABLE_SQLSTATES.has(f.sqlState)) ||
    (f.kind && UNAVAILABLE_KINDS.has(f.kind)) ||
    (f.nodeCode && UNAVAILABLE_NODE_CODES.has(f.nodeCode)) ||
    f.lostConnection ||
    f.prismaCode === "P1001" ||
    f.prismaCode === "P1017"
  ) {
    databaseLost();
    return new AppError("UNAVAILABLE", "The database is unavailable right now. Please try again in a moment.", { cause: error });
  }
  if (f.sqlState === "23P01") {
    return new AppError("CAPACITY_CONFLICT", "A GPU in this request is already held by another approved slice in this window.", { field: "gpuIds", cause: error });
  }
  if (f.prismaCode === "P2002" || f.sqlState === "23505" || f.kind === "UniqueConstraintViolation") {
    const field = f.target?.split(",").at(-1);
    return new AppError("CONFLICT", `Another record already uses this ${field ?? "value"}.`, { field, cause: error });
  }
  if (f.prismaCode === "P2025") return new AppError("NOT_FOUND", "The record was not found.", { cause: error });
  if (f.prismaCode === "P2003" || f.sqlState === "23503" || f.kind === "ForeignKeyConstraintViolation") {
    return new AppError("CONFLICT", "The record is still referenced by other records.", { cause: error });
  }
  const badValue = dataExceptionMessage(f);
  if (badValue) return new AppError("VALIDATION", badValue, { cause: error });
  if (isSerializationFailure(error)) {
    return new AppError("CONFLICT", "Someone else changed this at the same time. Please try again.", { cause: error });
  }
  return error;
}
