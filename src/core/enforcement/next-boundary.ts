import type { ScheduleDocument } from "./types";

/** The next instant after `at` when the desired state changes (a slice starts or ends), or null when none is scheduled in the document. */
export function nextBoundary(doc: ScheduleDocument, at: number): number | null {
  let next: number | null = null;
  for (const slice of doc.slices) {
    if (slice.end <= slice.start) continue;
    for (const edge of [slice.start, slice.end]) {
      if (edge > at && (next === null || edge < next)) next = edge;
    }
  }
  return next;
}

export interface EndingNotice {
  sliceId: string;
  linuxUsername: string;
  /** The slice's end; `at` is when the notice is due. */
  end: number;
  at: number;
  kind: "soon" | "now";
}

/**
 * The end-of-slice notices due in (since, until]: one `minutesBefore` the end and one at the end.
 * A slice that continues in another slice of the same person on the same GPUs (an extension
 * recorded as a new slice, back to back) is not "ending".
 */
export function endingNotices(doc: ScheduleDocument, since: number, until: number, minutesBefore: number): EndingNotice[] {
  const notices: EndingNotice[] = [];
  for (const slice of doc.slices) {
    if (slice.end <= slice.start) continue;
    const continued = doc.slices.some(
      (other) => other.id !== slice.id && other.linuxUsername === slice.linuxUsername && other.start <= slice.end && slice.end < other.end && slice.gpus.every((g) => other.gpus.some((o) => o.uuid === g.uuid && o.index === g.index)),
    );
    if (continued) continue;
    const soon = Math.max(slice.end - minutesBefore * 60_000, slice.start);
    for (const [at, kind] of [[soon, "soon"], [slice.end, "now"]] as const) {
      if (at > since && at <= until && !(kind === "soon" && minutesBefore <= 0)) notices.push({ sliceId: slice.id, linuxUsername: slice.linuxUsername, end: slice.end, at, kind });
    }
  }
  return notices.sort((a, b) => a.at - b.at || a.sliceId.localeCompare(b.sliceId) || a.kind.localeCompare(b.kind));
}
