"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { CHANNEL_LABELS, CHANNELS, type Channel, type EventKind } from "@/core/notifications/kinds";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { ActionForm } from "@/components/ui/form";
import { useOutcomeToasts } from "@/components/use-success";

type KindRow = { kind: EventKind; label: string; channels: Channel[] };

export function PreferencesForm({ kinds, emailEnabled, hasWebhook }: { kinds: KindRow[]; emailEnabled: boolean; hasWebhook: boolean }) {
  const trpc = useTRPC();
  const [chosen, setChosen] = useState(() => new Map(kinds.map((k) => [k.kind, new Set(k.channels)])));
  const save = useMutation(
    trpc.notifications.savePreferences.mutationOptions(useOutcomeToasts("Notification settings saved")),
  );
  const toggle = (kind: EventKind, channel: Channel) =>
    setChosen((current) => {
      const next = new Map(current);
      const set = new Set(next.get(kind));
      if (set.has(channel)) set.delete(channel);
      else set.add(channel);
      next.set(kind, set);
      return next;
    });
  const note = (channel: Channel) => (channel === "email" && !emailEnabled ? " (off)" : channel === "webhook" && !hasWebhook ? " (set one up)" : "");

  return (
    <ActionForm
      aria-label="Notification preferences"
      onSubmit={() => save.mutate({ preferences: kinds.map((k) => ({ kind: k.kind, channels: [...(chosen.get(k.kind) ?? [])] })) })}
      className="space-y-4"
    >
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Channels for each kind of message</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-4 font-medium">Message</th>
              {CHANNELS.map((c) => (
                <th key={c} scope="col" className="px-3 py-2 text-center font-medium whitespace-nowrap">{CHANNEL_LABELS[c]}{note(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {kinds.map((k) => (
              <tr key={k.kind}>
                <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-800">{k.label}</th>
                {CHANNELS.map((c) => (
                  <td key={c} className="px-3 py-2 text-center">
                    <input
                      type="checkbox"
                      className="size-4 accent-indigo-600"
                      aria-label={`${k.label}: ${CHANNEL_LABELS[c]}`}
                      checked={chosen.get(k.kind)?.has(c) ?? false}
                      onChange={() => toggle(k.kind, c)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button type="submit" loading={save.isPending}>Save settings</Button>
    </ActionForm>
  );
}
