/**
 * Parsing of `nvidia-smi --query-*` CSV output. The agent asks with `--format=csv,noheader,nounits`;
 * the parser also accepts values that still carry units ("25 MiB", "0 %") so recorded captures
 * taken with `--format=csv` parse too. Values may read `[N/A]` or `[Insufficient Permissions]`
 * (null here), and process names may contain commas, so a row is split from both ends around its
 * one free-text column.
 */

export const GPU_QUERY_FIELDS = ["index", "uuid", "name", "utilization.gpu", "utilization.memory", "memory.used", "memory.total", "power.draw", "temperature.gpu", "fan.speed"] as const;
export const APP_QUERY_FIELDS = ["gpu_uuid", "pid", "used_memory", "process_name"] as const;

export interface GpuReading {
  index: number;
  uuid: string;
  name: string;
  utilPct: number | null;
  memUtilPct: number | null;
  memUsedMib: number | null;
  memTotalMib: number | null;
  powerW: number | null;
  tempC: number | null;
  fanPct: number | null;
}

export interface AppReading {
  gpuUuid: string;
  pid: number;
  usedMemMib: number | null;
  name: string;
}

export interface Parsed<T> {
  rows: T[];
  /** Lines that could not be read, with why; the rest of the output is still used. */
  problems: string[];
}

/** Values nvidia-smi prints instead of a number when it has none or may not say. */
const UNAVAILABLE = /^\[[^\]]*\]$|^N\/A$/;

/** The number at the start of a value ("25.07 W" → 25.07), or null for `[N/A]` and the like. */
export function parseMetric(raw: string): number | null {
  const value = raw.trim();
  if (value === "" || UNAVAILABLE.test(value)) return null;
  const match = /^-?\d+(?:\.\d+)?/.exec(value);
  return match ? Number(match[0]) : null;
}

/**
 * Splits a CSV row of `columns` fields in which the field at `freeIndex` may itself contain
 * commas: the fields before it are taken from the left, the ones after it from the right.
 */
export function splitRow(line: string, columns: number, freeIndex: number): string[] | null {
  const parts = line.split(",");
  if (parts.length < columns) return null;
  const after = columns - freeIndex - 1;
  const head = parts.slice(0, freeIndex);
  const tail = after > 0 ? parts.slice(parts.length - after) : [];
  const free = parts.slice(freeIndex, parts.length - after).join(",");
  return [...head, free, ...tail].map((part) => part.trim());
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== "");
}

/**
 * Maps a row to named fields. `columns` names the fields in the order nvidia-smi printed them;
 * with a header (`--format=csv`) pass `header: true` and they are read from the first line.
 */
function readTable(text: string, columns: readonly string[] | null, freeColumn: string): { records: Record<string, string>[]; problems: string[] } {
  const all = lines(text);
  const names = columns ?? (all.shift() ?? "").split(",").map((name) => name.trim().replace(/ \[.*\]$/, ""));
  const freeIndex = Math.max(0, names.indexOf(freeColumn));
  const records: Record<string, string>[] = [];
  const problems: string[] = [];
  for (const line of all) {
    const cells = splitRow(line, names.length, freeIndex);
    if (!cells) {
      problems.push(`expected ${names.length} fields: ${line.slice(0, 200)}`);
      continue;
    }
    records.push(Object.fromEntries(names.map((name, i) => [name, cells[i]!])));
  }
  return { records, problems };
}

const UUID = /^(GPU|MIG)-[0-9a-fA-F-]+$/;

/**
 * The rows of a table that `read` makes sense of; a row it cannot (null) becomes a problem that
 * says which (`unreadable`), after the problems of rows with the wrong number of fields.
 */
function parseRows<T>(text: string, columns: readonly string[] | null, freeColumn: string, unreadable: string, read: (r: Record<string, string>) => T | null): Parsed<T> {
  const { records, problems } = readTable(text, columns, freeColumn);
  const rows: T[] = [];
  for (const r of records) {
    const row = read(r);
    if (row === null) problems.push(`${unreadable}: ${JSON.stringify(r).slice(0, 200)}`);
    else rows.push(row);
  }
  return { rows, problems };
}

export function parseGpuCsv(text: string, options: { header?: boolean } = {}): Parsed<GpuReading> {
  return parseRows(text, options.header ? null : GPU_QUERY_FIELDS, "name", "a GPU row without index or UUID", (r) => {
    const index = parseMetric(r.index ?? "");
    const uuid = r.uuid ?? "";
    if (index === null || !UUID.test(uuid)) return null;
    return {
      index,
      uuid,
      name: r.name ?? "",
      utilPct: parseMetric(r["utilization.gpu"] ?? ""),
      memUtilPct: parseMetric(r["utilization.memory"] ?? ""),
      memUsedMib: parseMetric(r["memory.used"] ?? ""),
      memTotalMib: parseMetric(r["memory.total"] ?? ""),
      powerW: parseMetric(r["power.draw"] ?? ""),
      tempC: parseMetric(r["temperature.gpu"] ?? ""),
      fanPct: parseMetric(r["fan.speed"] ?? ""),
    };
  });
}

export function parseAppsCsv(text: string, options: { header?: boolean } = {}): Parsed<AppReading> {
  if (isNoProcessesMessage(text)) return { rows: [], problems: [] };
  return parseRows(text, options.header ? null : APP_QUERY_FIELDS, "process_name", "a process row without pid or GPU UUID", (r) => {
    const pid = parseMetric(r.pid ?? "");
    const gpuUuid = r.gpu_uuid ?? "";
    if (pid === null || !UUID.test(gpuUuid)) return null;
    return { gpuUuid, pid, usedMemMib: parseMetric(r.used_memory ?? r.used_gpu_memory ?? ""), name: r.process_name ?? "" };
  });
}

/** "No running processes found": some drivers print a sentence instead of an empty table. */
function isNoProcessesMessage(text: string): boolean {
  return /no running (compute )?processes found/i.test(text);
}
