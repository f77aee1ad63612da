/**
 * REST responses are plain JSON, which has no bigint: money (integer micro-dollars, bigint in the
 * services) goes out as a decimal string such as "1460000", so no client rounds it through a
 * double. Dates become ISO 8601 strings through JSON.stringify as usual.
 */
export function toRestJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toRestJson);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toRestJson(item);
    return out;
  }
  return value;
}
