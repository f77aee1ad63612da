import { can } from "@/core/permissions";
import type { Role } from "@/core/roles";

/**
 * Where "Admin" leads a person: admins land on the request queue (deciding requests is what
 * they do there every day), user managers on the users, leadership on the audit log; null when
 * no admin page is theirs. The navigation and `/admin` itself both go here.
 */
export function adminHome(roles: readonly Role[]): { href: string; label: string } | null {
  if (can(roles, "slices:decide")) return { href: "/admin/queue", label: "Admin" };
  if (can(roles, "users:manage")) return { href: "/admin/users", label: "Admin" };
  if (can(roles, "audit:read")) return { href: "/admin/audit", label: "Audit log" };
  return null;
}
