import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SampleIn } from "@/core/agent/contract";
import { DAY0, H, ZEUS_UUIDS, zeusDoc, zeusFacts, zeusSlice } from "@test/core/enforcement-fixtures";
import { envText, planText } from "./commands";
import { SliceEndings } from "./enforce";
import { fakeSystemd } from "./demo/fake-systemd";
import { Enforcer, type EnforcementStatus } from "./enforcer";
import { PortalClient } from "./portal-client";
import { ScheduleCache, type GrantsFile } from "./schedule-cache";
import { FakeClock } from "@test/agent/fake-clock";
import { FakeSchedulePortal } from "@test/agent/fake-schedule-portal";

// A day on zeus: lena 08-12 on GPU 2, priya 09-19 on GPU 0, marco 10-14 then omar 14-18 on GPU 1.
const day = zeusDoc([zeusSlice("s1", "priya", 0, 9, 19), zeusSlice("s2", "marco", 1, 10, 14), zeusSlice("s3", "lena", 2, 8, 12), zeusSlice("s4", "omar", 1, 14, 18)]);
const silent = () => {};

async function agent(at: number, options: { portal?: FakeSchedulePortal; systemd?: ReturnType<typeof fakeSystemd>; dir?: string } = {}) {
  const portal = options.portal ?? new FakeSchedulePortal(day);
  const systemd = options.systemd ?? fakeSystemd([1001, 1002, 1003, 1004, 1005]);
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "enforcer-")));
  const clock = new FakeClock(new Date(at));
  const grants: GrantsFile[] = [];
  const statuses: EnforcementStatus[] = [];
  const enforcer = new Enforcer({
    clock,
    log: silent,
    portal: new PortalClient("http://portal.test", "rsa_test", portal.fetch),
    cache: ScheduleCache.in(dir),
    run: systemd.run,
    facts: async () => zeusFacts,
    writeGrants: async (g) => void grants.push(g),
    writeStatus: async (s) => void statuses.push(s),
  });
  /** Moves the clock to `hour` in 5-second ticks, as the agent's loop does. */
  const runUntil = async (hour: number) => {
    while (clock.now().getTime() < DAY0 + hour * H) {
      await clock.sleep(5_000);
      await enforcer.tick();
    }
  };
  return { portal, systemd, dir, clock, enforcer, grants, statuses, runUntil };
}

