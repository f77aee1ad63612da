import { TRPCClientError } from "@trpc/client";
import { describeError } from "@/components/trpc-error";

/**
 * A refused slice request or approval, as the server's `refusal()` shapes it
 * (src/server/services/slices/checks.ts): every reason, split into capacity and quota, and the
 * earliest window that fits. The client reads the structured details rather than the sentence,
 * so each reason gets its own line and the window its own button.
 */
export interface Refusal {
  code: "CAPACITY_CONFLICT" | "QUOTA_EXCEEDED" | "VALIDATION" | "OTHER";
  /** The whole server message, for refusals that carry no details. */
  message: string;
  field?: string;
  capacity: string[];
  quotas: string[];
  suggestion: { start: Date; end: Date } | null;
  /** Only quotas stand in the way: an admin may grant an exception (or override on approval). */
  quotaOnly: boolean;
}

type Details = { conflicts?: { message?: unknown }[]; quotas?: { message?: unknown }[]; suggestion?: { start?: unknown; end?: unknown } | null };

const messages = (list: { message?: unknown }[] | undefined) =>
  (Array.isArray(list) ? list : []).map((item) => item?.message).filter((m): m is string => typeof m === "string" && m.length > 0);

function instant(value: unknown): Date | null {
  if (!(value instanceof Date) && typeof value !== "string" && typeof value !== "number") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The pure part: from the error's message and `data` (appCode, field, details) to a Refusal. */
export function refusalFrom(message: string, data: { appCode?: unknown; field?: unknown; details?: unknown } | undefined): Refusal {
  const details = (data?.details ?? {}) as Details;
  const capacity = messages(details.conflicts);
  const quotas = messages(details.quotas);
  const start = instant(details.suggestion?.start);
  const end = instant(details.suggestion?.end);
  const appCode = data?.appCode;
  const code = appCode === "CAPACITY_CONFLICT" || appCode === "QUOTA_EXCEEDED" || appCode === "VALIDATION" ? appCode : "OTHER";
  return {
    code,
    message,
    field: typeof data?.field === "string" ? data.field : undefined,
    capacity,
    quotas,
    suggestion: start && end && end > start ? { start, end } : null,
    quotaOnly: code === "QUOTA_EXCEEDED" && capacity.length === 0 && quotas.length > 0,
  };
}

/** A Refusal from whatever a tRPC mutation failed with. */
export function describeRefusal(error: unknown): Refusal {
  if (error instanceof TRPCClientError) {
    const data = error.data as { appCode?: unknown; field?: unknown; details?: unknown; httpStatus?: number } | undefined;
    if (data?.httpStatus !== 503) return refusalFrom(error.message, data);
  }
  const { message, field } = describeError(error);
  return refusalFrom(message, { field });
}
