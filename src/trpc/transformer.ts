import * as devalue from "devalue";
import superjson from "superjson";
import type { CombinedDataTransformer } from "@trpc/server";

/**
 * How tRPC carries Date, bigint and undefined over HTTP. Inputs (the hostile side, fuzzed) stay
 * on superjson. Outputs, which come only from our server, use devalue: superjson records a path
 * for every Date and bigint, so an 8-year savings report cost 40 ms and 550 KB to encode, against
 * 6 ms and 260 KB with devalue (measured in process on the benchmark dataset).
 */
export const transformer: CombinedDataTransformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) => devalue.stringify(value),
    deserialize: (text: string) => devalue.parse(text),
  },
};