describe("Enforcer", () => {
  it("first start: fetches the schedule, applies it, caches it and reports what ran; an unchanged schedule is a 304 and runs nothing", async () => {
    const a = await agent(DAY0 + 11 * H);
    await a.enforcer.start();
    expect(a.systemd.setCalls()).toEqual([]);
    expect(await a.enforcer.poll()).toBe("changed");
    expect(a.systemd.setCalls().map((c) => c[3])).toEqual(["user-1003.slice", "user-1002.slice", "user-1001.slice", "user-1004.slice", "user-1005.slice"]);
    expect(a.portal.applied).toHaveLength(1);
    expect(a.portal.applied[0]).toMatchObject({ mode: "enforce", scheduleEtag: '"v1"', fromCache: false, errors: [] });
    expect(a.portal.applied[0]!.commands.every((c) => c.outcome === "ran")).toBe(true);
    expect(a.portal.applied[0]!.grants.find((g) => g.linuxUsername === "priya")).toEqual({ linuxUsername: "priya", uid: 1001, gpus: [0], cpus: "3-5,11-12", memoryMaxBytes: 40 * 1024 ** 3 });
    expect((await ScheduleCache.in(a.dir).read())?.schedule.etag).toBe('"v1"');

    const calls = a.systemd.setCalls().length;
    expect(await a.enforcer.poll()).toBe("unchanged");
    expect(a.portal.polls.at(-1)).toEqual({ status: 304, wait: "25" });
    await a.runUntil(11.5);
    expect(a.systemd.setCalls().length).toBe(calls);
    expect(a.portal.applied).toHaveLength(1);
  });

  it("applies at a slice boundary only the units that change, and a change in the portal at once", async () => {
    const a = await agent(DAY0 + 11 * H);
    await a.enforcer.poll();
    const before = a.systemd.setCalls().length;
    await a.runUntil(12.01);
    expect(a.systemd.setCalls().slice(before).map((c) => c[3])).toEqual(["user-1003.slice"]);
    // An admin releases priya's slice at 12:30: the next poll brings it and applies it in the same call.
    a.portal.change(zeusDoc([{ ...zeusSlice("s1", "priya", 0, 9, 19), end: DAY0 + 12.5 * H }, zeusSlice("s2", "marco", 1, 10, 14), zeusSlice("s4", "omar", 1, 14, 18)]));
    await a.runUntil(12.5);
    const mid = a.systemd.setCalls().length;
    expect(await a.enforcer.poll()).toBe("changed");
    expect(a.systemd.setCalls().slice(mid).map((c) => c[3])).toEqual(["user-1001.slice"]);
    expect(a.systemd.units.get("user-1001.slice")!.allowedCpus).toEqual([0]);
    expect(a.portal.applied.at(-1)).toMatchObject({ scheduleEtag: '"v2"' });
  });

  it("a restart in the middle of a slice with the portal away applies the cache and runs no set-property (no flapping)", async () => {
    const first = await agent(DAY0 + 11 * H);
    await first.enforcer.poll();
    const calls = first.systemd.setCalls().length;
    first.portal.up = false;
    const restarted = await agent(DAY0 + 11.25 * H, { portal: first.portal, systemd: first.systemd, dir: first.dir });
    await restarted.enforcer.start();
    expect(await restarted.enforcer.poll()).toBe("away");
    expect(first.systemd.setCalls().length).toBe(calls);
    expect(restarted.enforcer.status()).toMatchObject({ portalAway: true, scheduleEtag: '"v1"', mode: "enforce" });
    expect(restarted.statuses.at(-1)?.portalAway).toBe(true);
  });

  it("keeps enforcing the cached schedule while the portal is away for 2 hours across a boundary, then reports once it is back", async () => {
    const a = await agent(DAY0 + 11 * H);
    await a.enforcer.poll();
    a.portal.up = false;
    expect(await a.enforcer.poll()).toBe("away");
    await a.runUntil(13);
    // 12:00 passed while away: lena's GPU was taken back from the cache.
    expect(a.systemd.units.get("user-1003.slice")!.deviceAllow).not.toContain("/dev/nvidia2 rw");
    expect(a.systemd.units.get("user-1003.slice")!.allowedCpus).toEqual([0]);
    expect(a.portal.applied).toHaveLength(1);
    a.portal.up = true;
    expect(await a.enforcer.poll()).toBe("unchanged");
    expect(a.portal.applied.at(-1)).toMatchObject({ fromCache: false, scheduleEtag: '"v1"' });
    expect(a.enforcer.status().portalAway).toBe(false);
  });

  it("in warn mode reports the commands as planned and changes nothing", async () => {
    const portal = new FakeSchedulePortal(day);
    portal.mode = "warn";
    const a = await agent(DAY0 + 11 * H, { portal });
    await a.enforcer.poll();
    expect(a.systemd.setCalls()).toEqual([]);
    expect(a.portal.applied[0]!.commands.map((c) => c.outcome)).toEqual(["planned", "planned", "planned", "planned", "planned"]);
  });
});

