/**
 * Domain errors carry a stable code; src/server/api/error-map.ts turns each code into a tRPC and
 * an HTTP status. `field` names the offending input so forms and API clients can point at it.
 */
export const ERROR_CODES = [
  "VALIDATION",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "CAPACITY_CONFLICT",
  "QUOTA_EXCEEDED",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export const notFound = (what: string, field?: string) =>
  new AppError("NOT_FOUND", `${what} was not found.`, { field });
