import { mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DAY0, H, ZEUS_UUIDS, zeusDoc, zeusFacts, zeusSlice } from "@test/core/enforcement-fixtures";
import type { EnforcementMode } from "@/core/enforcement/types";
import { SliceEndings, type GpuProcess } from "./slice-endings";
import { tellUser, terminalsOf } from "./terminals";

const MIN = 60_000;
const doc = zeusDoc([zeusSlice("s1", "priya", 0, 9, 12), zeusSlice("s2", "marco", 1, 9, 18)]);

/** A machine with an injected clock, a process table on the GPUs and a kill that records. */
function machine(mode: EnforcementMode, procs: GpuProcess[], ignoresTerm: number[] = []) {
  let now = DAY0 + 11 * H;
  let table = [...procs];
  const told: [number, string][] = [];
  const signals: string[] = [];
  const endings = new SliceEndings(
    {
      now: () => now,
      tell: async (uid, message) => void told.push([uid, message]),
      gpuProcesses: async () => table,
      signal: (pid, signal) => {
        if (!table.some((p) => p.pid === pid)) return false;
        signals.push(`${(now - DAY0 - 12 * H) / 1000}s ${signal} ${pid}`);
        if (signal === "SIGKILL" || !ignoresTerm.includes(pid)) table = table.filter((p) => p.pid !== pid);
        return true;
      },
    },
    { minutesBefore: 10, graceMs: 30_000 },
  );
  return {
    told,
    signals,
    endings,
    at: async (ms: number) => {
      now = ms;
      return endings.tick(doc, zeusFacts, mode);
    },
  };
}

const priyaOnGpu0 = { pid: 4242, uid: 1001, gpuUuid: ZEUS_UUIDS[0]! };
const priyaStubborn = { pid: 4243, uid: 1001, gpuUuid: ZEUS_UUIDS[0]! };
const marcoOnGpu1 = { pid: 5000, uid: 1002, gpuUuid: ZEUS_UUIDS[1]! };

describe("SliceEndings", () => {
  it("tells the holder 10 minutes before and at the end, then SIGTERM, and SIGKILL only after the grace period to what is left", async () => {
    const m = machine("enforce", [priyaOnGpu0, priyaStubborn, marcoOnGpu1], [4243]);
    for (let t = DAY0 + 11 * H; t <= DAY0 + 12 * H + 2 * MIN; t += 5_000) await m.at(t);
    expect(m.told.map(([uid, text]) => [uid, text.slice(0, 48)])).toEqual([
      [1001, "Rigshare: your slice on GPU 0 ends at 12:00 UTC."],
      [1001, "Rigshare: your slice on GPU 0 has ended. Your pr"],
    ]);
    // Each signal once; the stubborn process gets SIGKILL 30 s after SIGTERM; marco's process is untouched.
    expect(m.signals).toEqual(["0s SIGTERM 4242", "0s SIGTERM 4243", "30s SIGKILL 4243"]);
    expect(m.endings.stopping).toBe(0);
  });

  it("in warn mode only tells, and in observe mode does nothing", async () => {
    const warn = machine("warn", [priyaOnGpu0]);
    const observe = machine("observe", [priyaOnGpu0]);
    for (let t = DAY0 + 11 * H; t <= DAY0 + 12 * H + MIN; t += 10_000) {
      await warn.at(t);
      await observe.at(t);
    }
    expect(warn.told.map(([, text]) => text)).toEqual([
      "Rigshare: your slice on GPU 0 ends at 12:00 UTC. Save your work; please stop your processes by then.",
      "Rigshare: your slice on GPU 0 has ended. Please stop your processes on it.",
    ]);
    expect(warn.signals).toEqual([]);
    expect(observe.told).toEqual([]);
  });

  it("does not replay what fell due before its first tick (an agent started after the end)", async () => {
    const m = machine("enforce", [priyaOnGpu0]);
    await m.at(DAY0 + 12 * H + MIN);
    await m.at(DAY0 + 12 * H + 2 * MIN);
    expect(m.told).toEqual([]);
  });
});

describe("SliceEndings.stopUnbooked", () => {
  it("tells the intruder, sends SIGTERM, and SIGKILL after the grace period on a later tick", async () => {
    const intruder = { pid: 6000, uid: 1003, gpuUuid: ZEUS_UUIDS[2]! };
    const m = machine("enforce", [intruder, marcoOnGpu1], [6000]);
    await m.at(DAY0 + 12 * H);
    await m.endings.stopUnbooked([intruder], (uuid) => ZEUS_UUIDS.indexOf(uuid));
    expect(m.told).toEqual([[1003, "Rigshare: you have no slice on GPU 2 now. Your processes on it get SIGTERM now and SIGKILL in 30 s. Book it in the portal first."]]);
    await m.at(DAY0 + 12 * H + 20_000);
    await m.at(DAY0 + 12 * H + 30_000);
    expect(m.signals).toEqual(["0s SIGTERM 6000", "30s SIGKILL 6000"]);
  });
});

describe("terminals from /proc", () => {
  it("finds a user's ttys from their processes' fds and writes the message to each", async () => {
    const root = await mkdtemp(join(tmpdir(), "fake-proc-"));
    const dev = join(root, "dev");
    await mkdir(join(dev, "pts"), { recursive: true });
    const proc = join(root, "proc");
    const processes: [number, number, string | null][] = [[100, 1001, "pts/3"], [101, 1001, "pts/3"], [102, 1001, "pts/7"], [200, 1002, "pts/4"], [300, 1001, null]];
    for (const [pid, uid, tty] of processes) {
      await mkdir(join(proc, String(pid), "fd"), { recursive: true });
      await writeFile(join(proc, String(pid), "status"), `Name:\tbash\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\n`);
      if (tty) {
        await writeFile(join(dev, tty), "");
        await symlink(join(dev, tty), join(proc, String(pid), "fd", "0"));
      } else await symlink("/dev/null", join(proc, String(pid), "fd", "0"));
    }
    expect(await terminalsOf(proc, 1001)).toEqual([join(dev, "pts/3"), join(dev, "pts/7")]);
    expect(await tellUser(proc, 1001, "Rigshare: hello")).toBe(2);
    expect(await readFile(join(dev, "pts/3"), "utf8")).toContain("Rigshare: hello");
    expect(await readFile(join(dev, "pts/4"), "utf8")).toBe("");
    expect(await terminalsOf(join(root, "missing"), 1001)).toEqual([]);
  });
});
