import { deepFreeze, isFrozenObject, oncePerFrozenValue } from "@/core/deep-freeze";

/**
 * REST responses are plain JSON, which has no bigint: money (integer micro-dollars, bigint in the
 * services) goes out as a decimal string such as "1460000", so no client rounds it through a
 * double. Dates become ISO 8601 strings through JSON.stringify as usual. A frozen answer (one a
 * service keeps for many requests) is converted once, and its REST form is frozen in turn.
 */
export const toRestJson: (value: unknown) => unknown = oncePerFrozenValue((value) => (isFrozenObject(value) ? deepFreeze(restJson(value)) : restJson(value)));

function restJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(restJson);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = restJson(item);
    return out;
  }
  return value;
}
