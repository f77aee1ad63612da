import { execFile } from "node:child_process";
import { APP_QUERY_FIELDS, GPU_QUERY_FIELDS, parseAppsCsv, parseGpuCsv, type AppReading, type GpuReading } from "@/core/agent/nvidia-smi";

/** nvidia-smi can hang on a wedged driver; the agent gives up after this and reports a fault. */
export const NVIDIA_SMI_TIMEOUT_MS = 5_000;

export interface NvidiaSmiResult {
  gpus: GpuReading[];
  apps: AppReading[];
  faults: string[];
}

function run(path: string, args: string[], timeoutMs: number): Promise<{ stdout: string } | { fault: string }> {
  return new Promise((resolve) => {
    execFile(path, args, { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 4 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout });
      const detail = (stderr || stdout || "").trim().split("\n")[0]?.slice(0, 200);
      if (error.killed || error.signal === "SIGKILL") return resolve({ fault: `nvidia-smi did not answer within ${timeoutMs / 1000} s and was stopped` });
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return resolve({ fault: `nvidia-smi was not found at ${path}` });
      resolve({ fault: `nvidia-smi exited with code ${error.code}${detail ? `: ${detail}` : ""}` });
    });
  });
}

/** One reading of every GPU and its compute processes; failures come back as faults, never as a throw. */
export async function readNvidiaSmi(path: string, timeoutMs = NVIDIA_SMI_TIMEOUT_MS): Promise<NvidiaSmiResult> {
  const format = "--format=csv,noheader,nounits";
  const [gpuOut, appOut] = await Promise.all([
    run(path, [`--query-gpu=${GPU_QUERY_FIELDS.join(",")}`, format], timeoutMs),
    run(path, [`--query-compute-apps=${APP_QUERY_FIELDS.join(",")}`, format], timeoutMs),
  ]);
  const faults: string[] = [];
  let gpus: GpuReading[] = [];
  let apps: AppReading[] = [];
  if ("fault" in gpuOut) faults.push(gpuOut.fault);
  else {
    const parsed = parseGpuCsv(gpuOut.stdout);
    gpus = parsed.rows;
    faults.push(...parsed.problems.slice(0, 3).map((p) => `nvidia-smi GPU output: ${p}`));
  }
  if ("fault" in appOut) {
    if (!("fault" in gpuOut) || appOut.fault !== gpuOut.fault) faults.push(appOut.fault);
  } else {
    const parsed = parseAppsCsv(appOut.stdout);
    apps = parsed.rows;
    faults.push(...parsed.problems.slice(0, 3).map((p) => `nvidia-smi process output: ${p}`));
  }
  return { gpus, apps, faults };
}
