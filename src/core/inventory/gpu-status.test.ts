import { describe, expect, it } from "vitest";
import { at } from "@test/core/slices-fixtures";
import { summarizeGpu, type GpuHold } from "./gpu-status";

const now = at("2026-11-28T12:00");
let seq = 0;
const hold = (start: string, end: string, holderName = "Alice Moreau"): GpuHold => ({
  sliceId: `s${++seq}`,
  holderId: holderName,
  holderName,
  teamName: "Vision",
  start: at(start),
  end: at(end),
});

describe("summarizeGpu", () => {
  it("is free with nothing booked", () => {
    expect(summarizeGpu({ machineStatus: "active", holds: [], now })).toEqual({ state: "free", current: null, freeAt: null, next: null });
  });

  it("names the holder and the end of the hold", () => {
    const alice = hold("2026-11-28T09:00", "2026-11-28T18:00");
    expect(summarizeGpu({ machineStatus: "active", holds: [alice], now })).toEqual({ state: "held", current: alice, freeAt: alice.end, next: null });
  });

  it("counts a hold that starts exactly now and not one that ends exactly now (half-open)", () => {
    const ending = hold("2026-11-28T08:00", "2026-11-28T12:00", "Bob Okafor");
    const starting = hold("2026-11-28T12:00", "2026-11-28T13:00");
    const summary = summarizeGpu({ machineStatus: "active", holds: [ending, starting], now });
    expect(summary.current).toBe(starting);
  });

  it("chains back-to-back holds to find when the GPU is next free, and reports the next booking after that", () => {
    const alice = hold("2026-11-28T09:00", "2026-11-28T18:00");
    const bob = hold("2026-11-28T18:00", "2026-11-28T20:00", "Bob Okafor");
    const carol = hold("2026-11-28T20:00", "2026-11-28T21:00", "Carol Nguyen");
    const dave = hold("2026-11-29T09:00", "2026-11-29T10:00", "Dave Kowalski");
    const summary = summarizeGpu({ machineStatus: "active", holds: [dave, carol, bob, alice], now });
    expect(summary).toEqual({ state: "held", current: alice, freeAt: at("2026-11-28T21:00"), next: dave });
  });

  it("stops the chain at a gap", () => {
    const alice = hold("2026-11-28T09:00", "2026-11-28T18:00");
    const bob = hold("2026-11-28T18:01", "2026-11-28T20:00", "Bob Okafor");
    expect(summarizeGpu({ machineStatus: "active", holds: [alice, bob], now })).toMatchObject({ freeAt: alice.end, next: bob });
  });

  it("reports the next booking of a free GPU and ignores holds that ended", () => {
    const past = hold("2026-11-27T09:00", "2026-11-27T18:00");
    const later = hold("2026-11-28T15:00", "2026-11-28T16:00", "Bob Okafor");
    expect(summarizeGpu({ machineStatus: "active", holds: [later, past], now })).toEqual({ state: "free", current: null, freeAt: null, next: later });
  });

  it("lets the machine's status win, and still tells who holds the GPU", () => {
    const alice = hold("2026-11-28T09:00", "2026-11-28T18:00");
    expect(summarizeGpu({ machineStatus: "maintenance", holds: [alice], now })).toMatchObject({ state: "maintenance", current: alice });
    expect(summarizeGpu({ machineStatus: "retired", holds: [], now }).state).toBe("retired");
  });
});
