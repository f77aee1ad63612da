"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useOutcomeToasts } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";

export function RetryJobButton({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const retry = useMutation(trpc.background.retryJob.mutationOptions(useOutcomeToasts("Job queued again")));
  return (
    <Button size="sm" variant="secondary" loading={retry.isPending} onClick={() => retry.mutate({ jobId })} aria-label={`Retry job ${jobId}`}>
      Retry
    </Button>
  );
}
