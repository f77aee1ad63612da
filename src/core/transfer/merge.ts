import { canonical, type UserRecord } from "./records";
import type { Change, Problem, Section } from "./plan-model";

// How a document's section is laid over what is stored, and the messages that name what is missing.

export interface Entry<T> {
  record: T;
  /** Where the document lists it; absent for stored records the document leaves out. */
  path?: string;
  before: T | null;
}

export const isChange = <T>(e: Entry<T>) => e.path !== undefined && (e.before === null || canonical(e.record) !== canonical(e.before));

/**
 * Merges a section: stored records by key, overlaid with the document's (completed by `complete`,
 * which returns null after reporting why a record cannot be used). A key listed twice is a problem.
 */
export function mergeSection<I, R>(
  section: Section,
  inputs: readonly (I | undefined)[] | undefined,
  stored: readonly R[],
  keyOf: { input: (i: I) => string; record: (r: R) => string; field: string },
  complete: (input: I, before: R | null, path: string) => R | null,
  problems: Problem[],
): Map<string, Entry<R>> {
  const merged = new Map<string, Entry<R>>(stored.map((record) => [keyOf.record(record), { record, before: record }]));
  const listed = new Map<string, string>();
  (inputs ?? []).forEach((input, index) => {
    if (input === undefined) return;
    const path = `${section}[${index}]`;
    const key = keyOf.input(input);
    const first = listed.get(key);
    if (first) {
      problems.push({ path: `${path}.${keyOf.field}`, message: `is listed twice (also at ${first})` });
      return;
    }
    listed.set(key, path);
    const before = merged.get(key)?.before ?? null;
    const record = complete(input, before, path);
    if (record) merged.set(key, { record, path, before });
  });
  return merged;
}

/** Two people cannot share a Linux user name: the agent could not tell their processes apart. */
export function linuxUsernameClashes(users: Map<string, Entry<UserRecord>>): Problem[] {
  const holders = new Map<string, Entry<UserRecord>[]>();
  for (const entry of users.values()) {
    const name = entry.record.linuxUsername;
    if (name !== null) holders.set(name, [...(holders.get(name) ?? []), entry]);
  }
  const problems: Problem[] = [];
  for (const [name, entries] of holders) {
    if (entries.length < 2) continue;
    for (const entry of entries.filter((e) => e.path !== undefined)) {
      const other = entries.find((e) => e !== entry)!;
      problems.push({ path: `${entry.path}.linuxUsername`, message: `"${name}" is already the Linux user name of ${other.record.email}` });
    }
  }
  return problems;
}

export function changesOf<T>(merged: Map<string, Entry<T>>): { changes: Change<T>[]; unchanged: number } {
  const changes: Change<T>[] = [];
  let unchanged = 0;
  for (const [key, entry] of merged) {
    if (entry.path === undefined) continue;
    if (isChange(entry)) changes.push({ key, path: entry.path, record: entry.record, before: entry.before });
    else unchanged++;
  }
  return { changes, unchanged };
}

export const list = (names: Iterable<string>) => [...names].slice(0, 8).map((n) => `"${n}"`).join(", ");
export const namesOf = (merged: Map<string, Entry<{ name: string }>>) => [...merged.values()].map((e) => e.record.name);
export const unknown = (what: string, name: string, section: string, known: string[]) =>
  `unknown ${what} "${name}"; add it to ${section}${known.length > 0 ? ` or use one of ${list(known)}` : ""}`;
