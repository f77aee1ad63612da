import { formatUtc, plural } from "../slices/format";
import type { EventKind } from "./kinds";

/** What a message needs to know about a slice; times in epoch milliseconds (UTC). */
export interface SliceRef {
  id: string;
  machineName: string;
  gpuCount: number;
  start: number;
  end: number;
  purpose: string;
  holderId: string;
  holderName: string;
  teamId: string;
  teamName: string;
}

/** Savings figures in micro-dollars; utilization as a 0..1 share of GPU-hours. */
export interface WeeklyDigest {
  weekStart: number;
  weekEnd: number;
  savingsWeekMicros: number;
  savingsToDateMicros: number;
  heldGpuHours: number;
  capacityGpuHours: number;
  /** Null until machines report telemetry (the machine agent): then used vs held and idle cost. */
  usedGpuHours: number | null;
  topIdleHeld: { teamName: string; idleCostMicros: number }[] | null;
}

export type NotificationEvent =
  | { kind: "request-waiting"; slice: SliceRef; extension?: { id: string; requestedEnd: number; reason: string } }
  | { kind: "quota-exception-asked"; slice: SliceRef; reason: string }
  | { kind: "slice-approved"; slice: SliceRef; by: string | null }
  | { kind: "slice-rejected"; slice: SliceRef; by: string; reason: string }
  | { kind: "quota-exception-decided"; slice: SliceRef; by: string; approved: boolean; reason: string }
  | { kind: "slice-starts-soon"; slice: SliceRef }
  | { kind: "slice-ends-soon"; slice: SliceRef }
  | { kind: "extension-decided"; slice: SliceRef; extensionId: string; approved: boolean; requestedEnd: number; by: string | null; reason: string | null }
  | { kind: "slice-released-by-admin"; slice: SliceRef; by: string; at: number }
  | { kind: "waitlist-placed"; slice: SliceRef; entryId: string; cause: string; backfilled: boolean; approved: boolean }
  | { kind: "serving-renewed"; slice: SliceRef; newEnd: number; nextRenewal: number }
  | { kind: "serving-renewal-refused"; slice: SliceRef; reasons: string[] }
  | { kind: "idle-warning"; slice: SliceRef; idleMinutes: number; reclaimAt: number }
  | { kind: "idle-reclaimed"; slice: SliceRef; idleMinutes: number; at: number }
  | { kind: "unbooked-use"; machineId: string; machineName: string; userId: string | null; linuxUsername: string; gpuIndexes: number[]; seenAt: number }
  | { kind: "agent-silent"; machineId: string; machineName: string; lastSeenAt: number }
  | { kind: "weekly-digest"; digest: WeeklyDigest };

/** The identity of an event: with the recipient and channel it is a delivery's idempotency key. */
export function eventKey(event: NotificationEvent): string {
  switch (event.kind) {
    case "request-waiting":
      return event.extension ? `extension-waiting:${event.extension.id}` : `request-waiting:${event.slice.id}`;
    case "quota-exception-asked":
    case "slice-approved":
    case "slice-rejected":
    case "quota-exception-decided":
      return `${event.kind}:${event.slice.id}`;
    case "slice-starts-soon":
      return `${event.kind}:${event.slice.id}:${event.slice.start}`;
    case "slice-ends-soon":
      return `${event.kind}:${event.slice.id}:${event.slice.end}`;
    case "extension-decided":
      return `${event.kind}:${event.extensionId}`;
    case "slice-released-by-admin":
    case "idle-reclaimed":
      return `${event.kind}:${event.slice.id}`;
    case "waitlist-placed":
      // One waiting request is placed at most once, so its entry names the event.
      return `${event.kind}:${event.entryId}`;
    case "serving-renewed":
      return `${event.kind}:${event.slice.id}:${event.newEnd}`;
    case "serving-renewal-refused":
      // Once per end: the check runs every minute, the holder hears of a blocked renewal once.
      return `${event.kind}:${event.slice.id}:${event.slice.end}`;
    case "idle-warning":
      // Two warnings of one idle spell share their reclaim time: the minutes tell them apart.
      return `${event.kind}:${event.slice.id}:${event.reclaimAt}:${event.idleMinutes}`;
    case "unbooked-use":
      return `${event.kind}:${event.machineId}:${event.linuxUsername}:${event.seenAt}`;
    case "agent-silent":
      return `${event.kind}:${event.machineId}:${event.lastSeenAt}`;
    case "weekly-digest":
      return `${event.kind}:${event.digest.weekStart}`;
  }
}

