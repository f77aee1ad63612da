import { describe, expect, it } from "vitest";
import { ALL_ACTIONS, can, PERMISSIONS, rolesAllowedTo, type Action } from "./permissions";
import { ROLES } from "./roles";

// The expected reach of each role, written out by hand so a change to the table is a reviewed change here too.
const expected: Record<Action, { member: boolean; admin: boolean; leadership: boolean }> = {
  "profile:read": { member: true, admin: true, leadership: true },
  "inventory:read": { member: true, admin: true, leadership: true },
  "schedule:read": { member: true, admin: true, leadership: true },
  "slices:request": { member: true, admin: true, leadership: false },
  "tokens:read": { member: true, admin: true, leadership: true },
  "tokens:manage": { member: true, admin: true, leadership: false },
  "slices:decide": { member: false, admin: true, leadership: false },
  "inventory:manage": { member: false, admin: true, leadership: false },
  "builds:manage": { member: false, admin: true, leadership: false },
  "prices:manage": { member: false, admin: true, leadership: false },
  "quotas:manage": { member: false, admin: true, leadership: false },
  "users:read": { member: false, admin: true, leadership: true },
  "users:manage": { member: false, admin: true, leadership: false },
  "teams:manage": { member: false, admin: true, leadership: false },
  "audit:read": { member: false, admin: true, leadership: true },
  "savings:read": { member: false, admin: true, leadership: true },
  "import:manage": { member: false, admin: true, leadership: false },
  "export:read": { member: false, admin: true, leadership: true },
  "jobs:manage": { member: false, admin: true, leadership: false },
  "waitlist:read": { member: false, admin: true, leadership: true },
  "capacity:read": { member: false, admin: true, leadership: true },
};

describe("permission table", () => {
  it("lists exactly the actions of the expected matrix", () => {
    expect([...ALL_ACTIONS].sort()).toEqual(Object.keys(expected).sort());
  });

  for (const action of ALL_ACTIONS) {
    for (const role of ROLES) {
      it(`${role} ${expected[action][role] ? "may" : "may not"} ${action}`, () => {
        expect(can([role], action)).toBe(expected[action][role]);
      });
    }
  }

  it("leadership changes nothing: every leadership action is a read", () => {
    for (const action of PERMISSIONS.leadership) expect(action).toMatch(/:read$/);
  });

  it("admin may do everything any role may", () => {
    for (const action of ALL_ACTIONS) expect(can(["admin"], action)).toBe(true);
  });

  it("a person with no roles may do nothing", () => {
    for (const action of ALL_ACTIONS) expect(can([], action)).toBe(false);
  });

  it("several roles grant the union of their actions", () => {
    expect(can(["member", "leadership"], "slices:request")).toBe(true);
    expect(can(["member", "leadership"], "savings:read")).toBe(true);
    expect(can(["member", "leadership"], "users:manage")).toBe(false);
  });

  it("names the roles that grant an action", () => {
    expect(rolesAllowedTo("users:manage")).toEqual(["admin"]);
    expect(rolesAllowedTo("audit:read")).toEqual(["admin", "leadership"]);
  });
});
