import { describe, expect, it } from "vitest";
import { isUnbookedUse, judgeUnbooked, processBasename, type MachineSample } from "./unbooked";

const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, s));
const holdings: Record<string, string[]> = { g0: ["alice"], g1: ["bob"] };
const holders = (gpuId: string) => new Set(holdings[gpuId] ?? []);
const system = new Set(["Xorg", "nvidia-persistenced"]);
const proc = (gpuId: string, linuxUser: string | null, name = "python", memMib = 1000) => ({ gpuId, linuxUser, uid: linuxUser ? 1001 : 4242, name, memMib });
const sample = (s: number, ...processes: ReturnType<typeof proc>[]): MachineSample => ({ at: at(s), processes });

describe("unbooked use", () => {
  it("is a process of someone who does not hold the GPU, seen twice in a row", () => {
    const first = judgeUnbooked([], [sample(0, proc("g0", "alice"), proc("g0", "carol", "python", 500))], holders, system);
    expect(first.open).toHaveLength(1);
    expect(isUnbookedUse(first.open[0]!)).toBe(false);
    const second = judgeUnbooked(first.open, [sample(10, proc("g0", "carol", "python", 900))], holders, system);
    expect(second.open[0]).toMatchObject({ who: "carol", gpuId: "g0", firstSeenAt: at(0), lastSeenAt: at(10), sightings: 2, maxMemMib: 900 });
    expect(isUnbookedUse(second.open[0]!)).toBe(true);
  });

  it("forgets a single sighting that is not repeated, and ends a confirmed one when it stops", () => {
    const { open, ended } = judgeUnbooked([], [sample(0, proc("g1", "carol")), sample(10), sample(20, proc("g1", "carol")), sample(30, proc("g1", "carol")), sample(40)], holders, system);
    expect(open).toEqual([]);
    expect(ended.map((s) => s.sightings)).toEqual([1, 2]);
  });

  it("ignores system processes by name and the holder's own processes", () => {
    const { open } = judgeUnbooked([], [sample(0, proc("g0", "root", "/usr/lib/xorg/Xorg"), proc("g1", "bob"), proc("g0", "nvidia-persistenced", "nvidia-persistenced"))], holders, system);
    expect(open).toEqual([]);
  });

  it("names unknown users by uid and counts several processes of one person once per sample", () => {
    const { open } = judgeUnbooked([], [sample(0, proc("g1", null), proc("g1", null, "python", 3000)), sample(10, proc("g1", null))], holders, system);
    expect(open).toEqual([expect.objectContaining({ who: "uid:4242", sightings: 2, maxMemMib: 3000 })]);
  });

  it("reads the program out of a process name", () => {
    expect([processBasename("/usr/bin/Xwayland"), processBasename("python train.py"), processBasename("Xorg")]).toEqual(["Xwayland", "python", "Xorg"]);
  });
});
