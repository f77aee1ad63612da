import { describe, expect, it } from "vitest";
import { machineSpecProblems, type MachineSpec } from "./machine-spec";

const zeus = (over: Partial<MachineSpec> = {}): MachineSpec => ({
  status: "active",
  cores: 8,
  threads: 16,
  ramGb: 128,
  reservedThreads: 1,
  reservedRamGb: 8,
  inServiceAt: Date.UTC(2018, 5, 15),
  retiredAt: null,
  ...over,
});

describe("machineSpecProblems", () => {
  it("accepts the seed machine, and a retired one with a later retired date", () => {
    expect(machineSpecProblems(zeus())).toEqual([]);
    expect(machineSpecProblems(zeus({ status: "retired", retiredAt: Date.UTC(2024, 0, 1) }))).toEqual([]);
    expect(machineSpecProblems(zeus({ threads: 8, reservedThreads: 0, reservedRamGb: 0 }))).toEqual([]);
  });

  it.each<[string, Partial<MachineSpec>, keyof MachineSpec, RegExp]>([
    ["fewer threads than cores", { threads: 4 }, "threads", /Threads \(4\) cannot be fewer than cores \(8\)/],
    ["no cores", { cores: 0 }, "cores", /at least 1/],
    ["fractional RAM", { ramGb: 1.5 }, "ramGb", /whole number/],
    ["all threads reserved", { reservedThreads: 16 }, "reservedThreads", /must be fewer than the machine's threads \(16\)/],
    ["negative reserve", { reservedThreads: -1 }, "reservedThreads", /at least 0/],
    ["all RAM reserved", { reservedRamGb: 128 }, "reservedRamGb", /less than the machine's RAM \(128 GB\)/],
    ["retired before going into service", { status: "retired", retiredAt: Date.UTC(2018, 0, 1) }, "retiredAt", /after the in-service date/],
    ["retired on the in-service date", { status: "retired", retiredAt: Date.UTC(2018, 5, 15) }, "retiredAt", /after the in-service date/],
    ["a retired date on an active machine", { retiredAt: Date.UTC(2024, 0, 1) }, "retiredAt", /Only a retired machine/],
    ["a retired machine without a date", { status: "retired" }, "retiredAt", /needs a retired date/],
    ["an invalid in-service date", { inServiceAt: Number.NaN }, "inServiceAt", /not a valid date/],
  ])("refuses %s, naming the field", (_name, over, field, message) => {
    const problems = machineSpecProblems(zeus(over));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field });
    expect(problems[0]!.message).toMatch(message);
  });

  it("reports every problem at once", () => {
    expect(machineSpecProblems(zeus({ threads: 4, reservedRamGb: 200 })).map((p) => p.field)).toEqual(["threads", "reservedRamGb"]);
  });
});
