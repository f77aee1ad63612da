#!/usr/bin/env node
// A stand-in for nvidia-smi on machines without a GPU (tests, the demo): it answers the agent's
// two queries from a scenario file, or misbehaves as the scenario says (exit code 9, a hang).
// Usage: fake-nvidia-smi.mjs SCENARIO.json --query-gpu=... | --query-compute-apps=...
import { readFileSync } from "node:fs";

const [scenarioPath, ...args] = process.argv.slice(2);
const scenario = JSON.parse(readFileSync(scenarioPath, "utf8"));
const na = (value) => (value === null || value === undefined ? "[N/A]" : String(value));

if (scenario.mode === "hang") setInterval(() => {}, 1000);
else if (scenario.mode === "exit9") {
  process.stdout.write("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\n");
  process.exit(9);
} else if (args.some((a) => a.startsWith("--query-gpu="))) {
  if (scenario.gpuCsv !== undefined) process.stdout.write(scenario.gpuCsv);
  else for (const g of scenario.gpus ?? []) process.stdout.write([g.index, g.uuid, g.name, na(g.utilPct), na(g.memUtilPct ?? 0), na(g.memUsedMib), na(g.memTotalMib), na(g.powerW), na(g.tempC), na(g.fanPct ?? 30)].join(", ") + "\n");
} else if (args.some((a) => a.startsWith("--query-compute-apps="))) {
  if (scenario.appsCsv !== undefined) process.stdout.write(scenario.appsCsv);
  else for (const p of scenario.processes ?? []) process.stdout.write([p.gpuUuid, p.pid, na(p.memMib), p.name].join(", ") + "\n");
} else {
  process.stderr.write("fake nvidia-smi: only --query-gpu and --query-compute-apps are supported\n");
  process.exit(2);
}
