"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useOutcomeToasts } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";

/** Leaves the queue; the entries behind move up at once. */
export function WithdrawButton({ entryId }: { entryId: string }) {
  const trpc = useTRPC();
  const withdraw = useMutation(trpc.waitlist.cancel.mutationOptions(useOutcomeToasts("Withdrawn from the queue")));
  return (
    <Button size="sm" variant="secondary" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ entryId })}>
      Withdraw
    </Button>
  );
}
