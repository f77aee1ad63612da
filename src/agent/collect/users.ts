import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** The owner of a process: the real uid on the `Uid:` line of /proc/PID/status (PIDs from nvidia-smi are host PIDs). */
export async function uidOfProcess(procRoot: string, pid: number): Promise<number | null> {
  try {
    const status = await readFile(join(procRoot, String(pid), "status"), "utf8");
    const match = /^Uid:\s+(\d+)/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    // The process ended between nvidia-smi and now, or /proc is not ours to read.
    return null;
  }
}

/** uid → user name from a passwd file (`name:x:uid:gid:...`); re-read every sample, it is small. */
export async function readPasswd(path: string): Promise<Map<number, string>> {
  const users = new Map<number, string>();
  const text = await readFile(path, "utf8").catch(() => "");
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [name, , uid] = line.split(":");
    if (name && uid && /^\d+$/.test(uid) && !users.has(Number(uid))) users.set(Number(uid), name);
  }
  return users;
}
