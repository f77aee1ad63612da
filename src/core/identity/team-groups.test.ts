import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTeamGroups, teamFromGroups } from "./team-groups";

describe("parseTeamGroups", () => {
  it.each([
    ["", { ok: true, map: [] }],
    ["ds-nlp=NLP,ds-vision=Vision", { ok: true, map: [{ group: "ds-nlp", team: "NLP" }, { group: "ds-vision", team: "Vision" }] }],
    [" a = Team A , b=B ,", { ok: true, map: [{ group: "a", team: "Team A" }, { group: "b", team: "B" }] }],
    ["ds-nlp", { ok: false, message: '"ds-nlp" is not group=Team (e.g. ds-nlp=NLP)' }],
    ["=NLP", { ok: false, message: '"=NLP" is not group=Team (e.g. ds-nlp=NLP)' }],
    ["a=", { ok: false, message: '"a=" is not group=Team (e.g. ds-nlp=NLP)' }],
    ["a=X,a=Y", { ok: false, message: 'group "a" is mapped twice' }],
  ])("%j", (text, result) => {
    expect(parseTeamGroups(text)).toEqual(result);
  });
});

describe("teamFromGroups", () => {
  const map = [
    { group: "ds-nlp", team: "NLP" },
    { group: "ds-vision", team: "Vision" },
  ];
  it.each([
    [["ds-vision"], "Vision"],
    [["other", "ds-nlp"], "NLP"],
    [["ds-vision", "ds-nlp"], "NLP"],
    [[], null],
    [["DS-NLP"], null],
  ])("%j → %s", (groups, team) => {
    expect(teamFromGroups(groups, map)).toBe(team);
  });

  it("gives the team of the first map entry the person holds, whatever the order of their groups", () => {
    const entry = fc.record({ group: fc.string({ minLength: 1, maxLength: 4 }), team: fc.string({ minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.array(fc.string({ maxLength: 4 }), { maxLength: 6 }), (map, groups) => {
        const expected = map.find((e) => groups.includes(e.group))?.team ?? null;
        expect(teamFromGroups(groups, map)).toBe(expected);
        expect(teamFromGroups([...groups].reverse(), map)).toBe(expected);
      }),
    );
  });
});
