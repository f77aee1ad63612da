import { can } from "@/core/permissions";
import type { Role } from "@/core/roles";

/** The main navigation: an area appears once it is built and the person may use it. */
export function navFor(roles: readonly Role[]) {
  return [
    can(roles, "inventory:read") ? { href: "/inventory", label: "Inventory" } : null,
    can(roles, "inventory:read") ? { href: "/builds", label: "Builds" } : null,
    can(roles, "users:manage")
      ? { href: "/admin/users", label: "Admin" }
      : can(roles, "audit:read")
        ? { href: "/admin/audit", label: "Audit log" }
        : null,
  ].filter((item) => item !== null);
}
