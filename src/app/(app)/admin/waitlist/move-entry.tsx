"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionForm, Input } from "@/components/ui/form";
import { useTRPC } from "@/trpc/react";
import { useOutcomeToasts } from "@/components/use-success";

/** Moves one waiting request to a position; the reason goes to the audit log. */
export function MoveEntry({ entryId, position, length, who }: { entryId: string; position: number; length: number; who: string }) {
  const trpc = useTRPC();
  const [to, setTo] = useState(String(position));
  const [reason, setReason] = useState("");
  const move = useMutation(
    trpc.waitlist.move.mutationOptions(useOutcomeToasts(`Moved ${who}'s request to position ${to}`, () => setReason(""))),
  );
  return (
    <ActionForm
      className="flex flex-wrap items-center gap-2"
      onSubmit={() => move.mutate({ entryId, position: Number(to), reason })}
    >
      <label className="sr-only" htmlFor={`pos-${entryId}`}>New position for {who}</label>
      <Input id={`pos-${entryId}`} className="w-16" type="number" min={1} max={length} value={to} onChange={(e) => setTo(e.target.value)} />
      <label className="sr-only" htmlFor={`why-${entryId}`}>Reason for moving {who}</label>
      <Input id={`why-${entryId}`} className="w-44" placeholder="Reason (audited)" value={reason} onChange={(e) => setReason(e.target.value)} />
      <Button type="submit" size="sm" variant="secondary" disabled={move.isPending || reason.trim().length < 3}>Move</Button>
    </ActionForm>
  );
}
