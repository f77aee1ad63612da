import { AppError } from "@/core/errors";
import type { paths } from "./api/types.gen";

/** Commands that call a running Rigshare through its REST API, as the owner of RIGSHARE_TOKEN. */

type Ok<T> = T extends { responses: { 200: { content: { "application/json": infer R } } } } ? R : never;
export type Get<P extends keyof paths> = Ok<paths[P]["get"]>;
export type Post<P extends keyof paths> = Ok<paths[P]["post"]>;

export async function api<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const base = process.env.RIGSHARE_URL;
  const token = process.env.RIGSHARE_TOKEN;
  if (!base || !token) throw new AppError("VALIDATION", "Set RIGSHARE_URL (e.g. http://localhost:3000) and RIGSHARE_TOKEN (an API token from your profile page).");
  const response = await fetch(new URL(`/api/v1${path}`, base), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json as { error?: { code: AppError["code"]; message: string; field?: string } } | null)?.error;
    throw new AppError(error?.code ?? "UNAVAILABLE", error?.message ?? `${method} ${path} answered ${response.status}.`, { field: error?.field });
  }
  return json as T;
}

export const when = (iso: string) => iso.slice(0, 16).replace("T", " ");
const dollars = (micros: string) => {
  const cents = (BigInt(micros) + (BigInt(micros) < 0n ? -5_000n : 5_000n)) / 10_000n;
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}$${(abs / 100n).toLocaleString("en-US")}.${String(abs % 100n).padStart(2, "0")}`;
};
const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);

export async function listSlicesCommand(options: { mine: boolean; status?: string; limit: number }): Promise<void> {
  const query = new URLSearchParams({ requester: options.mine ? "me" : "anyone", limit: String(options.limit), ...(options.status ? { status: options.status } : {}) });
  const slices = await api<Get<"/slices">>("GET", `/slices?${query}`);
  if (slices.length === 0) return void console.log("No slices.");
  for (const s of slices) {
    const gpus = s.gpus.length > 0 ? `GPU ${s.gpus.map((g) => g.index).join(",")}` : `${s.gpuCount} GPU${s.gpuCount === 1 ? "" : "s"}`;
    console.log(`${s.id}  ${s.state.padEnd(9)}  ${s.machine.name.padEnd(10)}  ${gpus.padEnd(9)}  ${when(s.start)} → ${when(s.effectiveEnd)} UTC  ${s.requester.name}: ${s.purpose}`);
  }
}

export async function requestSliceCommand(options: { machine: string; gpus: number; start?: string; end: string; purpose: string; threads?: number; ramGb?: number }): Promise<void> {
  const machines = await api<Get<"/machines">>("GET", "/machines");
  const machine = machines.find((m) => m.name === options.machine.toLowerCase() || m.id === options.machine);
  if (!machine) throw new AppError("NOT_FOUND", `There is no machine ${options.machine}; machines: ${machines.map((m) => m.name).join(", ")}.`, { field: "machine" });
  const slice = await api<Post<"/slices">>("POST", "/slices", {
    machineId: machine.id,
    gpuCount: options.gpus,
    threads: options.threads,
    ramGb: options.ramGb,
    start: options.start,
    end: options.end,
    purpose: options.purpose,
  });
  console.log(`Requested ${slice.id}: ${slice.gpuCount} GPU(s), ${slice.threads} threads, ${slice.ramGb} GB on ${slice.machine.name}, ${when(slice.start)} → ${when(slice.end)} UTC (${slice.state}).`);
}

export async function releaseSliceCommand(sliceId: string): Promise<void> {
  const slice = await api<Post<"/slices/{sliceId}/release">>("POST", `/slices/${encodeURIComponent(sliceId)}/release`);
  console.log(`Released ${slice.id} on ${slice.machine.name} at ${when(slice.releasedAt ?? slice.effectiveEnd)} UTC.`);
}

export async function savingsSummaryCommand(options: { from?: string; to?: string } = {}): Promise<void> {
  const query = new URLSearchParams(Object.entries(options).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const s = await api<Get<"/savings/summary">>("GET", `/savings/summary${query.size > 0 ? `?${query}` : ""}`);
  console.log(`As of:               ${when(s.asOf)} UTC`);
  console.log(`Savings:             ${dollars(s.savingsToDateMicros)} (cloud-equivalent ${dollars(s.cloudEquivalentToDateMicros)} − on-prem ${dollars(s.onPremToDateMicros)}) from ${when(s.since)} UTC`);
  console.log(`Savings in ${s.asOf.slice(0, 7)}:  ${dollars(s.savingsThisMonthMicros)} (the UTC month up to the as-of time)`);
  console.log(`Utilization:         ${percent(s.utilizationToDate)} over the window, ${percent(s.utilizationThisMonth)} in ${s.asOf.slice(0, 7)}`);
  console.log(`Premium avoided:     ${dollars(s.premiumAvoidedMicros)} against vendor quotes`);
  for (const m of s.machines) {
    console.log(`  ${m.name.padEnd(10)} ${dollars(m.savingsMicros).padStart(14)}  utilization ${percent(m.utilization).padStart(6)}  break-even ${m.breakEven ? m.breakEven.slice(0, 10) : "not yet"}`);
  }
}
