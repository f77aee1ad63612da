"use client";

import { Button } from "./button";

/**
 * The Delete button of a list row (a team, a GPU model). While the row cannot go, it is disabled
 * and `blockedBy` says why in its tooltip.
 */
export function DeleteRowButton({ name, blockedBy, pending, onDelete }: { name: string; blockedBy: string | undefined; pending: boolean; onDelete: () => void }) {
  return (
    <Button size="sm" variant="ghost" disabled={blockedBy !== undefined} title={blockedBy} loading={pending} onClick={onDelete} aria-label={`Delete ${name}`}>
      Delete
    </Button>
  );
}
