import { ZodRealError, type ZodError, type core } from "zod";

export const REQUIRED_MESSAGE = "is required";

/** The value at `path` inside `input`, and whether the path reached it through existing keys. */
function presence(input: unknown, path: readonly PropertyKey[]): boolean {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key as string)) return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node !== undefined;
}

/**
 * zod words a missing field as a wrong one ("Invalid option: expected one of …", "must be a
 * date"), which reads as if something had been sent. Every issue about a field the caller did
 * not send says "is required" instead, whatever the schema's own message for a bad value.
 */
export function namingMissingFields(error: ZodError, input: unknown): ZodError {
  let changed = false;
  const issues = error.issues.map((issue): core.$ZodIssue => {
    if (issue.code === "custom" || presence(input, issue.path)) return issue;
    changed = true;
    return { ...issue, message: REQUIRED_MESSAGE };
  });
  // The "real" error is an Error, as zod's own parse errors are: adapters check `instanceof Error`.
  return changed ? new ZodRealError(issues) : error;
}
