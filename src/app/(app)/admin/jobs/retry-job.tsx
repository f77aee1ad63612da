"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";

export function RetryJobButton({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const retry = useMutation(
    trpc.background.retryJob.mutationOptions({
      onSuccess: () => {
        toast.success("Job queued again");
        router.refresh();
      },
      onError: (e) => toast.error(describeError(e).message),
    }),
  );
  return (
    <Button size="sm" variant="secondary" loading={retry.isPending} onClick={() => retry.mutate({ jobId })} aria-label={`Retry job ${jobId}`}>
      Retry
    </Button>
  );
}
