"use client";

import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { useTRPC } from "@/trpc/react";

/** The header's bell: the unread count, refreshed every 30 s and on each navigation. */
export function NotificationBell() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { refetchInterval: 30_000 }));
  const { refetch } = unread;
  useEffect(() => void refetch(), [pathname, refetch]);
  const count = unread.data ?? 0;
  const label = count === 0 ? "Notifications" : `Notifications, ${count} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative flex size-9 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <Bell aria-hidden="true" className="size-5" />
      {count > 0 && (
        <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 min-w-4.5 rounded-full bg-rose-600 px-1 text-center text-[11px] leading-4.5 font-semibold text-white">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
