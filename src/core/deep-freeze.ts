/**
 * Freezes a value and everything it holds (arrays, plain objects, Dates), in place, and returns it.
 * An answer kept for many requests is frozen so nothing can change it for the next reader; a
 * frozen answer also lets later steps (output check, encoding) keep their work per answer.
 * Frozen parts are not walked again, so freezing an answer that shares frozen parts is cheap.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (value instanceof Date) return value;
  if (value instanceof Map || value instanceof Set) throw new Error("deepFreeze cannot freeze the contents of a Map or Set.");
  for (const item of Array.isArray(value) ? value : Object.values(value)) deepFreeze(item);
  return value;
}

export const isFrozenObject = (value: unknown): value is object => typeof value === "object" && value !== null && Object.isFrozen(value);

/**
 * `work` done once per frozen value and kept beside it for as long as the value lives; any other
 * value may still change, so it is worked on afresh. The work after a service on each answer (the
 * REST form, the JSON text) is a function of the answer alone, and services hand one frozen
 * answer to many requests from their caches: the savings report (265 KB) was encoded anew on
 * every request.
 */
export function oncePerFrozenValue<T>(work: (value: unknown) => T): (value: unknown) => T {
  const done = new WeakMap<object, T>();
  return (value) => {
    if (!isFrozenObject(value)) return work(value);
    let result = done.get(value);
    if (result === undefined) {
      result = work(value);
      done.set(value, result);
    }
    return result;
  };
}
