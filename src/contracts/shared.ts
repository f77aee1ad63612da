import { z } from "zod";
import { inInstantRange } from "@/core/time/instant-range";

/**
 * Pieces every feature's contract uses. tRPC gets values as they are (superjson carries Date and
 * bigint); REST clients get JSON, so the OpenAPI document describes what JSON.stringify and
 * rest/json.ts make of them. Zod's `.meta()` replaces (not merges) a schema's metadata, hence
 * functions that take the description.
 */

export const id = z.uuid({ message: "must be a valid id" });
export const reason = z.string().trim().min(3, "must be at least 3 characters").max(500, "must be at most 500 characters");
export const search = z.string().trim().max(100, "must be at most 100 characters").optional();
export const ref = z.object({ id: z.string(), name: z.string() });
/** The input of a REST GET that takes no parameters (tRPC callers may pass nothing at all). */
export const noInput = z.object({}).optional();

const dateTime = { type: "string", format: "date-time" } as const;

/** A UTC instant; JSON carries it as an ISO 8601 string. */
export const instant = (description?: string) => z.date().meta({ description, override: dateTime });
export const instantOut = instant();

const outOfRange = "must be between the year 2000 and 2100";

/** An instant as input: a Date (tRPC) or an ISO 8601 string (REST query and body). */
export const instantIn = z.coerce.date({ message: "must be a date and time" }).refine(inInstantRange, outOfRange).meta({ override: dateTime });

/** A day as the inventory forms send it (a Date at UTC midnight), in the same range as every instant. */
export const dateIn = z.date({ message: "must be a valid date" }).refine(inInstantRange, outOfRange);

/** The refinement message of a window whose end is not after its start. */
export const afterFrom = <K extends string>(to: K) => ({ message: "must be after 'from'", path: [to] });

/** A window [from, to): `to` after `from`. */
export const window = z.object({ from: instantIn, to: instantIn }).refine((w) => w.to > w.from, afterFrom("to"));
/** The same window where both ends may be left out (the service fills them). */
export const openWindow = z.object({ from: instantIn.optional(), to: instantIn.optional() }).refine((w) => !w.from || !w.to || w.to > w.from, afterFrom("to"));
/** The capacity pages call the end of a period `until`. */
export const period = z.object({ from: instantIn, until: instantIn }).refine((p) => p.until > p.from, afterFrom("until"));

const decimalString = { type: "string", pattern: "^-?[0-9]+$" } as const;

/** Integer micro-dollars ($1 = 1,000,000); REST sends them as decimal strings so no client rounds them. */
export const micros = (description = "Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. \"1460000\" for $1.46.") =>
  z.bigint().meta({ description, override: decimalString });
export const microsOut = micros();

/** Money as input: whole micro-dollars, at most $1 billion. */
export const microsIn = z.bigint({ message: "must be an amount in micro-dollars" }).min(0n, "must not be negative").max(10n ** 15n, "is too large");

/** Unrounded cost-ledger amounts, counted in 1/exactUnitsPerMicro micro-dollar. */
export const exactAmount = (description = "Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.") =>
  z.bigint().meta({ description, override: decimalString });

/** Epoch milliseconds (UTC), as the cost ledger counts time. */
export const epochMs = z.number().meta({ description: "Epoch milliseconds (UTC)." });

/** A whole number in [min, max], the message naming what it counts. */
export const whole = (min: number, max: number, label?: string) => {
  const of = label ? ` of ${label}` : "";
  return z.number({ message: `must be a number${of}` }).int(`must be a whole number${of}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
};
