"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { useTRPC } from "@/trpc/react";
import { useOutcomeToasts } from "@/components/use-success";

export function CalendarFeedForm({ url }: { url: string | null }) {
  const trpc = useTRPC();
  const regenerate = useMutation(
    trpc.notifications.regenerateCalendar.mutationOptions(useOutcomeToasts(url ? "New calendar link made; the old one no longer works" : "Calendar link made")),
  );
  return (
    <div className="space-y-4">
      {url && (
        <Field label="Subscription URL" htmlFor="calendar-url" hint="Add it in your calendar app as a subscribed (internet) calendar.">
          <Input id="calendar-url" readOnly value={url} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </Field>
      )}
      <Button variant={url ? "secondary" : "primary"} loading={regenerate.isPending} onClick={() => regenerate.mutate({ scope: "mine" })}>
        {url ? "Make a new link" : "Make my calendar link"}
      </Button>
    </div>
  );
}
