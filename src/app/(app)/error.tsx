"use client";

import { PageError } from "@/components/shell/page-error";

/** A page of the signed-in area failed; the shell around it still works. */
export default function ErrorPage({ error, unstable_retry }: { error: Error & { digest?: string }; unstable_retry: () => void }) {
  return <PageError error={error} retry={unstable_retry} />;
}
