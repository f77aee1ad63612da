import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { AppError, type ErrorCode } from "@/core/errors";

/** The one table from domain error codes to tRPC codes and HTTP statuses. */
export const ERROR_MAP: Record<ErrorCode, { trpc: TRPC_ERROR_CODE_KEY; http: number }> = {
  VALIDATION: { trpc: "BAD_REQUEST", http: 400 },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", http: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  CONFLICT: { trpc: "CONFLICT", http: 409 },
  CAPACITY_CONFLICT: { trpc: "CONFLICT", http: 409 },
  QUOTA_EXCEEDED: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
};

/**
 * Errors the framework raises before any domain code runs (unparseable JSON, an unknown path, a
 * crash), as the REST API reports them: a code of the table above, or INTERNAL.
 */
export const FRAMEWORK_ERROR_MAP: Partial<Record<TRPC_ERROR_CODE_KEY, { code: ErrorCode; http: number }>> = {
  PARSE_ERROR: { code: "VALIDATION", http: 400 },
  BAD_REQUEST: { code: "VALIDATION", http: 400 },
  UNSUPPORTED_MEDIA_TYPE: { code: "VALIDATION", http: 415 },
  PAYLOAD_TOO_LARGE: { code: "VALIDATION", http: 413 },
  UNAUTHORIZED: { code: "UNAUTHORIZED", http: 401 },
  FORBIDDEN: { code: "FORBIDDEN", http: 403 },
  NOT_FOUND: { code: "NOT_FOUND", http: 404 },
  METHOD_NOT_SUPPORTED: { code: "NOT_FOUND", http: 405 },
  CONFLICT: { code: "CONFLICT", http: 409 },
  TOO_MANY_REQUESTS: { code: "RATE_LIMITED", http: 429 },
  SERVICE_UNAVAILABLE: { code: "UNAVAILABLE", http: 503 },
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: ERROR_MAP[error.code].trpc, message: error.message, cause: error });
}

/** The domain error behind a tRPC error, if any. */
export function appErrorOf(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError && error.cause instanceof AppError) return error.cause;
  return undefined;
}
