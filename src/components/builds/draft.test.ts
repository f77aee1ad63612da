import { describe, expect, it } from "vitest";
import { checkBuild } from "@/core/builds/checks";
import { buildTotalMicros } from "@/core/builds/parts";
import { SEED_BUILD_ZEUS, SEED_QUOTE_LAMBDA } from "@seed/build-parts";
import { coreParts, draftOf, emptyPart, readDraft, sameSave, type BuildDraft } from "./draft";
import { dollarsInputText, parseDollars, usd } from "./money";
import { specsSummary } from "./spec-fields";

describe("parseDollars", () => {
  it.each([
    ["699", 699_000_000],
    ["$1,299.99", 1_299_990_000],
    ["0.10", 100_000],
    [".5", 500_000],
    ["12.", 12_000_000],
    ["0.031611", 31_611],
    [" $ 10 ", 10_000_000],
    ["1000000000", 1_000_000_000_000_000],
  ])("%s is %d micro-dollars, exactly", (text, micros) => {
    expect(parseDollars(text)).toEqual({ micros });
  });

  it.each([
    ["", "must not be empty"],
    ["-5", "must be an amount in dollars, like 699 or 1,299.99"],
    ["1,29", "must be an amount in dollars, like 699 or 1,299.99"],
    ["12abc", "must be an amount in dollars, like 699 or 1,299.99"],
    [".", "must be an amount in dollars, like 699 or 1,299.99"],
    ["1.0000001", "must have at most 6 decimals (a micro-dollar)"],
    ["1000000000.01", "must be at most $1,000,000,000.00"],
    ["99999999999999999999", "must be at most $1,000,000,000.00"],
  ])("refuses %j: %s", (text, error) => {
    expect(parseDollars(text)).toEqual({ error });
  });

  it("round-trips what the editor shows", () => {
    for (const micros of [0, 1, 100_000, 699_000_000, 1_299_990_000, 31_611, 1_000_000_000_000_000]) {
      expect(parseDollars(dollarsInputText(micros))).toEqual({ micros });
    }
    expect(dollarsInputText(699_000_000)).toBe("699.00");
    expect(dollarsInputText(31_611)).toBe("0.031611");
    expect(usd(1_299_995_000)).toBe("$1,300.00");
  });
});

const zeusDraft = (): BuildDraft =>
  draftOf({ name: "Zeus", status: "in_service", notes: "", parts: SEED_BUILD_ZEUS, quotes: [{ id: "q1", ...SEED_QUOTE_LAMBDA }] });

describe("readDraft", () => {
  it("gives back the build it was made from, so checks and totals match the server's", () => {
    const draft = zeusDraft();
    const { payload, errors } = readDraft(draft);
    expect(errors).toEqual({});
    const parts = coreParts(draft, payload);
    expect(buildTotalMicros(parts)).toBe(5_992_000_000);
    expect(checkBuild(parts)).toEqual(checkBuild(SEED_BUILD_ZEUS));
    expect(payload.quotes).toEqual([SEED_QUOTE_LAMBDA]);
  });

  it("reports each bad field by line key and keeps the rest usable", () => {
    const draft = zeusDraft();
    const [gpu, cpu] = draft.parts;
    draft.parts = [
      { ...gpu!, quantity: "3.5" },
      { ...cpu!, unitPrice: "abc", specs: { ...cpu!.specs, tdpW: "-1" } },
      { ...emptyPart("psu"), quantity: "2" },
    ];
    draft.name = " x ";
    const { payload, errors } = readDraft(draft);
    expect(errors).toEqual({
      name: "must be at least 2 characters",
      [`parts.${gpu!.key}.quantity`]: "must be a whole number, 0 or more",
      [`parts.${cpu!.key}.unitPrice`]: "must be an amount in dollars, like 699 or 1,299.99",
      [`parts.${cpu!.key}.specs.tdpW`]: "must be a whole number, 0 or more",
      [`parts.${draft.parts[2]!.key}.name`]: "must not be empty",
      [`parts.${draft.parts[2]!.key}.unitPrice`]: "must not be empty",
    });
    expect(payload.parts.map((p) => p.quantity)).toEqual([0, 1, 2]);
    expect(payload.parts[1]?.specs).toEqual({ socket: "LGA2066", cores: 8, threads: 16, cpuPcieLanes: 28 });
  });

  it("sends only the specs of the line's category, and keeps the others for switching back", () => {
    const draft = zeusDraft();
    draft.parts[0] = { ...draft.parts[0]!, category: "other" };
    expect(readDraft(draft).payload.parts[0]?.specs).toEqual({});
    expect(draft.parts[0].specs.boardPowerW).toBe("250");
  });
});

describe("sameSave", () => {
  it("ignores formatting and typing undone, not real changes or unreadable text", () => {
    const base = zeusDraft();
    const same = zeusDraft();
    same.parts[0] = { ...same.parts[0]!, unitPrice: "$699", name: ` ${same.parts[0]!.name} ` };
    expect(sameSave(base, same)).toBe(true);
    expect(sameSave(base, { ...same, notes: "new" })).toBe(false);
    expect(sameSave(base, { ...same, parts: same.parts.map((p, i) => (i === 0 ? { ...p, quantity: "x" } : p)) })).toBe(false);
  });
});

describe("specsSummary", () => {
  it("reads as one line of the category's specs", () => {
    expect(specsSummary("cpu", SEED_BUILD_ZEUS[1]!.specs)).toBe("LGA2066 · 8 cores · 16 threads · 28 PCIe lanes · 140 W TDP");
    expect(specsSummary("storage", {})).toBe("");
  });
});
