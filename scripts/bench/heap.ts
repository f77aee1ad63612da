import { readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Asks the server (started with NODE_OPTIONS=--heapsnapshot-signal=SIGUSR2, which startApp passes
 * on when BENCH_HEAP_SNAPSHOT is set) to write its heap, moves the snapshot to `file` and prints
 * what the heap is made of: shallow size by kind and by constructor, as DevTools' summary shows it.
 */
export async function heapSnapshot(pid: number, file: string) {
  const before = new Set(readdirSync(".").filter((f) => f.endsWith(".heapsnapshot")));
  process.kill(pid, "SIGUSR2");
  let written: string | undefined;
  let size = -1;
  for (let i = 0; i < 600; i++) {
    await sleep(500);
    written ??= readdirSync(".").find((f) => f.endsWith(".heapsnapshot") && !before.has(f));
    if (!written) continue;
    const now = statSync(written).size;
    if (now === size && now > 0) break;
    size = now;
  }
  if (!written) throw new Error("the server wrote no heap snapshot");
  renameSync(written, file);
  printHeapSummary(file);
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

function printHeapSummary(file: string) {
  const heap = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf("type"), fields.indexOf("name"), fields.indexOf("self_size")];
  const byType = new Map<string, number>();
  const byName = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt]!]!;
    const bytes = heap.nodes[i + sizeAt]!;
    total += bytes;
    byType.set(type, (byType.get(type) ?? 0) + bytes);
    const name = type === "object" || type === "closure" ? `${type} ${heap.strings[heap.nodes[i + nameAt]!]}` : type;
    const entry = byName.get(name) ?? { bytes: 0, count: 0 };
    entry.bytes += bytes;
    entry.count++;
    byName.set(name, entry);
  }
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
  console.log(`\nheap snapshot ${file}: ${mb(total)} of JavaScript objects`);
  console.log(`by kind: ${[...byType].sort((a, b) => b[1] - a[1]).map(([t, b]) => `${t} ${mb(b)}`).join(", ")}`);
  console.log("largest by constructor (shallow size, count):");
  for (const [name, { bytes, count }] of [...byName].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 15)) console.log(`  ${mb(bytes).padStart(9)} ${String(count).padStart(8)}  ${name.slice(0, 90)}`);
}
