"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, useSyncExternalStore } from "react";
import { formatDateTime } from "@/components/format";
import { useViewerZone } from "@/components/time/zone-context";
import { describeError } from "@/components/trpc-error";
import { ActionForm, Field, Select } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";

const AUTOMATIC = "";
const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The zone the pages show times in: the browser's by default, or one chosen here (someone who
 * travels but plans in their home office's time). `zones` comes from the server so the list
 * rendered there and in the browser is the same.
 */
export function TimeZoneForm({ chosen, zones, now }: { chosen: string | null; zones: string[]; now: number }) {
  const trpc = useTRPC();
  const { zone } = useViewerZone();
  const [value, setValue] = useState(chosen ?? AUTOMATIC);
  // Known only in the browser: null on the server and while hydrating, so both render the same.
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  const save = useMutation(
    trpc.me.setTimeZone.mutationOptions({
      onSuccess: useSuccess((profile) => (profile.timeZone ? `Times are now shown in ${profile.timeZone}` : "Times now follow your browser's zone")),
    }),
  );
  const error = save.error ? describeError(save.error) : undefined;
  return (
    <ActionForm
      aria-label="Time zone"
      className="space-y-4"
      onSubmit={() => save.mutate({ timeZone: value === AUTOMATIC ? null : value })}
    >
      <Field
        label="Show times in"
        htmlFor="time-zone-choice"
        hint={`Now: ${formatDateTime(now, value === AUTOMATIC ? (browserZone ?? zone) : value)}. Forms take times in this zone; everything is stored in UTC.`}
        error={error?.message}
      >
        <Select id="time-zone-choice" value={value} onChange={(e) => setValue(e.target.value)}>
          <option value={AUTOMATIC}>{browserZone ? `Your browser's zone (${browserZone})` : "Your browser's zone"}</option>
          {zones.map((z) => (
            <option key={z} value={z}>{z.replaceAll("_", " ")}</option>
          ))}
        </Select>
      </Field>
      <SubmitButton loading={save.isPending} disabled={value === (chosen ?? AUTOMATIC)}>Save time zone</SubmitButton>
    </ActionForm>
  );
}
