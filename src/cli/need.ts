import type { paths } from "./api/types.gen";
import { api, when } from "./remote";

/** Requests by need and one's place in the queue, through the REST API (RIGSHARE_URL, RIGSHARE_TOKEN). */

type Ok<T> = T extends { responses: { 200: { content: { "application/json": infer R } } } } ? R : never;

export async function requestByNeedCommand(options: { gpus: number; minGpuMemoryGb?: number; hours: number; purpose: string; start?: string; latestEnd?: string; wait: boolean }): Promise<void> {
  const result = await api<Ok<paths["/needs"]["post"]>>("POST", "/needs", {
    gpuCount: options.gpus,
    minGpuMemoryGb: options.minGpuMemoryGb,
    durationHours: options.hours,
    earliestStart: options.start,
    latestEnd: options.latestEnd,
    purpose: options.purpose,
    waitlist: options.wait,
  });
  for (const v of result.verdicts) console.log(`  ${v.chosen ? "✓" : "·"} ${v.message}`);
  if (result.outcome === "placed") {
    const s = result.slice;
    console.log(`Placed ${s.id} on ${s.machine.name}: ${s.gpuCount} GPU(s), ${when(s.start)} → ${when(s.end)} UTC (${s.state}).`);
  } else {
    const w = result.waiting;
    console.log(`Waiting: number ${w.position} of ${w.queueLength} in the queue; estimated start ${w.estimatedStart ? `${when(w.estimatedStart)} UTC` : "unknown"}.`);
  }
}

export async function myWaitlistCommand(): Promise<void> {
  const mine = await api<Ok<paths["/waitlist/mine"]["get"]>>("GET", "/waitlist/mine");
  if (mine.waiting.length === 0) console.log("Nothing waiting.");
  for (const e of mine.waiting) console.log(`${e.id}  #${e.position} of ${mine.queueLength}  ${e.need}  estimated ${e.estimatedStart ? `${when(e.estimatedStart)} UTC` : "—"}`);
  for (const e of mine.recent.slice(0, 5)) console.log(`${e.id}  ${e.status.padEnd(10)}  ${e.need}${e.outcome ? `: ${e.outcome}` : ""}`);
}
