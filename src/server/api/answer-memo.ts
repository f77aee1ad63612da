import type { z } from "zod";
import { deepFreeze, isFrozenObject } from "@/core/deep-freeze";

const installed = new WeakSet<z.ZodType>();

/**
 * Lets an output schema check each frozen answer once: later checks of the same answer get the
 * first one's result, frozen, so the steps after it can keep their work too; a failed check is
 * not kept. Any other value is checked as always. The schema stays the contract's own object
 * (the OpenAPI document finds its name by it), so its `parseAsync`, which tRPC's `.output()` binds
 * when it is called, is replaced in place; every other use of the schema is unchanged.
 */
export function checkedOncePerAnswer<S extends z.ZodType>(schema: S): S {
  if (installed.has(schema)) return schema;
  installed.add(schema);
  const parseAsync = schema.parseAsync.bind(schema);
  const results = new WeakMap<object, Promise<unknown>>();
  Object.defineProperty(schema, "parseAsync", {
    value: (value: unknown, params?: Parameters<S["parseAsync"]>[1]) => {
      if (params !== undefined || !isFrozenObject(value)) return parseAsync(value, params);
      let result = results.get(value);
      if (!result) {
        result = parseAsync(value).then(deepFreeze);
        results.set(value, result);
        result.catch(() => results.delete(value));
      }
      return result;
    },
  });
  return schema;
}
