"use client";

import { useMutation } from "@tanstack/react-query";
import { Monitor } from "lucide-react";
import { formatDateTime } from "@/components/format";
import { LocalTime } from "@/components/time/local-time";
import { useViewerZone } from "@/components/time/zone-context";
import { describeError } from "@/components/trpc-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useSuccess } from "@/components/use-success";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";

type Session = inferRouterOutputs<AppRouter>["me"]["sessions"][number];

/** One's browser sessions, each with its own sign-out (a lost laptop, a shared computer). */
export function SessionsList({ sessions }: { sessions: Session[] }) {
  const trpc = useTRPC();
  const { zone } = useViewerZone();
  const done = useSuccess("Session signed out");
  const revoke = useMutation(trpc.me.revokeSession.mutationOptions({ onSuccess: done }));
  const error = revoke.error ? describeError(revoke.error) : undefined;
  return (
    <>
      <ul className="divide-y divide-slate-200">
        {sessions.map((session) => (
          <li key={session.id} className="flex items-center gap-3 py-3 first:pt-0 last:pb-0">
            <Monitor aria-hidden="true" className="size-5 shrink-0 text-slate-400" />
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium text-slate-900">
                {session.device} {session.current && <Badge tone="success">This browser</Badge>}
              </p>
              <p className="text-slate-600">
                Signed in <LocalTime at={session.createdAt} /> · last seen <LocalTime at={session.lastSeenAt} />
              </p>
            </div>
            {!session.current && (
              <Button
                size="sm"
                variant="secondary"
                loading={revoke.isPending && revoke.variables?.sessionId === session.id}
                onClick={() => revoke.mutate({ sessionId: session.id })}
                aria-label={`Sign out ${session.device}, signed in ${formatDateTime(session.createdAt, zone)}`}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="mt-3 text-sm text-red-700">{error.message}</p>}
    </>
  );
}
