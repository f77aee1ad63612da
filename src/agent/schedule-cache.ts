import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { scheduleOut, type ScheduleOut } from "@/core/agent/schedule-contract";

/** The schedule as last received, with when: enforcement goes on from it while the portal is away (48 h ahead). */
export interface CachedSchedule {
  fetchedAt: string;
  schedule: ScheduleOut;
}

async function writeAtomically(path: string, text: string, mode: number) {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp`;
  await writeFile(temp, text, { mode });
  await chmod(temp, mode);
  await rename(temp, path);
}

/** `schedule.json` in the agent's state directory; a missing or damaged file reads as no cache. */
export class ScheduleCache {
  constructor(readonly path: string) {}

  static in(stateDir: string) {
    return new ScheduleCache(join(stateDir, "schedule.json"));
  }

  async read(): Promise<CachedSchedule | null> {
    try {
      const raw = JSON.parse(await readFile(this.path, "utf8")) as { fetchedAt?: unknown; schedule?: unknown };
      if (typeof raw.fetchedAt !== "string") return null;
      return { fetchedAt: raw.fetchedAt, schedule: scheduleOut.parse(raw.schedule) };
    } catch {
      return null;
    }
  }

  write(cached: CachedSchedule) {
    return writeAtomically(this.path, JSON.stringify(cached), 0o600);
  }
}

/**
 * What each person holds on the machine now, readable by everyone (`rigshare env` runs as the
 * person, not as root): written by the agent after every apply.
 */
export interface GrantsFile {
  writtenAt: string;
  machineName: string;
  users: { linuxUsername: string; uid: number | null; gpus: { index: number; uuid: string | null }[]; cpus: string; memoryMaxBytes: number; until: string | null }[];
  loginProfile: { cpus: string; memoryMaxBytes: number };
}

export const DEFAULT_GRANTS_FILE = "/run/rigshare-agent/grants.json";

export const writeGrantsFile = (path: string, grants: GrantsFile) => writeAtomically(path, JSON.stringify(grants, null, 2), 0o644);

export async function readGrantsFile(path: string): Promise<GrantsFile | null> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as GrantsFile;
  } catch {
    return null;
  }
}
