import type { EnforcementMode, ScheduleDocument } from "./types";

/**
 * What an agent's copy of the schedule depends on, in a canonical order: the mode, the machine,
 * the login profile and the slices. The window's bounds are left out, so the fingerprint (the
 * long-poll's ETag) changes only when something the agent acts on changes.
 */
export function scheduleFingerprintInput(doc: ScheduleDocument, mode: EnforcementMode): string {
  const slices = [...doc.slices]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((s) => [s.id, s.linuxUsername, s.start, s.end, s.threads, s.ramGb, [...s.gpus].sort((a, b) => a.index - b.index).map((g) => [g.index, g.uuid])]);
  const m = doc.machine;
  return JSON.stringify([mode, [m.cores, m.threads, m.reservedThreads, m.ramGb, m.reservedRamGb], [doc.loginProfile.threads, doc.loginProfile.ramGb], slices]);
}
