import { chmodSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface FakeGpu {
  index: number;
  uuid: string;
  name: string;
  utilPct: number | null;
  memUsedMib: number | null;
  memTotalMib: number | null;
  powerW: number | null;
  tempC: number | null;
}
export interface FakeProcess {
  gpuUuid: string;
  pid: number;
  uid: number;
  name: string;
  memMib: number | null;
}
export interface Scenario {
  mode?: "ok" | "exit9" | "hang";
  gpus?: FakeGpu[];
  processes?: FakeProcess[];
  /** Raw output instead of the generated rows, e.g. a recorded capture. */
  gpuCsv?: string;
  appsCsv?: string;
}

const FAKE_SMI = resolve(__dirname, "fake-nvidia-smi.mjs");

/**
 * A machine's outside world in a folder: an `nvidia-smi` that answers from a scenario file, a
 * `/proc` with one status file per process, and a passwd file. The agent runs against it
 * unchanged (`--nvidia-smi`, `--proc-root`, `--passwd`).
 */
export class FakeHost {
  readonly nvidiaSmi: string;
  readonly procRoot: string;
  readonly passwd: string;
  private readonly scenarioFile: string;

  constructor(readonly dir: string, users: Record<number, string>) {
    mkdirSync(dir, { recursive: true });
    this.procRoot = join(dir, "proc");
    mkdirSync(this.procRoot, { recursive: true });
    this.passwd = join(dir, "passwd");
    writeFileSync(this.passwd, ["root:x:0:0:root:/root:/bin/bash", ...Object.entries(users).map(([uid, name]) => `${name}:x:${uid}:${uid}::/home/${name}:/bin/bash`)].join("\n") + "\n");
    this.scenarioFile = join(dir, "scenario.json");
    this.nvidiaSmi = join(dir, "nvidia-smi");
    writeFileSync(this.nvidiaSmi, `#!/bin/sh\nexec "${process.execPath}" "${FAKE_SMI}" "${this.scenarioFile}" "$@"\n`);
    chmodSync(this.nvidiaSmi, 0o755);
    this.set({ gpus: [], processes: [] });
  }

  /** Replaces what nvidia-smi reports and which processes exist in /proc. */
  set(scenario: Scenario) {
    // Renamed into place, so a reading in flight never sees half a file.
    writeFileSync(`${this.scenarioFile}.tmp`, JSON.stringify(scenario));
    renameSync(`${this.scenarioFile}.tmp`, this.scenarioFile);
    for (const p of scenario.processes ?? []) {
      mkdirSync(join(this.procRoot, String(p.pid)), { recursive: true });
      writeFileSync(join(this.procRoot, String(p.pid), "status"), `Name:\t${p.name.slice(0, 15)}\nState:\tR (running)\nPid:\t${p.pid}\nUid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}\nGid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}\n`);
    }
  }
}
