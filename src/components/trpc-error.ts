import { TRPCClientError } from "@trpc/client";

/** The message and offending field of a failed call, as the server's error formatter shaped them. */
export function describeError(error: unknown): { message: string; field?: string } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { field?: string; httpStatus?: number } | undefined;
    if (data?.httpStatus === 503) return { message: "The database is unavailable right now. Please try again in a moment." };
    return { message: error.message, field: data?.field };
  }
  return { message: "Something went wrong. Please try again." };
}
