/**
 * A path into a JSON document as people read it: `machines[2].gpus[1].model`. Used for the
 * `field` of API errors and for every problem an import reports.
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
