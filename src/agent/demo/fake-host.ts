import { chmodSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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

/**
 * A stand-in for nvidia-smi: a shell script that prints the prepared answer to the agent's two
 * queries, or misbehaves as told (exit code 9 with the driver's message, or a hang). Plain sh and
 * cat, so a busy machine answers as fast as a real nvidia-smi would.
 */
const FAKE_NVIDIA_SMI = `#!/bin/sh
dir="$(dirname "$0")"
case "$(cat "$dir/mode" 2>/dev/null)" in
  hang) exec sleep 3600 ;;
  exit9) echo "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running."; exit 9 ;;
esac
case "$1" in
  --query-gpu=*) exec cat "$dir/gpu.csv" ;;
  --query-compute-apps=*) exec cat "$dir/apps.csv" ;;
esac
echo "fake nvidia-smi: only --query-gpu and --query-compute-apps are supported" >&2
exit 2
`;

const na = (value: number | null) => (value === null ? "[N/A]" : String(value));

/**
 * A machine's outside world in a folder: an \`nvidia-smi\` that answers from prepared files, a
 * \`/proc\` with one status file per process, and a passwd file. The agent runs against it
 * unchanged (\`--nvidia-smi\`, \`--proc-root\`, \`--passwd\`).
 */
export class FakeHost {
  readonly nvidiaSmi: string;
  readonly procRoot: string;
  readonly passwd: string;

  constructor(readonly dir: string, users: Record<number, string>) {
    mkdirSync(dir, { recursive: true });
    this.procRoot = join(dir, "proc");
    mkdirSync(this.procRoot, { recursive: true });
    this.passwd = join(dir, "passwd");
    writeFileSync(this.passwd, ["root:x:0:0:root:/root:/bin/bash", ...Object.entries(users).map(([uid, name]) => `${name}:x:${uid}:${uid}::/home/${name}:/bin/bash`)].join("\n") + "\n");
    this.nvidiaSmi = join(dir, "nvidia-smi");
    writeFileSync(this.nvidiaSmi, FAKE_NVIDIA_SMI);
    chmodSync(this.nvidiaSmi, 0o755);
    this.set({ gpus: [], processes: [] });
  }

  /** Replaces what nvidia-smi reports and which processes exist in /proc. */
  set(scenario: Scenario) {
    const gpuCsv = scenario.gpuCsv ?? (scenario.gpus ?? []).map((g) => [g.index, g.uuid, g.name, na(g.utilPct), "0", na(g.memUsedMib), na(g.memTotalMib), na(g.powerW), na(g.tempC), "30"].join(", ") + "\n").join("");
    const appsCsv = scenario.appsCsv ?? (scenario.processes ?? []).map((p) => [p.gpuUuid, p.pid, na(p.memMib), p.name].join(", ") + "\n").join("");
    for (const p of scenario.processes ?? []) {
      mkdirSync(join(this.procRoot, String(p.pid)), { recursive: true });
      writeFileSync(join(this.procRoot, String(p.pid), "status"), `Name:\t${p.name.slice(0, 15)}\nState:\tR (running)\nPid:\t${p.pid}\nUid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}\nGid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}\n`);
    }
    // Each file is renamed into place, so a reading in flight never sees half of one.
    for (const [file, text] of [["gpu.csv", gpuCsv], ["apps.csv", appsCsv], ["mode", scenario.mode ?? "ok"]] as const) {
      writeFileSync(join(this.dir, `${file}.tmp`), text);
      renameSync(join(this.dir, `${file}.tmp`), join(this.dir, file));
    }
  }
}
