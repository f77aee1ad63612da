import { z } from "zod";

/**
 * Output pieces shared by the procedures on the REST API. tRPC gets the values as they are
 * (superjson carries Date and bigint); REST clients get JSON, so the OpenAPI document describes
 * what JSON.stringify and rest/json.ts make of them. Zod's `.meta()` replaces (not merges) a
 * schema's metadata, hence functions that take the description.
 */

/** A UTC instant; JSON carries it as an ISO 8601 string. */
export const instant = (description?: string) => z.date().meta({ description, override: { type: "string", format: "date-time" } as const });
export const instantOut = instant();

const decimalString = { type: "string", pattern: "^-?[0-9]+$" } as const;

/** Integer micro-dollars ($1 = 1,000,000); REST sends them as decimal strings so no client rounds them. */
export const micros = (description = "Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. \"1460000\" for $1.46.") =>
  z.bigint().meta({ description, override: decimalString });
export const microsOut = micros();

/** Unrounded cost-ledger amounts, counted in 1/exactUnitsPerMicro micro-dollar. */
export const exactAmount = (description = "Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.") =>
  z.bigint().meta({ description, override: decimalString });

export const ref = z.object({ id: z.string(), name: z.string() });

/** Epoch milliseconds (UTC), as the cost ledger counts time. */
export const epochMs = z.number().meta({ description: "Epoch milliseconds (UTC)." });