/** A message's words before any channel's formatting: a title, lines of detail and the link. */
export interface Described {
  kind: EventKind;
  title: string;
  lines: string[];
  path: string;
  linkLabel: string;
}

const money = (micros: number) => `$${(micros / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
const window = (s: SliceRef) => `${formatUtc(s.start)} to ${formatUtc(s.end)}`;
const what = (s: SliceRef) => `${plural(s.gpuCount, "GPU")} on ${s.machineName}`;

export function describeEvent(event: NotificationEvent): Described {
  const base = { kind: event.kind };
  switch (event.kind) {
    case "request-waiting":
      return event.extension
        ? { ...base, title: `${event.slice.holderName} asks to extend a slice on ${event.slice.machineName}`, lines: [`Until ${formatUtc(event.extension.requestedEnd)} (now ${formatUtc(event.slice.end)}).`, `Reason: ${event.extension.reason}`], path: "/admin/queue", linkLabel: "Decide in the request queue" }
        : { ...base, title: `${event.slice.holderName} requests ${what(event.slice)}`, lines: [`${window(event.slice)}, team ${event.slice.teamName}.`, `Purpose: ${event.slice.purpose}`], path: "/admin/queue", linkLabel: "Decide in the request queue" };
    case "quota-exception-asked":
      return { ...base, title: `${event.slice.holderName} asks for a quota exception`, lines: [`${what(event.slice)}, ${window(event.slice)}, team ${event.slice.teamName}.`, `Why: ${event.reason}`], path: "/admin/queue", linkLabel: "Decide in the request queue" };
    case "slice-approved":
      return { ...base, title: `Approved: ${what(event.slice)}`, lines: [`${window(event.slice)}.`, event.by ? `Approved by ${event.by}.` : "Approved automatically: it fits capacity and quota."], path: "/slices", linkLabel: "See my slices" };
    case "slice-rejected":
      return { ...base, title: `Rejected: ${what(event.slice)}`, lines: [`${window(event.slice)}.`, `${event.by} gave this reason: ${event.reason}`], path: "/slices", linkLabel: "See my slices" };
    case "quota-exception-decided":
      return { ...base, title: `Quota exception ${event.approved ? "granted" : "refused"}: ${what(event.slice)}`, lines: [`${window(event.slice)}.`, `${event.by}: ${event.reason}`], path: "/slices", linkLabel: "See my slices" };
    case "slice-starts-soon":
      return { ...base, title: `Starts in 15 minutes: ${what(event.slice)}`, lines: [`${window(event.slice)}.`, `Purpose: ${event.slice.purpose}`], path: "/slices", linkLabel: "See my slices" };
    case "slice-ends-soon":
      return { ...base, title: `Ends in 30 minutes: ${what(event.slice)}`, lines: [`It ends at ${formatUtc(event.slice.end)}. Save your work, or ask for more time.`], path: `/slices?extend=${event.slice.id}`, linkLabel: "Extend this slice" };
    case "extension-decided":
      return { ...base, title: `Extension ${event.approved ? "approved" : "rejected"}: ${what(event.slice)}`, lines: [event.approved ? `It now ends at ${formatUtc(event.requestedEnd)}.` : `It still ends at ${formatUtc(event.slice.end)}.`, event.by ? `Decided by ${event.by}${event.reason ? `: ${event.reason}` : "."}` : "Approved automatically: it fits capacity and quota."], path: "/slices", linkLabel: "See my slices" };
    case "slice-released-by-admin":
      return { ...base, title: `${event.by} released your slice on ${event.slice.machineName}`, lines: [`It ended at ${formatUtc(event.at)} instead of ${formatUtc(event.slice.end)}; the GPUs are free for others.`], path: "/slices", linkLabel: "See my slices" };
    case "waitlist-placed":
      return { ...base, title: `Placed from the waitlist: ${what(event.slice)}`, lines: [`${window(event.slice)}.`, `Capacity freed when ${event.cause}${event.backfilled ? "; it fits before the request ahead of it could start" : ""}.`, event.approved ? "It is approved: the GPUs are yours for that window." : "It waits for an admin's approval."], path: "/slices", linkLabel: "See my slices" };
    case "serving-renewed":
      return { ...base, title: `Renewed for a month: ${what(event.slice)}`, lines: [`Your serving slice now ends at ${formatUtc(event.newEnd)} (it ended at ${formatUtc(event.slice.end)}).`, `It renews monthly until you release it; next renewal from ${formatUtc(event.nextRenewal)}.`], path: "/slices", linkLabel: "See my slices" };
    case "serving-renewal-refused":
      return { ...base, title: `Could not renew: ${what(event.slice)}`, lines: [`Your serving slice still ends at ${formatUtc(event.slice.end)}: another booking or a quota stands in the way of a month more.`, ...event.reasons, "The portal tries again every minute until it ends; move the model or ask an admin."], path: "/slices", linkLabel: "See my slices" };
    case "idle-warning":
      return { ...base, title: `Idle for ${event.idleMinutes} minutes: ${what(event.slice)}`, lines: [`It will be reclaimed at ${formatUtc(event.reclaimAt)} unless the GPUs are used again.`], path: "/slices", linkLabel: "See my slices" };
    case "idle-reclaimed":
      return { ...base, title: `Reclaimed after ${event.idleMinutes} idle minutes: ${what(event.slice)}`, lines: [`It ended at ${formatUtc(event.at)}; the GPUs are free for others.`], path: "/slices", linkLabel: "See my slices" };
    case "unbooked-use":
      return { ...base, title: `GPUs used without a slice on ${event.machineName}`, lines: [`${event.linuxUsername} used GPU ${event.gpuIndexes.join(", ")} at ${formatUtc(event.seenAt)} without holding a slice.`, "Request a slice for this work, or stop it."], path: "/slices/new", linkLabel: "Request a slice" };
    case "agent-silent":
      return { ...base, title: `No word from ${event.machineName}'s agent for 10 minutes`, lines: [`Last report at ${formatUtc(event.lastSeenAt)}. The machine may be down or off the network.`], path: `/inventory/${event.machineId}`, linkLabel: "Open the machine" };
    case "weekly-digest":
      return { ...base, title: `Savings this week: ${money(event.digest.savingsWeekMicros)}`, lines: digestLines(event.digest), path: "/savings", linkLabel: "Open the savings report" };
  }
}

function digestLines(d: WeeklyDigest): string[] {
  const held = d.capacityGpuHours > 0 ? Math.round((100 * d.heldGpuHours) / d.capacityGpuHours) : 0;
  const lines = [
    `Week ${formatUtc(d.weekStart).slice(0, 10)} to ${formatUtc(d.weekEnd).slice(0, 10)}: ${money(d.savingsWeekMicros)} saved against the cloud; ${money(d.savingsToDateMicros)} to date.`,
    `GPUs held ${held}% of the time (${Math.round(d.heldGpuHours)} of ${Math.round(d.capacityGpuHours)} GPU-hours).`,
  ];
  if (d.usedGpuHours === null || d.topIdleHeld === null) {
    lines.push("Used-vs-held utilization and the top idle-held cost appear once machines report telemetry.");
  } else {
    lines.push(`Used ${Math.round(d.usedGpuHours)} of the ${Math.round(d.heldGpuHours)} held GPU-hours.`);
    for (const t of d.topIdleHeld) lines.push(`Idle while held: ${t.teamName}, ${money(t.idleCostMicros)}.`);
  }
  return lines;
}
