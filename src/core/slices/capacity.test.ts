import { describe, expect, it } from "vitest";
import { BACKDATE_TOLERANCE_MS, defaultSliceAmounts, defaultSliceProfile, findCapacityConflicts, HOLDS_NAMED, toMachineCapacity, type SliceRequest } from "./capacity";
import { at, booking, zeus } from "@test/core/slices-fixtures";
import type { Booking, MachineCapacity } from "./types";

const now = at("2026-11-28T08:00");
const req = (over: Partial<SliceRequest> = {}): SliceRequest => ({
  gpuIds: ["g0"], gpuCount: 1, threads: 5, ramGb: 40, start: at("2026-11-28T09:00"), end: at("2026-11-28T18:00"), ...over,
});
const check = (request: SliceRequest, bookings: Booking[] = [], machine: MachineCapacity = zeus()) =>
  findCapacityConflicts({ machine, bookings, request, now });

const aliceG1 = booking({ id: "alice-g1", gpuIds: ["g1"], start: at("2026-11-28T09:00"), end: at("2026-11-28T18:00") });
const bobG0 = booking({ id: "bob-g0", gpuIds: ["g0"], userId: "bob", userName: "Bob Tan", threads: 6, ramGb: 50, start: at("2026-11-28T12:00"), end: at("2026-11-28T14:00") });

describe("toMachineCapacity", () => {
  it("keeps the capacity fields of a machine row and its GPU ids in index order, nothing else", () => {
    const row = { id: "m1", name: "zeus", location: "Rack 2", status: "active" as const, threads: 16, ramGb: 128, reservedThreads: 1, reservedRamGb: 8, gpus: [{ id: "g0", index: 0 }, { id: "g1", index: 1 }] };
    expect(toMachineCapacity(row)).toStrictEqual({ machineId: "m1", name: "zeus", status: "active", threads: 16, ramGb: 128, reservedThreads: 1, reservedRamGb: 8, gpuIds: ["g0", "g1"] });
  });
});

describe("defaultSliceProfile", () => {
  it.each<[string, Partial<MachineCapacity>, { threads: number; ramGb: number }]>([
    ["seed machine: (16-1)/3 threads, (128-8)/3 GB", {}, { threads: 5, ramGb: 40 }],
    ["rounds down", { threads: 32, ramGb: 256, reservedThreads: 2, reservedRamGb: 16, gpuIds: ["a", "b", "c", "d"] }, { threads: 7, ramGb: 60 }],
    ["one GPU takes everything but the reserve", { gpuIds: ["a"] }, { threads: 15, ramGb: 120 }],
    ["no GPUs: no slice, no division by zero", { gpuIds: [] }, { threads: 0, ramGb: 0 }],
    ["a reserve larger than the machine gives zero, not negative", { threads: 4, reservedThreads: 8, ramGb: 4, reservedRamGb: 8 }, { threads: 0, ramGb: 0 }],
  ])("%s", (_name, over, expected) => expect(defaultSliceProfile(zeus(over))).toEqual(expected));

  it("request defaults are the profile times the GPUs", () => expect(defaultSliceAmounts(zeus(), 2)).toEqual({ threads: 10, ramGb: 80 }));

  it("three default slices fill the seed machine exactly and fit together", () => {
    const full = ["g0", "g1"].map((g) => booking({ gpuIds: [g], start: at("2026-11-28T09:00"), end: at("2026-11-28T18:00") }));
    expect(check(req({ gpuIds: ["g2"] }), full)).toEqual([]);
  });
});

describe("findCapacityConflicts: fits", () => {
  it.each<[string, SliceRequest, Booking[]]>([
    ["an empty machine", req(), []],
    ["a free GPU beside a held one", req({ gpuIds: ["g0"] }), [aliceG1]],
    ["a request starting exactly when a booking ends (half-open)", req({ gpuIds: ["g1"], start: at("2026-11-28T18:00"), end: at("2026-11-28T20:00") }), [aliceG1]],
    ["a request ending exactly when a booking starts", req({ gpuIds: ["g1"], start: at("2026-11-28T08:00"), end: at("2026-11-28T09:00") }), [aliceG1]],
    ["any free GPU when none is named", req({ gpuIds: undefined, gpuCount: 2 }), [aliceG1]],
    ["a start within the backdating tolerance", req({ start: now - BACKDATE_TOLERANCE_MS }), []],
    ["bookings of other machines are ignored", req({ gpuIds: ["g1"] }), [{ ...aliceG1, machineId: "hera" }]],
    ["the booking being re-checked is left out", req({ gpuIds: ["g1"], excludeBookingId: "alice-g1" }), [aliceG1]],
    ["zero threads and RAM (a machine with more GPUs than threads)", req({ threads: 0, ramGb: 0 }), []],
  ])("%s", (_name, request, bookings) => expect(check(request, bookings)).toEqual([]));
});

