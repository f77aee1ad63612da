import { z } from "zod";

/**
 * The wire contract between the agent and the portal (`/api/agent/v1/...`), shared by both so
 * they cannot drift. The agent bundles it; the portal validates every request with it, and a
 * refusal names the field (`samples[3].gpus[0].uuid`).
 */

const metric = (max: number) => z.number().finite().min(0).max(max).nullable();
const text = (max: number) => z.string().max(max);

export const gpuSampleIn = z.object({
  uuid: z.string().regex(/^(GPU|MIG)-[0-9a-fA-F-]{1,60}$/, "must be an NVIDIA GPU UUID (GPU-…)"),
  index: z.number().int().min(0).max(63),
  name: text(120),
  utilPct: metric(100),
  memUsedMib: metric(10_000_000),
  memTotalMib: metric(10_000_000),
  powerW: metric(100_000),
  tempC: metric(200),
});
export type GpuSampleIn = z.infer<typeof gpuSampleIn>;

export const processSampleIn = z.object({
  gpuUuid: gpuSampleIn.shape.uuid,
  pid: z.number().int().min(1).max(2 ** 31),
  uid: z.number().int().min(0).max(2 ** 32).nullable(),
  /** The Linux user name from the passwd database; null when the uid has no entry. */
  user: text(64).nullable(),
  name: text(256),
  memMib: metric(10_000_000),
});
export type ProcessSampleIn = z.infer<typeof processSampleIn>;

export const sampleIn = z.object({
  /** Per credential, increasing by one per sample; the portal stores each (machine credential, seq) once. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  at: z.iso.datetime({ offset: true }),
  gpus: z.array(gpuSampleIn).max(64),
  processes: z.array(processSampleIn).max(2048),
  /** Why this sample is incomplete (nvidia-smi failed or hung, /proc unreadable), for the agent's health. */
  faults: z.array(text(500)).max(20),
});
export type SampleIn = z.infer<typeof sampleIn>;

export const MAX_SAMPLES_PER_REPORT = 360;

export const telemetryIn = z.object({
  agentVersion: text(40),
  sentAt: z.iso.datetime({ offset: true }),
  samples: z.array(sampleIn).min(1).max(MAX_SAMPLES_PER_REPORT),
});
export type TelemetryIn = z.infer<typeof telemetryIn>;

export const telemetryOut = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  /** GPUs the portal could not match: an unknown UUID, or a UUID the portal knows under another index. */
  mismatches: z.array(z.string()),
});
export type TelemetryOut = z.infer<typeof telemetryOut>;

export const enrollIn = z.object({
  code: z.string().trim().min(8, "must be the enrollment code shown in the portal").max(100),
  hostname: text(255),
  agentVersion: text(40),
});
export const enrollOut = z.object({ machineId: z.string(), machineName: z.string(), credential: z.string() });
export type EnrollOut = z.infer<typeof enrollOut>;

export const agentConfigOut = z.object({
  machineName: z.string(),
  /** Process names (basename) that never count as unbooked use. */
  systemProcesses: z.array(z.string()),
  /** GPU UUID → the Linux users holding it now, for the `holder` label of the local metrics. */
  holders: z.record(z.string(), z.array(z.string())),
});
export type AgentConfig = z.infer<typeof agentConfigOut>;

export const DEFAULT_SYSTEM_PROCESSES = ["Xorg", "Xwayland", "gnome-shell", "kwin_wayland", "nvidia-persistenced", "nv-hostengine", "dcgm-exporter"];
