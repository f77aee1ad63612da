import { can } from "@/core/permissions";
import type { Role } from "@/core/roles";
import { adminHome } from "./admin/admin-home";

/** The main navigation: an area appears once it is built and the person may use it. */
export function navFor(roles: readonly Role[]) {
  return [
    can(roles, "inventory:read") ? { href: "/inventory", label: "Inventory" } : null,
    can(roles, "schedule:read") ? { href: "/schedule", label: "Schedule" } : null,
    can(roles, "slices:request") ? { href: "/slices", label: "My slices" } : null,
    can(roles, "inventory:read") ? { href: "/builds", label: "Builds" } : null,
    // Everyone has the page: the fleet's savings for those who may read them, one's own usage for the others.
    { href: "/savings", label: can(roles, "savings:read") ? "Savings" : "Usage" },
    can(roles, "capacity:read") ? { href: "/capacity", label: "Capacity" } : null,
    adminHome(roles),
  ].filter((item) => item !== null);
}
