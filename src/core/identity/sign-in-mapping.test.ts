import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles";
import { guardLastAdminAtSignIn, mapSignIn, type SignInMapping } from "./sign-in-mapping";

const mapping: SignInMapping = {
  groupsClaim: "groups",
  adminGroups: ["gpu-admins"],
  leadershipGroups: ["managers"],
  bootstrapAdminEmails: [],
  teamGroups: [
    { group: "ds-nlp", team: "NLP" },
    { group: "ds-vision", team: "Vision" },
  ],
};

describe("mapSignIn", () => {
  it("maps groups to roles and team, and lists the claim names it received", () => {
    const claims = { sub: "1", email: "a@x.io", groups: ["ds-vision", "gpu-admins"], nonce: "n" };
    expect(mapSignIn(claims, "a@x.io", mapping)).toEqual({
      claimNames: ["email", "groups", "nonce", "sub"],
      groupsClaimPresent: true,
      groups: ["ds-vision", "gpu-admins"],
      roles: ["admin"],
      team: "Vision",
      warnings: [],
    });
  });

  it("an empty groups claim is an answer, not a missing scope", () => {
    const mapped = mapSignIn({ sub: "1", groups: [] }, "a@x.io", mapping);
    expect(mapped).toMatchObject({ groupsClaimPresent: true, roles: ["member"], team: null, warnings: [] });
  });

  it("warns when no groups claim arrived while group maps are configured", () => {
    const mapped = mapSignIn({ sub: "1", email: "a@x.io" }, "a@x.io", mapping);
    expect(mapped.groupsClaimPresent).toBe(false);
    expect(mapped.warnings).toEqual([expect.stringContaining("did you add the groups scope")]);
  });

  it("stays quiet about a missing groups claim when no group map is configured", () => {
    const quiet = { ...mapping, adminGroups: [], leadershipGroups: [], teamGroups: [] };
    expect(mapSignIn({ sub: "1" }, "a@x.io", quiet).warnings).toEqual([]);
  });

  it("reads a nested, differently named claim", () => {
    const keycloak = { ...mapping, groupsClaim: "realm_access.roles" };
    const mapped = mapSignIn({ realm_access: { roles: ["managers", "ds-nlp"] } }, "a@x.io", keycloak);
    expect(mapped).toMatchObject({ groupsClaimPresent: true, roles: ["leadership"], team: "NLP" });
    expect(mapSignIn({ realm_access: {} }, "a@x.io", keycloak).groupsClaimPresent).toBe(false);
  });
});

describe("guardLastAdminAtSignIn", () => {
  it.each<[string, Role[], Role[], Role[], number, Role[], boolean]>([
    ["the last admin losing the group keeps admin", [], ["admin"], ["member"], 0, ["admin"], true],
    ["and keeps leadership beside it", [], ["admin"], ["leadership"], 0, ["admin", "leadership"], true],
    ["with another admin the role goes", [], ["admin"], ["member"], 1, ["member"], false],
    ["an admin by assignment needs no guard", ["admin"], [], ["member"], 0, ["member"], false],
    ["a member stays a member", [], ["member"], ["member"], 0, ["member"], false],
    ["an admin staying admin", [], ["admin"], ["admin"], 0, ["admin"], false],
  ])("%s", (_, assignedRoles, previousIdpRoles, newIdpRoles, otherActiveAdmins, idpRoles, keptAdmin) => {
    expect(guardLastAdminAtSignIn({ assignedRoles, previousIdpRoles, newIdpRoles, otherActiveAdmins })).toEqual({ idpRoles, keptAdmin });
  });

  it("never leaves a person who was the only admin without the role, and otherwise stores what the IdP said", () => {
    const roles = fc.subarray([...ROLES]);
    fc.assert(
      fc.property(roles, roles, roles, fc.nat(3), (assignedRoles, previousIdpRoles, newIdpRoles, otherActiveAdmins) => {
        const { idpRoles, keptAdmin } = guardLastAdminAtSignIn({ assignedRoles, previousIdpRoles, newIdpRoles, otherActiveAdmins });
        const wasAdmin = [...assignedRoles, ...previousIdpRoles].includes("admin");
        if (wasAdmin && otherActiveAdmins === 0) expect([...assignedRoles, ...idpRoles]).toContain("admin");
        if (!keptAdmin) expect(idpRoles).toEqual(newIdpRoles);
      }),
    );
  });
});
