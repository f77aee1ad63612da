import type { ReactNode } from "react";
import { can } from "@/core/permissions";
import { currentActor } from "@/server/auth/session";
import { env } from "@/server/env";
import { AdminTabs } from "./admin-tabs";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const roles = (await currentActor())?.roles ?? [];
  const tabs = [
    can(roles, "slices:decide") && { href: "/admin/queue", label: "Requests" },
    can(roles, "waitlist:read") && { href: "/admin/waitlist", label: "Waitlist" },
    can(roles, "users:manage") && { href: "/admin/users", label: "Users" },
    can(roles, "teams:manage") && { href: "/admin/teams", label: "Teams" },
    can(roles, "quotas:manage") && { href: "/admin/quotas", label: "Quotas" },
    can(roles, "users:manage") && { href: "/admin/sign-in", label: "Sign-in" },
    can(roles, "audit:read") && { href: "/admin/audit", label: "Audit log" },
    can(roles, "teams:manage") && { href: "/admin/webhooks", label: "Webhooks" },
    can(roles, "jobs:manage") && { href: "/admin/jobs", label: "Jobs" },
    can(roles, "jobs:manage") && env().RIGSHARE_DEMO_IDP === "1" && { href: "/admin/outbox", label: "Outbox" },
  ].filter((tab) => tab !== false);
  return (
    <>
      {tabs.length > 1 && <AdminTabs tabs={tabs} />}
      {children}
    </>
  );
}
