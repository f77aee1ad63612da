import { createHash } from "node:crypto";
import { DEFAULT_SYSTEM_PROCESSES, type AgentConfig } from "@/core/agent/contract";
import { findGpuIdentities } from "@/server/db/telemetry-views";
import { findHoldings } from "@/server/db/unbooked";
import { read } from "@/server/db/tx";
import { env } from "@/server/env";
import type { AgentIdentity } from "./agent-enrollment";

/** Process names that never count as unbooked use: the defaults plus RIGSHARE_SYSTEM_PROCESSES. */
export function systemProcessNames(): ReadonlySet<string> {
  return new Set([...DEFAULT_SYSTEM_PROCESSES, ...env().RIGSHARE_SYSTEM_PROCESSES]);
}

/** What the agent needs from the portal now, with an ETag over its content (the agent asks with If-None-Match). */
export async function agentConfig(agent: AgentIdentity, now: Date): Promise<{ config: AgentConfig; etag: string }> {
  const [holdings, gpus] = await read((client) => Promise.all([findHoldings(client, agent.machineId, now, now), findGpuIdentities(client, agent.machineId)]));
  const uuidOf = new Map(gpus.map((g) => [g.id, g.uuid]));
  const holders: Record<string, string[]> = {};
  for (const h of holdings) {
    const uuid = uuidOf.get(h.gpuId);
    if (uuid && h.startAt <= now && now < h.endAt) (holders[uuid] ??= []).push(h.linuxUser);
  }
  const config: AgentConfig = { machineName: agent.machineName, systemProcesses: [...systemProcessNames()].sort(), holders };
  return { config, etag: `"${createHash("sha256").update(JSON.stringify(config)).digest("base64url").slice(0, 27)}"` };
}
