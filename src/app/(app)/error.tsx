"use client";

import { PageError } from "@/components/shell/page-error";

/** A page of the signed-in area failed; the shell around it still works. */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}
