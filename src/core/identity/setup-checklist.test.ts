import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setupChecklist, type SetupCounts } from "./setup-checklist";

const empty: SetupCounts = { gpuModels: 0, gpuModelsWithoutCloudPrice: 0, machines: 0, quotaPolicies: 0, users: 1, slices: 0 };
const done = (counts: SetupCounts) => setupChecklist(counts).items.filter((i) => i.done).map((i) => i.key);

describe("setupChecklist", () => {
  it("a fresh install with its first admin shows every step open", () => {
    expect(setupChecklist(empty)).toMatchObject({ visible: true });
    expect(done(empty)).toEqual([]);
  });

  it.each<[string, Partial<SetupCounts>, string[]]>([
    ["a GPU model without a cloud price", { gpuModels: 1, gpuModelsWithoutCloudPrice: 1 }, ["gpu-model"]],
    ["a priced GPU model", { gpuModels: 1 }, ["gpu-model", "prices"]],
    ["a machine", { gpuModels: 1, machines: 1 }, ["gpu-model", "machine", "prices"]],
    ["a quota", { quotaPolicies: 1 }, ["quotas"]],
    ["a second person", { users: 2 }, ["people"]],
  ])("ticks from the data: %s", (_, change, keys) => {
    expect(done({ ...empty, ...change })).toEqual(keys);
  });

  it("links each step to its page", () => {
    expect(setupChecklist(empty).items.map((i) => i.href)).toEqual(["/inventory/gpu-models", "/inventory/new", "/savings/prices", "/admin/quotas", "/admin/users"]);
  });

  it("disappears when all are done, and on a portal already in use", () => {
    const all = { gpuModels: 2, gpuModelsWithoutCloudPrice: 0, machines: 1, quotaPolicies: 1, users: 5, slices: 0 };
    expect(setupChecklist(all).visible).toBe(false);
    expect(setupChecklist({ ...empty, slices: 1 }).visible).toBe(false);
  });

  it("is visible exactly when a step is open and nothing was booked yet", () => {
    const n = fc.nat(3);
    fc.assert(
      fc.property(fc.record({ gpuModels: n, gpuModelsWithoutCloudPrice: n, machines: n, quotaPolicies: n, users: n, slices: n }), (counts) => {
        const { visible, items } = setupChecklist(counts);
        expect(visible).toBe(counts.slices === 0 && items.some((i) => !i.done));
      }),
    );
  });
});
