import type { MachineFacts } from "@/core/enforcement/types";
import { readDeviceNodes } from "./collect/device-nodes";
import { readNvidiaSmi } from "./collect/nvidia-smi";
import { readPasswd, uidOfProcess } from "./collect/users";
import type { CollectorOptions } from "./collect/sample";
import { SliceEndings, tellUser, type GpuProcess } from "./enforce";

/** Who is who (the passwd file) and which device node each GPU is (nvidia-smi -q), read afresh at each apply. */
export async function machineFacts(collector: CollectorOptions): Promise<MachineFacts> {
  const [users, devices] = await Promise.all([readPasswd(collector.passwd), readDeviceNodes(collector.nvidiaSmi)]);
  const uids: Record<string, number> = {};
  for (const [uid, name] of users) uids[name] ??= uid;
  return { uids, devices };
}

/** The compute processes on the GPUs with their owners, for ending slices. */
export async function gpuProcesses(collector: CollectorOptions): Promise<GpuProcess[]> {
  const { apps } = await readNvidiaSmi(collector.nvidiaSmi);
  const out: GpuProcess[] = [];
  for (const app of apps) {
    const uid = await uidOfProcess(collector.procRoot, app.pid);
    if (uid !== null) out.push({ pid: app.pid, uid, gpuUuid: app.gpuUuid });
  }
  return out;
}

/** Slice endings on the real machine: terminals from /proc, processes from nvidia-smi, signals with kill(2). */
export function machineEndings(collector: CollectorOptions, now: () => number): SliceEndings {
  return new SliceEndings({
    now,
    tell: async (uid, message) => void (await tellUser(collector.procRoot, uid, message)),
    gpuProcesses: () => gpuProcesses(collector),
    signal: (pid, signal) => {
      try {
        process.kill(pid, signal);
        return true;
      } catch {
        return false;
      }
    },
  });
}