describe("findCapacityConflicts: each reason", () => {
  it("GPU_HELD names the GPU, the holder and until when", () => {
    expect(check(req({ gpuIds: ["g1"], start: at("2026-11-28T10:00"), end: at("2026-11-28T12:00") }), [aliceG1])).toEqual([
      {
        code: "GPU_HELD", field: "gpuIds", gpuId: "g1", gpuIndex: 1, bookingId: "alice-g1", holderUserId: "alice", holderName: "Alice Moreau",
        from: at("2026-11-28T09:00"), until: at("2026-11-28T18:00"),
        message: "GPU 1 is held by Alice Moreau until 2026-11-28 18:00 UTC.",
      },
    ]);
  });

  it("GPU_HELD says from when if the hold begins inside the window, and falls back to the user id", () => {
    const [c] = check(req({ gpuIds: ["g1"], start: at("2026-11-28T08:00"), end: at("2026-11-28T10:00") }), [{ ...aliceG1, userName: undefined }]);
    expect(c?.message).toBe("GPU 1 is held by alice from 2026-11-28 09:00 UTC until 2026-11-28 18:00 UTC.");
  });

  it("GPU_HELD lists every hold of every requested GPU, by GPU index", () => {
    const later = booking({ id: "late", gpuIds: ["g1"], start: at("2026-11-28T18:00"), end: at("2026-11-28T20:00") });
    const conflicts = check(req({ gpuIds: ["g1", "g0"], gpuCount: 2, threads: 1, ramGb: 1, end: at("2026-11-28T19:00") }), [later, aliceG1, bobG0]);
    expect(conflicts.map((c) => c.code === "GPU_HELD" && [c.gpuIndex, c.bookingId])).toEqual([[0, "bob-g0"], [1, "alice-g1"], [1, "late"]]);
  });

  it("CPU_EXCEEDED gives the peak, the instant and the excess", () => {
    const aliceG1Cpu = { ...aliceG1, threads: 5 };
    const conflicts = check(req({ gpuIds: ["g2"], threads: 5, ramGb: 1, start: at("2026-11-28T10:00"), end: at("2026-11-28T16:00") }), [aliceG1Cpu, bobG0]);
    expect(conflicts).toEqual([
      { code: "CPU_EXCEEDED", field: "threads", limit: 15, peak: 16, excess: 1, at: at("2026-11-28T12:00"), message: "CPU threads on zeus would peak at 16 of the 15 available (at 2026-11-28 12:00 UTC), 1 over." },
    ]);
  });

  it("RAM_EXCEEDED gives the peak, the instant and the excess", () => {
    const conflicts = check(req({ gpuIds: ["g2"], threads: 1, ramGb: 40, start: at("2026-11-28T10:00"), end: at("2026-11-28T16:00") }), [aliceG1, bobG0]);
    expect(conflicts).toEqual([
      { code: "RAM_EXCEEDED", field: "ramGb", limit: 120, peak: 130, excess: 10, at: at("2026-11-28T12:00"), message: "GB of RAM on zeus would peak at 130 of the 120 available (at 2026-11-28 12:00 UTC), 10 over." },
    ]);
  });

  it("a request bigger than the machine alone exceeds it at its start", () => {
    expect(check(req({ threads: 16 }))).toMatchObject([{ code: "CPU_EXCEEDED", peak: 16, excess: 1, at: at("2026-11-28T09:00") }]);
  });

  it("threads freed by a booking that ends as the request starts are free (half-open)", () => {
    const big = booking({ gpuIds: ["g1"], threads: 15, ramGb: 120, start: at("2026-11-28T08:00"), end: at("2026-11-28T09:00") });
    expect(check(req({ threads: 15, ramGb: 120 }), [big])).toEqual([]);
  });

  it.each([
    ["maintenance", "zeus is in maintenance; nothing can be booked on it."],
    ["retired", "zeus is retired; nothing can be booked on it."],
  ] as const)("MACHINE_UNAVAILABLE when %s", (status, message) => {
    expect(check(req(), [], zeus({ status }))).toEqual([{ code: "MACHINE_UNAVAILABLE", field: "machineId", status, message }]);
  });

  it.each([
    ["end equals start", at("2026-11-28T09:00"), at("2026-11-28T09:00"), "The end (2026-11-28 09:00 UTC) must be after the start (2026-11-28 09:00 UTC)."],
    ["end before start", at("2026-11-28T09:00"), at("2026-11-28T08:30"), "The end (2026-11-28 08:30 UTC) must be after the start (2026-11-28 09:00 UTC)."],
    ["not a time", at("2026-11-28T09:00"), Number.NaN, "The end (an invalid time) must be after the start (2026-11-28 09:00 UTC)."],
  ])("INVALID_WINDOW when %s", (_name, start, end, message) => {
    expect(check(req({ start, end }))).toEqual([{ code: "INVALID_WINDOW", field: "end", message }]);
  });

  it("BACKDATED past the tolerance", () => {
    const start = now - BACKDATE_TOLERANCE_MS - 60_000;
    expect(check(req({ start }))).toEqual([
      { code: "BACKDATED", field: "start", start, earliestAllowed: now - BACKDATE_TOLERANCE_MS, message: "The start (2026-11-28 07:54 UTC) is in the past (it is now 2026-11-28 08:00 UTC); slices cannot be backdated." },
    ]);
  });

  it.each<[string, MachineCapacity, string]>([
    ["more GPUs than the machine has", zeus(), "zeus has 3 GPUs; 4 were requested."],
    ["a machine without GPUs", zeus({ gpuIds: [] }), "zeus has no GPUs."],
  ])("TOO_MANY_GPUS for %s", (_name, machine, message) => {
    const request = req({ gpuIds: undefined, gpuCount: 4, threads: 1, ramGb: 1 });
    expect(check(request, [], machine)).toEqual([{ code: "TOO_MANY_GPUS", field: "gpuCount", requested: 4, available: machine.gpuIds.length, message }]);
  });

  it("GPU_NOT_ON_MACHINE names the foreign GPU", () => {
    expect(check(req({ gpuIds: ["g0", "hera-g0"], gpuCount: 2 }))).toEqual([
      { code: "GPU_NOT_ON_MACHINE", field: "gpuIds", gpuId: "hera-g0", message: "GPU hera-g0 is not a GPU of zeus." },
    ]);
  });

  it("NOT_ENOUGH_FREE_GPUS says how many are free and who holds the rest", () => {
    const conflicts = check(req({ gpuIds: undefined, gpuCount: 2, threads: 1, ramGb: 1, start: at("2026-11-28T10:00"), end: at("2026-11-28T16:00") }), [aliceG1, bobG0]);
    expect(conflicts).toEqual([
      {
        code: "NOT_ENOUGH_FREE_GPUS", field: "gpuCount", requested: 2, freeGpuIds: ["g2"],
        holds: [
          { gpuId: "g0", gpuIndex: 0, bookingId: "bob-g0", holderName: "Bob Tan", from: at("2026-11-28T12:00"), until: at("2026-11-28T14:00") },
          { gpuId: "g1", gpuIndex: 1, bookingId: "alice-g1", holderName: "Alice Moreau", from: at("2026-11-28T09:00"), until: at("2026-11-28T18:00") },
        ],
        message: "Only 1 of the 3 GPUs of zeus is free for the whole window; 2 requested. GPU 0 is held by Bob Tan from 2026-11-28 12:00 UTC until 2026-11-28 14:00 UTC; GPU 1 is held by Alice Moreau until 2026-11-28 18:00 UTC.",
      },
    ]);
  });

  it("NOT_ENOUGH_FREE_GPUS names the first holds of a long window and counts the rest; every hold stays in its details", () => {
    // 9 half-hour holds of GPU 0 and a day of GPU 1 in the window: 10 holds.
    const holds = Array.from({ length: 9 }, (_, i) => booking({ id: `h${i}`, gpuIds: ["g0"], threads: 1, ramGb: 1, start: at(`2026-11-29T0${i}:00`), end: at(`2026-11-29T0${i}:30`) }));
    const g1 = booking({ id: "g1-day", gpuIds: ["g1"], threads: 1, ramGb: 1, start: at("2026-11-29T00:00"), end: at("2026-11-30T00:00") });
    const request = req({ gpuIds: undefined, gpuCount: 3, threads: 1, ramGb: 1, start: at("2026-11-29T00:00"), end: at("2026-11-30T00:00") });
    const [conflict] = check(request, [...holds, g1]);
    expect(conflict).toMatchObject({ code: "NOT_ENOUGH_FREE_GPUS", freeGpuIds: ["g2"] });
    expect((conflict as { holds: unknown[] }).holds).toHaveLength(10);
    expect(conflict!.message.match(/ is held by /g)).toHaveLength(HOLDS_NAMED);
    expect(conflict!.message).toMatch(/; 5 more holds in the window\.$/);
  });

  it.each<[string, Partial<SliceRequest>, string, string]>([
    ["a GPU listed twice", { gpuIds: ["g0", "g0"], gpuCount: 2 }, "gpuIds", "A GPU is listed more than once."],
    ["gpuIds not matching gpuCount", { gpuIds: ["g0"], gpuCount: 2 }, "gpuIds", "1 GPU assigned, but 2 requested."],
    ["zero GPUs", { gpuIds: undefined, gpuCount: 0 }, "gpuCount", "The number of GPUs must be a whole number of at least 1 (got 0)."],
    ["fractional threads", { threads: 1.5 }, "threads", "CPU threads must be a whole number of at least 0 (got 1.5)."],
    ["negative RAM", { ramGb: -1 }, "ramGb", "RAM must be a whole number of GB, at least 0 (got -1)."],
  ])("INVALID_REQUEST for %s", (_name, over, field, message) => {
    expect(check(req(over))).toEqual([{ code: "INVALID_REQUEST", field, message }]);
  });

  it("reports every problem at once", () => {
    const conflicts = check(req({ gpuIds: ["g1"], threads: 16, start: now - 3_600_000, end: at("2026-11-28T12:00") }), [aliceG1], zeus({ status: "maintenance" }));
    expect(conflicts.map((c) => c.code)).toEqual(["MACHINE_UNAVAILABLE", "BACKDATED", "GPU_HELD", "CPU_EXCEEDED"]);
  });
});
