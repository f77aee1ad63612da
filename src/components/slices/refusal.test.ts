import { describe, expect, it } from "vitest";
import { refusalFrom } from "./refusal";

describe("refusalFrom", () => {
  it("splits capacity and quota reasons and reads the suggestion", () => {
    const refusal = refusalFrom("GPU 0 of hermes is held …", {
      appCode: "CAPACITY_CONFLICT",
      field: "gpuCount",
      details: {
        conflicts: [{ code: "GPU_HELD", message: "GPU 0 of hermes is held by Alice Moreau until 2026-11-28 18:00 UTC." }],
        quotas: [{ quota: "team.maxConcurrentGpus", message: "The NLP team may hold 3 GPUs at once; this request would make 4 at its peak, 1 over." }],
        suggestion: { start: new Date("2026-11-28T18:00:00Z"), end: "2026-11-28T20:00:00.000Z", gpuIds: ["g1"] },
      },
    });
    expect(refusal).toEqual({
      code: "CAPACITY_CONFLICT",
      message: "GPU 0 of hermes is held …",
      field: "gpuCount",
      capacity: ["GPU 0 of hermes is held by Alice Moreau until 2026-11-28 18:00 UTC."],
      quotas: ["The NLP team may hold 3 GPUs at once; this request would make 4 at its peak, 1 over."],
      suggestion: { start: new Date("2026-11-28T18:00:00Z"), end: new Date("2026-11-28T20:00:00Z") },
      quotaOnly: false,
    });
  });

  it("marks a refusal with only quota reasons as quota-only", () => {
    const refusal = refusalFrom("over", { appCode: "QUOTA_EXCEEDED", field: "quota", details: { conflicts: [], quotas: [{ message: "A slice may last at most 168 hours." }], suggestion: null } });
    expect(refusal.quotaOnly).toBe(true);
    expect(refusal.suggestion).toBeNull();
  });

  it("keeps the message of errors without details", () => {
    expect(refusalFrom("purpose: must say in a few words what the slice is for", { appCode: "VALIDATION", field: "purpose" })).toMatchObject({
      code: "VALIDATION",
      field: "purpose",
      capacity: [],
      quotas: [],
      suggestion: null,
      quotaOnly: false,
    });
    expect(refusalFrom("boom", undefined).code).toBe("OTHER");
  });

  it("ignores a malformed or empty suggestion", () => {
    expect(refusalFrom("x", { appCode: "CAPACITY_CONFLICT", details: { suggestion: { start: "soon", end: 5 } } }).suggestion).toBeNull();
    expect(refusalFrom("x", { appCode: "CAPACITY_CONFLICT", details: { suggestion: { start: 10, end: 10 } } }).suggestion).toBeNull();
  });
});
