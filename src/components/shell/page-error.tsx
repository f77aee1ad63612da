"use client";

import { useEffect, useState } from "react";
import { ErrorState } from "@/components/ui/states";

/**
 * What a page shows when it failed on the server. Production hides server error messages from
 * the browser, so the likeliest cause people can act on (the database is away) is found by asking
 * the health check, which answers 503 while it is.
 */
export function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/health", { signal: controller.signal, cache: "no-store" })
      .then((response) => setDatabaseDown(response.status === 503))
      .catch(() => undefined);
    return () => controller.abort();
  }, [error]);

  const reference = error.digest ? ` Reference: ${error.digest}.` : "";
  return databaseDown ? (
    <ErrorState
      title="Rigshare cannot reach its database"
      message={`Nothing you saved is lost: pages and requests work again as soon as the database is back, without a restart. Try again in a moment.${reference}`}
      retry={retry}
    />
  ) : (
    <ErrorState title="Something went wrong" message={`This page could not be shown. Try again, or tell an admin if it keeps happening.${reference}`} retry={retry} />
  );
}
