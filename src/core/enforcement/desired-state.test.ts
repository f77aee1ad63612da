import { describe, expect, it } from "vitest";
import { desiredStateAt } from "./desired-state";
import { DAY0, H, zeusDoc, zeusFacts, zeusSlice } from "@test/core/enforcement-fixtures";
import { GIB } from "./types";

const day = zeusDoc([zeusSlice("s1", "priya", 0, 9, 19), zeusSlice("s2", "marco", 1, 10, 14), zeusSlice("s3", "lena", 2, 8, 12), zeusSlice("s4", "omar", 1, 14, 18)]);

describe("desiredStateAt on zeus (3 × 1080 Ti, 16 threads, 128 GB)", () => {
  it("gives three holders one GPU, 5 threads (two whole cores and one more) and 40 GB each; CPU 0 stays reserved", () => {
    const state = desiredStateAt(day, zeusFacts, DAY0 + 11 * H);
    expect(state.problems).toEqual([]);
    expect(state.users.map((u) => [u.linuxUsername, u.uid, u.devices, u.cpus, u.memoryMaxBytes / GIB])).toEqual([
      // In start order: lena (08:00) takes cores 1-9 and 2-10 plus CPU 8, whose sibling 0 is reserved;
      // priya (09:00) cores 3-11 and 4-12 plus half of core 5-13; marco (10:00) cores 6-14, 7-15 and the other half, 13.
      ["lena", 1003, ["/dev/nvidia2"], [1, 2, 8, 9, 10], 40],
      ["marco", 1002, ["/dev/nvidia1"], [6, 7, 13, 14, 15], 40],
      ["priya", 1001, ["/dev/nvidia0"], [3, 4, 5, 11, 12], 40],
    ]);
    expect(state.loginProfile).toEqual({ cpus: [0], memoryMaxBytes: 4 * GIB });
  });

  it("gives nobody anything before the first slice, and only the login profile applies", () => {
    const state = desiredStateAt(day, zeusFacts, DAY0 + 7 * H);
    expect(state.users).toEqual([]);
    expect(state.loginProfile.cpus).toEqual([0]);
  });

  it("treats a slice's end as exclusive and its start as inclusive: at 14:00 GPU 1 passes from marco to omar", () => {
    const state = desiredStateAt(day, zeusFacts, DAY0 + 14 * H);
    expect(state.users.map((u) => u.linuxUsername)).toEqual(["omar", "priya"]);
    expect(state.users.find((u) => u.linuxUsername === "omar")!.devices).toEqual(["/dev/nvidia1"]);
  });

  it("keeps a holder's CPUs across a boundary when given what they have now", () => {
    const at11 = desiredStateAt(day, zeusFacts, DAY0 + 11 * H);
    const hints = Object.fromEntries(at11.users.map((u) => [u.linuxUsername, u.cpus]));
    const at13 = desiredStateAt(day, zeusFacts, DAY0 + 13 * H, hints);
    expect(at13.users.find((u) => u.linuxUsername === "priya")!.cpus).toEqual(at11.users.find((u) => u.linuxUsername === "priya")!.cpus);
    expect(at13.users.find((u) => u.linuxUsername === "marco")!.cpus).toEqual(at11.users.find((u) => u.linuxUsername === "marco")!.cpus);
  });

  it("merges two slices of one person into one grant", () => {
    const doc = zeusDoc([zeusSlice("a", "priya", 0, 9, 12), zeusSlice("b", "priya", 2, 10, 12)]);
    const grant = desiredStateAt(doc, zeusFacts, DAY0 + 11 * H).users[0]!;
    expect(grant).toMatchObject({ sliceIds: ["a", "b"], devices: ["/dev/nvidia0", "/dev/nvidia2"], memoryMaxBytes: 80 * GIB });
    expect(grant.cpus).toHaveLength(10);
  });

  it("names, and does not grant, what it cannot: an unknown user, a GPU without a UUID or device node, a GPU held twice", () => {
    const doc = zeusDoc([
      zeusSlice("a", "ghost", 0, 9, 12),
      { ...zeusSlice("b", "priya", 1, 9, 12), gpus: [{ index: 1, uuid: null }] },
      zeusSlice("c", "marco", 0, 10, 12),
    ]);
    const state = desiredStateAt(doc, zeusFacts, DAY0 + 11 * H);
    expect(state.users.find((u) => u.linuxUsername === "ghost")!.uid).toBeNull();
    expect(state.users.find((u) => u.linuxUsername === "priya")!.devices).toEqual([]);
    expect(state.users.find((u) => u.linuxUsername === "marco")!.devices).toEqual([]);
    expect(state.problems).toEqual([
      "GPU 0 is in two slices at once (ghost's and marco's): it stays with ghost.",
      "ghost holds a slice but has no Linux account on this machine.",
      "GPU 1 (UUID not yet reported) of priya has no known device node: it is not granted.",
    ]);
  });

  it("serves claims beyond the machine's capacity in start order and says who got less", () => {
    const doc = zeusDoc([0, 1, 2, 0].map((gpu, i) => ({ ...zeusSlice(`s${i}`, `u${i}`, gpu, 9 + i * 0.1, 12), gpus: [], threads: 6, ramGb: 50 })));
    const state = desiredStateAt(doc, { ...zeusFacts, uids: { u0: 1, u1: 2, u2: 3, u3: 4 } }, DAY0 + 11 * H);
    expect(state.users.map((u) => [u.cpus.length, u.memoryMaxBytes / GIB])).toEqual([[6, 50], [6, 50], [3, 20], [0, 0]]);
    expect(state.problems).toContain("u2 gets 3 of 6 threads: the machine's threads minus its reserve are used up.");
  });

  it("uses the real core grouping when the agent passes it (here an AMD-style 0-1, 2-3, … numbering)", () => {
    const topology = Array.from({ length: 8 }, (_, c) => [2 * c, 2 * c + 1]);
    const state = desiredStateAt(zeusDoc([zeusSlice("s", "priya", 0, 9, 12)]), { ...zeusFacts, topology }, DAY0 + 10 * H);
    expect(state.users[0]!.cpus).toEqual([1, 2, 3, 4, 5]);
    expect(state.loginProfile.cpus).toEqual([0]);
  });
});

describe("desiredStateAt as the portal computes it (no uids, no device nodes)", () => {
  it("lists grants with their GPUs, CPUs and memory, null uids and no device nodes, and no problems for what only the machine knows", () => {
    const state = desiredStateAt(day, {}, DAY0 + 11 * H);
    expect(state.problems).toEqual([]);
    expect(state.users.map((u) => [u.linuxUsername, u.uid, u.gpus.map((g) => g.index), u.devices, u.cpus.length])).toEqual([
      ["lena", null, [2], [], 5],
      ["marco", null, [1], [], 5],
      ["priya", null, [0], [], 5],
    ]);
  });
});
