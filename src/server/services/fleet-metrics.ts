import { Gauge, Registry } from "prom-client";
import { readFleetCounts } from "@/server/db/fleet-metrics";
import { read } from "@/server/db/tx";
import { AGENT_SILENT_AFTER_MS } from "./telemetry-views";

/**
 * The fleet in Prometheus's text format: slices by state, the approval queue, GPUs by state,
 * agents by health, ongoing unbooked use and each GPU's latest utilization. A fresh registry
 * per scrape, so a value never outlives the row it came from.
 */
export async function fleetMetrics(now: Date): Promise<{ contentType: string; body: string }> {
  const counts = await read((client) => readFleetCounts(client, now, new Date(now.getTime() - AGENT_SILENT_AFTER_MS)));
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const slices = gauge("rigshare_slices", "Slices by state: pending, upcoming (approved, not started), active.", ["state"]);
  for (const state of ["pending", "upcoming", "active"]) slices.set({ state }, counts.slices.find((s) => s.state === state)?.n ?? 0);
  gauge("rigshare_queue_pending_requests", "Slice requests waiting for an admin.").set(counts.slices.find((s) => s.state === "pending")?.n ?? 0);
  gauge("rigshare_queue_oldest_pending_seconds", "Age of the oldest pending request (0 when none).").set(counts.oldestPending ? Math.max(0, (now.getTime() - counts.oldestPending.getTime()) / 1000) : 0);
  const gpus = gauge("rigshare_gpus", "GPUs of machines in use by state: free, held, maintenance.", ["state"]);
  for (const state of ["free", "held", "maintenance"]) gpus.set({ state }, counts.gpus.find((g) => g.state === state)?.n ?? 0);
  const agents = gauge("rigshare_agents", "Machine agents with a valid credential by health: reporting, silent, enrolled (no report yet).", ["state"]);
  for (const state of ["reporting", "silent", "enrolled"]) agents.set({ state }, counts.agents.find((a) => a.state === state)?.n ?? 0);
  gauge("rigshare_unbooked_use_ongoing", "Ongoing unbooked uses of GPUs.").set(counts.unbooked);
  const util = gauge("rigshare_gpu_utilization_percent", "Latest GPU utilization reported by the machine's agent.", ["machine", "gpu", "UUID"]);
  const mem = gauge("rigshare_gpu_memory_used_mib", "Latest GPU memory used reported by the machine's agent.", ["machine", "gpu", "UUID"]);
  for (const u of counts.utilization) {
    const labels = { machine: u.machine, gpu: String(u.gpu), UUID: u.uuid ?? "" };
    if (u.utilPct !== null) util.set(labels, u.utilPct);
    if (u.memUsedMib !== null) mem.set(labels, u.memUsedMib);
  }
  return { contentType: registry.contentType, body: await registry.metrics() };
}
