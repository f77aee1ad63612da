import type { SampleIn } from "@/core/agent/contract";
import { readNvidiaSmi } from "./nvidia-smi";
import { readPasswd, uidOfProcess } from "./users";

export interface CollectorOptions {
  nvidiaSmi: string;
  procRoot: string;
  passwd: string;
  timeoutMs?: number;
}

/** One sample: every GPU's metrics and its compute processes, each with its Linux user. */
export async function collectSample(options: CollectorOptions, seq: number, at: Date): Promise<SampleIn> {
  const [smi, users] = await Promise.all([readNvidiaSmi(options.nvidiaSmi, options.timeoutMs), readPasswd(options.passwd)]);
  const processes = await Promise.all(
    smi.apps.map(async (app) => {
      const uid = await uidOfProcess(options.procRoot, app.pid);
      return { gpuUuid: app.gpuUuid, pid: app.pid, uid, user: uid === null ? null : (users.get(uid) ?? null), name: app.name.slice(0, 256), memMib: app.usedMemMib };
    }),
  );
  return {
    seq,
    at: at.toISOString(),
    gpus: smi.gpus.map((g) => ({ uuid: g.uuid, index: g.index, name: g.name.slice(0, 120), utilPct: clamp(g.utilPct, 100), memUsedMib: g.memUsedMib, memTotalMib: g.memTotalMib, powerW: g.powerW, tempC: g.tempC })),
    processes,
    faults: smi.faults.map((f) => f.slice(0, 500)),
  };
}

const clamp = (value: number | null, max: number) => (value === null ? null : Math.min(Math.max(value, 0), max));
