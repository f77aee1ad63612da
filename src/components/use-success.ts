"use client";

import { useRouter } from "next/navigation";
import { describeError } from "@/components/trpc-error";
import { useToast } from "@/components/ui/toast";

/**
 * What a form does after a successful change: say so in a toast (the message may depend on the
 * result), close its dialog or clear its fields, and re-render the server components so the page
 * shows the new state.
 */
export function useSuccess<T = unknown>(message: string | ((result: T) => string), onDone?: (result: T) => void) {
  const router = useRouter();
  const toast = useToast();
  return (result: T) => {
    toast.success(typeof message === "string" ? message : message(result));
    onDone?.(result);
    router.refresh();
  };
}

/** The callbacks of a one-click change: a toast either way, and the page re-rendered after success. */
export function useOutcomeToasts<T = unknown>(message: string | ((result: T) => string), onDone?: (result: T) => void) {
  const toast = useToast();
  return { onSuccess: useSuccess(message, onDone), onError: (error: unknown) => toast.error(describeError(error).message) };
}
