"use client";

import { ErrorState } from "@/components/ui/states";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="Something went wrong"
      message={`This page could not be shown. ${error.digest ? `Reference: ${error.digest}. ` : ""}Try again, or tell an admin if it keeps happening.`}
      retry={reset}
    />
  );
}
