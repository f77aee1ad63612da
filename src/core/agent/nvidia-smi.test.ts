import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAppsCsv, parseGpuCsv, parseMetric, splitRow } from "./nvidia-smi";

const fixture = (name: string) => readFileSync(join(__dirname, "../../../test/fixtures/nvidia-smi", name), "utf8");

describe("nvidia-smi output from a real GeForce RTX 4080 SUPER (driver 595.71.05)", () => {
  it("reads the GPU under load by its header names, units and all", () => {
    const { rows, problems } = parseGpuCsv(fixture("rtx-4080-super-load-query-gpu.csv"), { header: true });
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { index: 0, uuid: "GPU-00000000-0000-0000-0000-000000000000", name: "NVIDIA GeForce RTX 4080 SUPER", utilPct: 7, memUtilPct: 2, memUsedMib: 1474, memTotalMib: 16376, powerW: 84.24, tempC: 46, fanPct: 0 },
    ]);
  });

  it("reads the idle GPU", () => {
    const [gpu] = parseGpuCsv(fixture("rtx-4080-super-idle-query-gpu.csv"), { header: true }).rows;
    expect(gpu).toMatchObject({ utilPct: 0, memTotalMib: 16376 });
    expect(gpu!.memUsedMib).toBeGreaterThan(0);
  });

  it("reads the compute processes, with paths in their names", () => {
    const { rows, problems } = parseAppsCsv(fixture("rtx-4080-super-load-compute-apps.csv"), { header: true });
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { gpuUuid: "GPU-00000000-0000-0000-0000-000000000000", pid: 2165, usedMemMib: 25, name: "/usr/bin/kwin_wayland" },
      { gpuUuid: "GPU-00000000-0000-0000-0000-000000000000", pid: 5022, usedMemMib: 503, name: "ffmpeg" },
      { gpuUuid: "GPU-00000000-0000-0000-0000-000000000000", pid: 5021, usedMemMib: 360, name: "ffmpeg" },
    ]);
  });
});

describe("the agent's own query (noheader, nounits)", () => {
  it("turns [N/A] and [Insufficient Permissions] into missing values, not zeros", () => {
    const { rows } = parseGpuCsv("0, GPU-1a2b, NVIDIA GeForce RTX 3090, [N/A], [N/A], 1200, 24576, [Insufficient Permissions], 61, [N/A]\n");
    expect(rows[0]).toMatchObject({ utilPct: null, memUtilPct: null, memUsedMib: 1200, powerW: null, tempC: 61, fanPct: null });
  });

  it("keeps commas inside process names", () => {
    const { rows } = parseAppsCsv("GPU-1a2b, 4242, 812, python train.py --lr=1e-4,warmup=100\nGPU-1a2b, 77, [N/A], a,b,c\n");
    expect(rows.map((r) => r.name)).toEqual(["python train.py --lr=1e-4,warmup=100", "a,b,c"]);
    expect(rows[1]!.usedMemMib).toBeNull();
  });

  it("reports rows it cannot read and keeps the rest", () => {
    const { rows, problems } = parseGpuCsv("0, GPU-aa, A, 1, 1, 1, 1, 1, 1, 1\ngarbage\n1, not-a-uuid, B, 1, 1, 1, 1, 1, 1, 1\n");
    expect(rows).toHaveLength(1);
    expect(problems).toHaveLength(2);
  });

  it("reads 'No running processes found' as no processes", () => {
    expect(parseAppsCsv("No running processes found\n")).toEqual({ rows: [], problems: [] });
    expect(parseAppsCsv("")).toEqual({ rows: [], problems: [] });
  });

  it("reads numbers with or without units", () => {
    expect([parseMetric("84.24 W"), parseMetric(" 0 %"), parseMetric("[N/A]"), parseMetric(""), parseMetric("N/A")]).toEqual([84.24, 0, null, null, null]);
  });

  it("splits any row so that joining it back gives the line (property)", () => {
    const cell = fc.string({ maxLength: 6 }).filter((s) => !s.includes(",") && s.trim() === s);
    fc.assert(
      fc.property(fc.array(cell, { minLength: 3, maxLength: 3 }), fc.array(fc.string({ maxLength: 8 }).map((s) => s.trim()), { minLength: 1, maxLength: 4 }), (fixed, nameParts) => {
        const name = nameParts.join(",");
        const line = [...fixed, name].join(",");
        expect(splitRow(line, 4, 3)).toEqual([...fixed, name.split(",").map((p) => p).join(",").trim()]);
      }),
    );
  });
});
