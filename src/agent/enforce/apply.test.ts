import { describe, expect, it } from "vitest";
import { desiredStateAt } from "@/core/enforcement/desired-state";
import { DAY0, H, zeusDoc, zeusFacts, zeusSlice } from "@test/core/enforcement-fixtures";
import { applyDesiredState, enforceSchedule, planCommands, renderPlan } from "./apply";
import { fakeSystemd } from "../demo/fake-systemd";

// A day on zeus: lena 08-12 on GPU 2, priya 09-19 on GPU 0, marco 10-14 then omar 14-18 on GPU 1.
const day = zeusDoc([zeusSlice("s1", "priya", 0, 9, 19), zeusSlice("s2", "marco", 1, 10, 14), zeusSlice("s3", "lena", 2, 8, 12), zeusSlice("s4", "omar", 1, 14, 18)]);
const SHARED = ["DeviceAllow=/dev/nvidia-modeset rw", "DeviceAllow=/dev/nvidia-uvm rw", "DeviceAllow=/dev/nvidia-uvm-tools rw"];
const TAIL = ["DeviceAllow=/dev/nvidiactl rw", "DeviceAllow=char-pts rw"];

describe("enforceSchedule against a recorder of systemctl", () => {
  it("first start: one set-property per user slice, holders get their GPU, CPUs and memory, everyone else the login profile", async () => {
    const systemd = fakeSystemd([1001, 1002, 1003, 1005, 0]);
    const { report } = await enforceSchedule(systemd, day, zeusFacts, DAY0 + 11 * H, "enforce");
    expect(report.errors).toEqual([]);
    expect(systemd.setCalls()).toEqual([
      ["systemctl", "set-property", "--runtime", "user-1003.slice", "DevicePolicy=closed", "DeviceAllow=", ...SHARED, "DeviceAllow=/dev/nvidia2 rw", ...TAIL, "AllowedCPUs=1-2,8-10", "MemoryMax=42949672960"],
      ["systemctl", "set-property", "--runtime", "user-1002.slice", "DevicePolicy=closed", "DeviceAllow=", ...SHARED, "DeviceAllow=/dev/nvidia1 rw", ...TAIL, "AllowedCPUs=6-7,13-15", "MemoryMax=42949672960"],
      ["systemctl", "set-property", "--runtime", "user-1001.slice", "DevicePolicy=closed", "DeviceAllow=", ...SHARED, "DeviceAllow=/dev/nvidia0 rw", ...TAIL, "AllowedCPUs=3-5,11-12", "MemoryMax=42949672960"],
      // uid 1005 has no slice: the login profile (no GPU node, CPU 0, 4 GB). root (uid 0) is never limited.
      ["systemctl", "set-property", "--runtime", "user-1005.slice", "DevicePolicy=closed", "DeviceAllow=", ...SHARED, ...TAIL, "AllowedCPUs=0", "MemoryMax=4294967296"],
    ]);
  });

  it("a restart in the middle of a slice runs no set-property at all, and neither does the next tick", async () => {
    const systemd = fakeSystemd([1001, 1002, 1003]);
    await enforceSchedule(systemd, day, zeusFacts, DAY0 + 11 * H, "enforce");
    const before = systemd.setCalls().length;
    await enforceSchedule(systemd, day, zeusFacts, DAY0 + 11.5 * H, "enforce");
    await enforceSchedule(systemd, day, zeusFacts, DAY0 + 11.75 * H, "enforce");
    expect(systemd.setCalls().length).toBe(before);
  });

  it("a boundary changes only the units whose grant changes, and nobody else's CPUs move", async () => {
    const systemd = fakeSystemd([1001, 1002, 1003, 1004]);
    await enforceSchedule(systemd, day, zeusFacts, DAY0 + 11 * H, "enforce");
    const priyaCpus = systemd.units.get("user-1001.slice")!.allowedCpus;
    const before = systemd.setCalls().length;
    // 12:00 lena's slice ends: only her unit changes (to the login profile).
    await enforceSchedule(systemd, day, zeusFacts, DAY0 + 12 * H, "enforce");
    expect(systemd.setCalls().slice(before).map((c) => c[3])).toEqual(["user-1003.slice"]);
    expect(systemd.setCalls().at(-1)).toContain("AllowedCPUs=0");
    // 14:00 GPU 1 passes from marco to omar: two units, and priya keeps her CPUs.
    const mid = systemd.setCalls().length;
    await enforceSchedule(systemd, day, zeusFacts, DAY0 + 14 * H, "enforce");
    expect(systemd.setCalls().slice(mid).map((c) => c[3])).toEqual(["user-1004.slice", "user-1002.slice"]);
    expect(systemd.units.get("user-1004.slice")!.deviceAllow).toContain("/dev/nvidia1 rw");
    expect(systemd.units.get("user-1002.slice")!.deviceAllow).not.toContain("/dev/nvidia1 rw");
    expect(systemd.units.get("user-1001.slice")!.allowedCpus).toEqual(priyaCpus);
  });

  it("keeps enforcing the cached schedule while the portal is away for 2 hours across a boundary", async () => {
    // The schedule was fetched at 09:00; the portal is unreachable from 11:00 to 13:00.
    const cached = JSON.parse(JSON.stringify(day));
    const systemd = fakeSystemd([1001, 1002, 1003]);
    for (const hour of [9, 11, 11.5, 12, 12.5, 13]) await enforceSchedule(systemd, cached, zeusFacts, DAY0 + hour * H, "enforce");
    expect(systemd.units.get("user-1003.slice")!.deviceAllow).not.toContain("/dev/nvidia2 rw");
    expect(systemd.units.get("user-1003.slice")!.allowedCpus).toEqual([0]);
    expect(systemd.units.get("user-1002.slice")!.deviceAllow).toContain("/dev/nvidia1 rw");
  });

  it("warn mode reads and plans but changes nothing; observe does not even look", async () => {
    const systemd = fakeSystemd([1001]);
    const warned = await enforceSchedule(systemd, day, zeusFacts, DAY0 + 11 * H, "warn");
    expect(warned.report.planned.map((p) => p.uid)).toEqual([1003, 1002, 1001]);
    expect(systemd.setCalls()).toEqual([]);
    const callsBefore = systemd.calls.length;
    const observed = await enforceSchedule(systemd, day, zeusFacts, DAY0 + 11 * H, "observe");
    expect(observed.report.planned).toEqual([]);
    expect(systemd.calls.length).toBe(callsBefore);
  });

  it("reports a failing systemctl and goes on with the other units", async () => {
    const systemd = fakeSystemd([1001, 1002]);
    const desired = desiredStateAt(day, zeusFacts, DAY0 + 11 * H);
    const run = async (argv: readonly string[]) => (argv[3] === "user-1002.slice" && argv[1] === "set-property" ? { code: 1, stdout: "", stderr: "Unit user-1002.slice not found." } : systemd.run(argv));
    const report = await applyDesiredState({ run }, desired, "enforce");
    expect(report.errors).toEqual([{ uid: 1002, message: "systemctl set-property --runtime user-1002.slice failed (1): Unit user-1002.slice not found." }]);
    expect(report.ran.map((p) => p.uid)).toEqual([1003, 1001]);
  });
});

describe("planCommands and renderPlan (the dry run)", () => {
  it("prints each command once, quoted for a shell, after whom it is for", () => {
    const desired = desiredStateAt(zeusDoc([zeusSlice("s1", "priya", 0, 9, 19)]), zeusFacts, DAY0 + 10 * H);
    const text = renderPlan(planCommands(desired, new Map(), [1001]));
    expect(text).toBe(
      "# priya (slice s1)\nsystemctl set-property --runtime user-1001.slice DevicePolicy=closed DeviceAllow= " +
        "'DeviceAllow=/dev/nvidia-modeset rw' 'DeviceAllow=/dev/nvidia-uvm rw' 'DeviceAllow=/dev/nvidia-uvm-tools rw' 'DeviceAllow=/dev/nvidia0 rw' 'DeviceAllow=/dev/nvidiactl rw' 'DeviceAllow=char-pts rw' AllowedCPUs=1-2,8-10 MemoryMax=42949672960\n",
    );
    expect(renderPlan([])).toBe("# Nothing to change: every user's slice is as it should be.\n");
  });
});
