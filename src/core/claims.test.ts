import { describe, expect, it } from "vitest";
import { readGroups, rolesFromClaims, type ClaimMapping } from "./claims";
import { effectiveRoles } from "./roles";

const mapping: ClaimMapping = {
  groupsClaim: "groups",
  adminGroups: ["gpu-admins"],
  leadershipGroups: ["managers", "execs"],
  bootstrapAdminEmails: ["Root@Example.com"],
};

describe("readGroups", () => {
  it.each([
    [{ groups: ["a", "b"] }, "groups", ["a", "b"]],
    [{ groups: "a b,c" }, "groups", ["a", "b", "c"]],
    [{ groups: ["a", 3, null] }, "groups", ["a"]],
    [{}, "groups", []],
    [{ groups: 42 }, "groups", []],
    [{ realm_access: { roles: ["x"] } }, "realm_access.roles", ["x"]],
    [{ realm_access: null }, "realm_access.roles", []],
  ])("reads %j at %s", (claims, path, groups) => {
    expect(readGroups(claims, path)).toEqual(groups);
  });
});

describe("rolesFromClaims", () => {
  it.each([
    [{ groups: [] }, "a@example.com", ["member"]],
    [{ groups: ["gpu-admins"] }, "a@example.com", ["admin"]],
    [{ groups: ["execs"] }, "a@example.com", ["leadership"]],
    [{ groups: ["gpu-admins", "managers"] }, "a@example.com", ["admin", "leadership"]],
    [{ groups: ["unrelated"] }, "a@example.com", ["member"]],
    [{}, "root@example.com", ["admin"]],
    [{ groups: "managers" }, "ROOT@example.com", ["admin", "leadership"]],
  ])("maps %j for %s to %j", (claims, email, roles) => {
    expect(rolesFromClaims(claims, email, mapping)).toEqual(roles);
  });

  it("follows a custom claim name", () => {
    const roles = rolesFromClaims({ roles: ["gpu-admins"] }, "x@y.z", { ...mapping, groupsClaim: "roles" });
    expect(roles).toEqual(["admin"]);
  });
});

describe("effectiveRoles", () => {
  it("unites assigned and IdP roles in a stable order without duplicates", () => {
    expect(effectiveRoles(["leadership", "member"], ["member", "admin"])).toEqual(["member", "admin", "leadership"]);
    expect(effectiveRoles([], [])).toEqual([]);
  });
});
