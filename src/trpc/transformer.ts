import superjson from "superjson";
import type { CombinedDataTransformer } from "@trpc/server";
import { oncePerFrozenValue } from "@/core/deep-freeze";
import { deserializeOutput, serializeOutput } from "./wire-format";

/**
 * How tRPC carries Date, bigint and undefined over HTTP. Inputs (the hostile side, fuzzed) stay
 * on superjson. Outputs, which come only from our server, use wire-format.ts: superjson records a
 * path for every Date and bigint and devalue walks every value in JavaScript, so an 8-year savings
 * report cost 25 or 13 ms to encode; one native JSON pass costs about 2. A frozen output (an
 * answer a service keeps for many requests) is encoded once.
 */
export const transformer: CombinedDataTransformer = {
  input: superjson,
  output: { serialize: oncePerFrozenValue(serializeOutput), deserialize: (text: string) => deserializeOutput(text) },
};
