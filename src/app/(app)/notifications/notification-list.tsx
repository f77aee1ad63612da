"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { LocalTime } from "@/components/time/local-time";
import { describeError } from "@/components/trpc-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/react";

type Item = RouterOutputs["notifications"]["list"][number];

/** After marking read: the page's list and the header's count both refresh. */
function useAfterRead() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  return () => {
    router.refresh();
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() });
  };
}

export function NotificationList({ items }: { items: Item[] }) {
  const trpc = useTRPC();
  const afterRead = useAfterRead();
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions());
  return (
    <ul aria-label="Notifications" className="divide-y divide-slate-200">
      {items.map((n) => (
        <li key={n.id} className={clsx("flex gap-3 px-5 py-4", !n.readAt && "bg-indigo-50/60")}>
          <span aria-hidden="true" className={clsx("mt-1.5 size-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-indigo-600")} />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <Link
                href={n.link}
                onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] }, { onSuccess: afterRead })}
                className="font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              >
                {n.title}
              </Link>
              {!n.readAt && <Badge tone="info">New</Badge>}
            </div>
            <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{n.body}</p>
            <p className="mt-1 text-xs text-slate-600"><LocalTime at={n.createdAt} /></p>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function MarkAllRead() {
  const trpc = useTRPC();
  const afterRead = useAfterRead();
  const toast = useToast();
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: afterRead,
      onError: (e) => toast.error(describeError(e).message),
    }),
  );
  return (
    <Button variant="secondary" loading={markRead.isPending} onClick={() => markRead.mutate({})}>
      Mark all as read
    </Button>
  );
}
