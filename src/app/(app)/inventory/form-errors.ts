import { TRPCClientError } from "@trpc/client";
import { describeError } from "@/components/trpc-error";

interface ErrorData {
  field?: string;
  fieldErrors?: { field: string; message: string }[];
  details?: { problems?: { field: string; message: string }[] };
}

/**
 * Every field a refused call named, with its message: zod's issues, a domain error's list of
 * problems (machine specs report them all at once), or its single field. `message` is the
 * overall message, for errors the form cannot place at a field.
 */
export function formErrors(error: unknown): { fields: Record<string, string>; message: string } {
  const fields: Record<string, string> = {};
  const { message } = describeError(error);
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
    for (const issue of data?.fieldErrors ?? []) fields[issue.field] ??= issue.message;
    for (const problem of data?.details?.problems ?? []) fields[problem.field] ??= problem.message;
    if (data?.field) fields[data.field] ??= message;
  }
  return { fields, message };
}

/** "2018-06-15" from a date input, as midnight UTC; undefined when empty. */
export function dateFromInput(value: string): Date | undefined {
  return value ? new Date(`${value}T00:00:00Z`) : undefined;
}

/** The date input's value for a stored UTC date. */
export function dateToInput(value: Date | null | undefined): string {
  return value ? new Date(value).toISOString().slice(0, 10) : "";
}

/** A required number input's value; NaN when empty, which the server refuses naming the field ("must be a number"). */
export function numberFromInput(value: string): number {
  return value.trim() === "" ? Number.NaN : Number(value);
}

/** An optional number input's value; undefined when empty, so the server's default applies. */
export function optionalNumberFromInput(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}
