import { describe, expect, it } from "vitest";
import { ROLES } from "@/core/roles";
import { can } from "@/core/permissions";
import { adminHome } from "./admin-home";

describe("adminHome", () => {
  it.each([
    [["admin"], "/admin/queue"],
    [["leadership"], "/admin/audit"],
    [["member", "leadership"], "/admin/audit"],
    [["member"], null],
  ] as const)("for %j is %s", (roles, href) => {
    expect(adminHome(roles)?.href ?? null).toBe(href);
  });

  it("is a page the person may open, for every single role", () => {
    for (const role of ROLES) {
      const home = adminHome([role]);
      const needs = { "/admin/queue": "slices:decide", "/admin/users": "users:manage", "/admin/audit": "audit:read" } as const;
      if (home) expect(can([role], needs[home.href as keyof typeof needs])).toBe(true);
      else expect(Object.values(needs).some((action) => can([role], action))).toBe(false);
    }
  });
});
