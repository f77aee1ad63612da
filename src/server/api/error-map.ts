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

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: ERROR_MAP[error.code].trpc, message: error.message, cause: error });
}

/** The domain error behind a tRPC error, if any. */
export function appErrorOf(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError && error.cause instanceof AppError) return error.cause;
  return undefined;
}
