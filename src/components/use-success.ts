"use client";

import { useRouter } from "next/navigation";
import { describeError } from "@/components/trpc-error";
import { useToast } from "@/components/ui/toast";

/**
 * What a form does after a successful change: say so in a toast, close its dialog if it has
 * one, and re-render the server components so the page shows the new state.
 */
export function useSuccess(message: string, onClose?: () => void) {
  const router = useRouter();
  const toast = useToast();
  return () => {
    toast.success(message);
    onClose?.();
    router.refresh();
  };
}

/** The callbacks of a one-click change: a toast either way, and the page re-rendered after success. */
export function useOutcomeToasts(message: string) {
  const toast = useToast();
  return { onSuccess: useSuccess(message), onError: (error: unknown) => toast.error(describeError(error).message) };
}
