"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";

/** Leaves the queue; the entries behind move up at once. */
export function WithdrawButton({ entryId }: { entryId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const withdraw = useMutation(
    trpc.waitlist.cancel.mutationOptions({
      onSuccess: () => {
        toast.success("Withdrawn from the queue");
        router.refresh();
      },
      onError: (error) => toast.error(describeError(error).message),
    }),
  );
  return (
    <Button size="sm" variant="secondary" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ entryId })}>
      Withdraw
    </Button>
  );
}
