// The simulated agents of bench:agents, in a process of their own: real agents run on other
// machines, so their sending must not share an event loop with the client that times
// GET /api/v1/machines (in one process, that client's timings included the time it spent building
// and sending the agents' batches). Started by `startAgentSenders`; the protocol is one message
// each way over the IPC channel.
import { fork } from "node:child_process";
import type { SampleIn } from "@/core/agent/contract";

export interface BenchAgent {
  credential: string;
  uuids: string[];
}

interface Order {
  base: string;
  agents: BenchAgent[];
  seconds: number;
  /** Each agent's next sequence number, by credential. */
  seqs: Record<string, number>;
}

export interface SendersResult {
  latencies: number[];
  failures: number;
  seqs: Record<string, number>;
}

export function batch(uuids: string[], firstSeq: number, count: number, at: number): SampleIn[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: firstSeq + i,
    at: new Date(at - (count - 1 - i) * 10_000).toISOString(),
    gpus: uuids.map((uuid, index) => ({ uuid, index, name: "RTX 4090", utilPct: (firstSeq + i + index) % 101, memUsedMib: 20_000, memTotalMib: 24_564, powerW: 300.5, tempC: 70 })),
    processes: uuids.slice(0, 2).map((uuid, k) => ({ gpuUuid: uuid, pid: 1000 + k, uid: 2000, user: "bench0", name: "python train.py", memMib: 19_000 })),
    faults: [],
  }));
}

export async function post(base: string, credential: string, samples: SampleIn[]): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/api/agent/v1/telemetry`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${credential}` }, body: JSON.stringify({ agentVersion: "bench", sentAt: new Date().toISOString(), samples }) });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`telemetry answered ${response.status}`);
  return performance.now() - started;
}

/** Every agent reports 3 samples every 30 s, their start times spread over the first 30 s. */
async function send(order: Order): Promise<SendersResult> {
  const seqs = { ...order.seqs };
  const latencies: number[] = [];
  let failures = 0;
  const stopAt = Date.now() + order.seconds * 1000;
  await Promise.all(
    order.agents.map(async (agent, i) => {
      await new Promise((r) => setTimeout(r, (i / order.agents.length) * 30_000));
      while (Date.now() < stopAt) {
        const seq = seqs[agent.credential]!;
        seqs[agent.credential] = seq + 3;
        await post(order.base, agent.credential, batch(agent.uuids, seq, 3, Date.now())).then((t) => latencies.push(t), () => failures++);
        await new Promise((r) => setTimeout(r, 30_000));
      }
    }),
  );
  return { latencies, failures, seqs };
}

/** Runs the agents in a child process until `seconds` have passed; resolves with their POST latencies. */
export function startAgentSenders(order: Order): Promise<SendersResult> {
  const child = fork(new URL(import.meta.url).pathname, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("message", (result) => resolve(result as SendersResult));
    child.once("error", reject);
    child.once("exit", (code) => code === 0 || reject(new Error(`the agent senders exited with code ${code}`)));
    child.send(order);
  });
}

if (process.send && process.argv[1] === new URL(import.meta.url).pathname) {
  process.once("message", async (order) => {
    const result = await send(order as Order);
    process.send!(result, () => process.exit(0));
  });
}
