import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EnforcementStatus } from "./enforcer";

export const DEFAULT_STATE_DIR = "/var/lib/rigshare-agent";

export interface Credential {
  portal: string;
  machineId: string;
  machineName: string;
  credential: string;
}

/** What `status` prints and the run loop keeps up to date. */
export interface AgentStatus {
  nextSeq: number;
  lastReportAt: string | null;
  lastError: string | null;
  portalReachable: boolean | null;
  gpusSeen: { index: number; uuid: string; name: string }[];
  spooled: number;
  faults: string[];
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
async function writeJson(path: string, value: unknown, mode = 0o600): Promise<void> {
  const temp = `${path}.tmp`;
  await writeFile(temp, JSON.stringify(value, null, 2), { mode });
  await chmod(temp, mode);
  await rename(temp, path);
}

export class StateDir {
  constructor(readonly dir: string) {}

  async ensure() {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  readCredential = () => readJson<Credential>(join(this.dir, "credential.json"));
  /** The credential is the machine's secret: readable by root only. */
  writeCredential = (credential: Credential) => writeJson(join(this.dir, "credential.json"), credential, 0o600);

  async readStatus(): Promise<AgentStatus> {
    return (await readJson<AgentStatus>(join(this.dir, "status.json"))) ?? { nextSeq: 1, lastReportAt: null, lastError: null, portalReachable: null, gpusSeen: [], spooled: 0, faults: [] };
  }
  writeStatus = (status: AgentStatus) => writeJson(join(this.dir, "status.json"), status, 0o644);

  spoolDir = () => join(this.dir, "spool");

  readEnforcement = () => readJson<EnforcementStatus>(join(this.dir, "enforcement.json"));
  writeEnforcement = (status: EnforcementStatus) => writeJson(join(this.dir, "enforcement.json"), status, 0o644);
}
