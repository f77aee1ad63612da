"use client";

import { PageError } from "@/components/shell/page-error";

/** The signed-in layout itself failed (it reads the session's user), so there is no shell to keep. */
export default function RootError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <PageError error={error} retry={retry} />
    </main>
  );
}