describe("unbooked use", () => {
  const at13 = (seconds: number): SampleIn => ({
    seq: seconds + 1,
    at: new Date(DAY0 + 13 * H + seconds * 1000).toISOString(),
    gpus: ZEUS_UUIDS.map((uuid, index) => ({ uuid, index, name: "GTX 1080 Ti", utilPct: 90, memUsedMib: 1000, memTotalMib: 11264, powerW: 200, tempC: 60 })),
    processes: [
      { gpuUuid: ZEUS_UUIDS[0]!, pid: 100, uid: 1001, user: "priya", name: "python", memMib: 900 },
      // marco holds GPU 1 until 14:00 but runs on GPU 2, which nobody holds after 12:00; root's exporter is left alone.
      { gpuUuid: ZEUS_UUIDS[2]!, pid: 200, uid: 1002, user: "marco", name: "python", memMib: 900 },
      { gpuUuid: ZEUS_UUIDS[2]!, pid: 300, uid: 0, user: "root", name: "dcgm-exporter", memMib: 10 },
    ],
    faults: [],
  });

  async function withEndings(mode: "warn" | "enforce") {
    const told: [number, string][] = [];
    const signals: string[] = [];
    const portal = new FakeSchedulePortal(day);
    portal.mode = mode;
    const endings = new SliceEndings({ now: () => DAY0 + 13 * H, tell: async (uid, text) => void told.push([uid, text]), gpuProcesses: async () => [], signal: (pid, signal) => Boolean(signals.push(`${signal} ${pid}`)) });
    const dir = await mkdtemp(join(tmpdir(), "enforcer-"));
    const enforcer = new Enforcer({ clock: new FakeClock(new Date(DAY0 + 13 * H)), log: silent, portal: new PortalClient("http://portal.test", "rsa_test", portal.fetch), cache: ScheduleCache.in(dir), run: fakeSystemd([1001, 1002]).run, facts: async () => zeusFacts, endings });
    await enforcer.poll();
    return { enforcer, told, signals };
  }

  it("in enforce mode stops a process on a GPU its user does not hold, once it is seen twice in a row", async () => {
    const m = await withEndings("enforce");
    await m.enforcer.checkUnbooked(at13(0));
    expect(m.signals).toEqual([]);
    await m.enforcer.checkUnbooked(at13(10));
    expect(m.signals).toEqual(["SIGTERM 200"]);
    expect(m.told).toEqual([[1002, "Rigshare: you have no slice on GPU 2 now. Your processes on it get SIGTERM now and SIGKILL in 30 s. Book it in the portal first."]]);
  });

  it("in warn mode tells the person once and stops nothing", async () => {
    const m = await withEndings("warn");
    for (const s of [0, 10, 20, 30]) await m.enforcer.checkUnbooked(at13(s));
    expect(m.signals).toEqual([]);
    expect(m.told).toEqual([[1002, "Rigshare: you have no slice on GPU 2 now. Book it in the portal, or stop your processes on it."]]);
  });
});

describe("plan and env", () => {
  it("plan prints the commands for a later time and changes nothing", async () => {
    const systemd = fakeSystemd([1001, 1004]);
    const portal = new FakeSchedulePortal(day);
    const text = await planText({ portal: new PortalClient("http://portal.test", "rsa_test", portal.fetch), cache: ScheduleCache.in(await mkdtemp(join(tmpdir(), "plan-"))), run: systemd.run, facts: zeusFacts }, new Date(DAY0 + 15 * H));
    expect(text).toContain("# Dry run for zeus at 2026-12-07T15:00:00.000Z, from the portal.");
    expect(text).toContain("# omar (uid 1004): GPU 1 /dev/nvidia1;");
    expect(text).toContain("systemctl set-property --runtime user-1004.slice DevicePolicy=closed");
    expect(systemd.setCalls()).toEqual([]);
  });

  it("env points CUDA at the person's GPUs by UUID, and at none without a slice", () => {
    const grants: GrantsFile = {
      writtenAt: "2026-12-07T11:00:00.000Z",
      machineName: "zeus",
      users: [{ linuxUsername: "priya", uid: 1001, gpus: [{ index: 0, uuid: "GPU-aaa" }], cpus: "3-5,11-12", memoryMaxBytes: 40 * 1024 ** 3, until: "2026-12-07T19:00:00.000Z" }],
      loginProfile: { cpus: "0", memoryMaxBytes: 4 * 1024 ** 3 },
    };
    expect(envText(grants, { username: "priya", uid: 1001 })).toBe(
      "# priya on zeus: GPU 0 until 2026-12-07T19:00:00.000Z; CPUs 3-5,11-12; at most 40 GiB.\nexport CUDA_VISIBLE_DEVICES=GPU-aaa\nexport CUDA_DEVICE_ORDER=PCI_BUS_ID\nexport OMP_NUM_THREADS=5\n",
    );
    expect(envText(grants, { username: "omar", uid: 1004 })).toBe("# omar holds no slice on zeus now: no GPU, CPUs 0, at most 4 GiB.\nexport CUDA_VISIBLE_DEVICES=\n");
  });
});
