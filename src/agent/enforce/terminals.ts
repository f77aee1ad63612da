import { readdir, readFile, readlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The terminals a user has open, found the way `w` would: the ttys that processes of theirs hold
 * as stdin, stdout or stderr, read from /proc (a fake one in tests).
 */
export async function terminalsOf(procRoot: string, uid: number): Promise<string[]> {
  const ttys = new Set<string>();
  const entries = await readdir(procRoot).catch(() => [] as string[]);
  for (const pid of entries.filter((e) => /^\d+$/.test(e))) {
    const status = await readFile(join(procRoot, pid, "status"), "utf8").catch(() => "");
    const owner = /^Uid:\s+(\d+)/m.exec(status);
    if (!owner || Number(owner[1]) !== uid) continue;
    for (const fd of ["0", "1", "2"]) {
      const target = await readlink(join(procRoot, pid, "fd", fd)).catch(() => "");
      if (/\/dev\/(pts\/\d+|tty\d+)$/.test(target)) ttys.add(target);
    }
  }
  return [...ttys].sort();
}

/** Writes a message to each of the user's terminals, as `write` does; a terminal that went away is skipped. */
export async function tellUser(procRoot: string, uid: number, message: string): Promise<number> {
  let told = 0;
  for (const tty of await terminalsOf(procRoot, uid)) {
    try {
      await writeFile(tty, `\r\n\x07${message}\r\n`, { flag: "a" });
      told++;
    } catch {
      // Closed between the scan and the write: nothing to tell there.
    }
  }
  return told;
}
