import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINUX_USERNAME_MAX, linuxUsernameProblem } from "./linux-username";

describe("linuxUsernameProblem", () => {
  it.each([
    ["alice", null],
    ["_svc", null],
    ["ana-maria_2", null],
    ["a".repeat(32), null],
    ["", "is required"],
    ["a".repeat(33), "must be at most 32 characters"],
    ["2fast", "must start with a lower-case letter or an underscore"],
    ["-dash", "must start with a lower-case letter or an underscore"],
    ["Alice", "must start with a lower-case letter or an underscore"],
    ["alIce", "may hold only lower-case letters, digits, underscores and hyphens"],
    ["al ice", "may hold only lower-case letters, digits, underscores and hyphens"],
    ["al.ice", "may hold only lower-case letters, digits, underscores and hyphens"],
    ["root", '"root" belongs to the system on every machine'],
    ["nobody", '"nobody" belongs to the system on every machine'],
  ])("%j → %s", (name, problem) => {
    expect(linuxUsernameProblem(name)).toBe(problem);
  });

  it("accepts exactly the names useradd's default NAME_REGEX accepts, up to 32 characters, bar system names", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abz_-09Z. é"), maxLength: 40 }), (name) => {
        const posix = /^[a-z_][a-z0-9_-]*$/.test(name) && name.length <= LINUX_USERNAME_MAX;
        const problem = linuxUsernameProblem(name);
        if (!posix) expect(problem).not.toBeNull();
        else if (problem !== null) expect(problem).toMatch(/belongs to the system/);
      }),
    );
  });
});
