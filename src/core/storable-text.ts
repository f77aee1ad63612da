import { formatFieldPath } from "./field-path";

/** PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate has no UTF-8 form at all. */
export const UNSTORABLE_TEXT_MESSAGE = "must not contain NUL characters (\\u0000) or unpaired surrogates";

/** In unicode mode a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;

function storable(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

/**
 * The path of the first string anywhere in `value` that PostgreSQL could not store, or null.
 * Checked on every API input before validation, so such text is refused naming its field instead of
 * failing deep inside a write. Object keys are checked too: they end up in stored JSON. A loop, not
 * recursion: a hostile body may nest arrays tens of thousands deep.
 */
export function unstorableTextPath(value: unknown): string | null {
  const pending: Step[] = [{ value, key: null, parent: null }];
  for (let step = pending.pop(); step; step = pending.pop()) {
    const item = step.value;
    if (typeof item === "string") {
      if (!storable(item)) return pathOf(step);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push({ value: item[i], key: i, parent: step });
    } else if (item !== null && typeof item === "object" && !(item instanceof Date)) {
      const entries = Object.entries(item);
      for (const [key] of entries) if (!storable(key)) return pathOf({ value: null, key, parent: step });
      for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i]![1], key: entries[i]![0], parent: step });
    }
  }
  return null;
}

/** A value on the walk, linked to its parent so the path is only built for the one that fails. */
interface Step {
  value: unknown;
  key: PropertyKey | null;
  parent: Step | null;
}

function pathOf(step: Step): string {
  const path: PropertyKey[] = [];
  for (let at: Step | null = step; at && at.key !== null; at = at.parent) path.push(at.key);
  return formatFieldPath(path.reverse()) || "input";
}
