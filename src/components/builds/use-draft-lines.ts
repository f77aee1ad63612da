"use client";

import { useFocusLater } from "./use-focus-later";

/**
 * Editing a list of draft lines (parts, quotes): change one, add one at the end, remove one. Focus
 * follows: onto a new line's `addFocus` input, and after a removal onto the `removeFocus` input of
 * the line that took its place, or onto the add button (`addButtonId`) when none is left.
 */
export function useDraftLines<D extends { key: string }>(
  lines: D[],
  onChange: (lines: D[]) => void,
  { create, addFocus, removeFocus, addButtonId }: { create: () => D; addFocus: string; removeFocus: string; addButtonId: string },
) {
  const focusLater = useFocusLater();
  return {
    focusLater,
    update: (key: string, change: Partial<D>) => onChange(lines.map((line) => (line.key === key ? { ...line, ...change } : line))),
    add: () => {
      const line = create();
      onChange([...lines, line]);
      focusLater(`${line.key}-${addFocus}`);
      return line;
    },
    remove: (index: number) => {
      const next = lines.filter((_, i) => i !== index);
      onChange(next);
      const neighbour = next[index] ?? next[index - 1];
      focusLater(neighbour ? `${neighbour.key}-${removeFocus}` : addButtonId);
    },
  };
}
