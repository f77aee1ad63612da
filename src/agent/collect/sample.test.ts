import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sampleIn } from "@/core/agent/contract";
import { FakeHost } from "../demo/fake-host";
import { collectSample } from "./sample";

const at = new Date("2026-12-07T08:00:00Z");
const hostWith = () => {
  const host = new FakeHost(mkdtempSync(join(tmpdir(), "host-")), { 1001: "alice", 1002: "carol" });
  return { host, options: { nvidiaSmi: host.nvidiaSmi, procRoot: host.procRoot, passwd: host.passwd, timeoutMs: 15_000 } };
};
const gpu = (index: number, utilPct: number | null) => ({ index, uuid: `GPU-0000000${index}-aaaa-bbbb-cccc-000000000000`, name: "NVIDIA GeForce RTX 3090", utilPct, memUsedMib: 20_000, memTotalMib: 24_576, powerW: 310.5, tempC: 71 });

// Each reading starts a Node process (the fake nvidia-smi): generous limits for busy machines.
describe("collecting a sample through nvidia-smi, /proc and passwd", { timeout: 60_000 }, () => {
  it("gives each process its Linux user and keeps commas in names", async () => {
    const { host, options } = hostWith();
    host.set({
      gpus: [gpu(0, 97), gpu(1, 0)],
      processes: [
        { gpuUuid: gpu(0, 0).uuid, pid: 4242, uid: 1001, name: "python train.py --tags=a,b", memMib: 19_000 },
        { gpuUuid: gpu(1, 0).uuid, pid: 5151, uid: 1002, name: "python", memMib: 800 },
        { gpuUuid: gpu(1, 0).uuid, pid: 6161, uid: 3333, name: "ghost", memMib: 10 },
      ],
    });
    const sample = await collectSample(options, 7, at);
    expect(sampleIn.parse(sample)).toEqual(sample);
    expect(sample).toMatchObject({ seq: 7, at: at.toISOString(), faults: [] });
    expect(sample.gpus.map((g) => [g.index, g.utilPct, g.powerW])).toEqual([[0, 97], [1, 0]].map(([i, u]) => [i, u, 310.5]));
    expect(sample.processes).toEqual([
      { gpuUuid: gpu(0, 0).uuid, pid: 4242, uid: 1001, user: "alice", name: "python train.py --tags=a,b", memMib: 19_000 },
      { gpuUuid: gpu(1, 0).uuid, pid: 5151, uid: 1002, user: "carol", name: "python", memMib: 800 },
      // A uid without a passwd entry keeps its number; a process gone from /proc has neither.
      { gpuUuid: gpu(1, 0).uuid, pid: 6161, uid: 3333, user: null, name: "ghost", memMib: 10 },
    ]);
  });

  it("reads the real RTX 4080 SUPER capture's values through the agent's query", async () => {
    const { host, options } = hostWith();
    const fixture = readFileSync(join(__dirname, "../../../test/fixtures/nvidia-smi/rtx-4080-super-load-query-gpu.csv"), "utf8").split("\n");
    const header = fixture[0]!.split(", ").map((h) => h.replace(/ \[.*\]$/, ""));
    const values = fixture[1]!.split(", ");
    const pick = (field: string) => values[header.indexOf(field)]!.replace(/ (%|MiB|W)$/, "");
    host.set({ gpuCsv: ["index", "uuid", "name", "utilization.gpu", "utilization.memory", "memory.used", "memory.total", "power.draw", "temperature.gpu", "fan.speed"].map(pick).join(", ") + "\n", appsCsv: "No running processes found\n" });
    const sample = await collectSample(options, 1, at);
    expect(sample.gpus).toEqual([{ index: 0, uuid: "GPU-00000000-0000-0000-0000-000000000000", name: "NVIDIA GeForce RTX 4080 SUPER", utilPct: 7, memUsedMib: 1474, memTotalMib: 16376, powerW: 84.24, tempC: 46 }]);
    expect(sample.faults).toEqual([]);
  });

  it("reports [N/A] and [Insufficient Permissions] as missing values", async () => {
    const { host, options } = hostWith();
    host.set({ gpuCsv: "0, GPU-00000000-aaaa-bbbb-cccc-000000000000, Tesla T4, [N/A], [N/A], [Insufficient Permissions], 15360, [N/A], 40, [N/A]\n", appsCsv: "GPU-00000000-aaaa-bbbb-cccc-000000000000, 99, [N/A], [Insufficient Permissions]\n" });
    const sample = await collectSample(options, 1, at);
    expect(sample.gpus[0]).toMatchObject({ utilPct: null, memUsedMib: null, memTotalMib: 15360, powerW: null, tempC: 40 });
    expect(sample.processes[0]).toMatchObject({ pid: 99, memMib: null, uid: null, user: null });
    expect(sampleIn.safeParse(sample).success).toBe(true);
  });

  it("turns exit code 9 into a fault, not a crash", async () => {
    const { host, options } = hostWith();
    host.set({ mode: "exit9" });
    const sample = await collectSample(options, 1, at);
    expect(sample.gpus).toEqual([]);
    expect(sample.faults).toEqual([expect.stringMatching(/^nvidia-smi exited with code 9: NVIDIA-SMI has failed/)]);
  });

  it("stops a hanging nvidia-smi after the timeout and reports it", async () => {
    const { host, options } = hostWith();
    host.set({ mode: "hang" });
    const started = Date.now();
    const sample = await collectSample({ ...options, timeoutMs: 400 }, 1, at);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sample.faults).toEqual([expect.stringContaining("did not answer within 0.4 s")]);
  });

  it("says when nvidia-smi is missing", async () => {
    const { options } = hostWith();
    const sample = await collectSample({ ...options, nvidiaSmi: "/nonexistent/nvidia-smi" }, 1, at);
    expect(sample.faults[0]).toContain("not found");
  });
});
