import { createServer, type Server } from "node:http";
import { Gauge, Registry } from "prom-client";
import type { SampleIn } from "@/core/agent/contract";

/**
 * Local Prometheus metrics under the names NVIDIA's DCGM exporter uses, so dashboards built for
 * it (Grafana's DCGM boards) work unchanged; `holder` adds who holds the GPU in the portal.
 */
export class AgentMetrics {
  readonly registry = new Registry();
  private readonly labels = ["gpu", "UUID", "modelName", "Hostname", "holder"] as const;
  private readonly util = this.gauge("DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).");
  private readonly fbUsed = this.gauge("DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).");
  private readonly power = this.gauge("DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).");
  private readonly temp = this.gauge("DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).");
  private readonly up = new Gauge({ name: "rigshare_agent_nvidia_smi_up", help: "1 when the last nvidia-smi reading succeeded.", registers: [this.registry] });
  private readonly spooled = new Gauge({ name: "rigshare_agent_spooled_samples", help: "Samples waiting to be sent to the portal.", registers: [this.registry] });

  constructor(private readonly hostname: string) {}

  private gauge(name: string, help: string) {
    return new Gauge({ name, help, labelNames: this.labels, registers: [this.registry] });
  }

  update(sample: SampleIn, holders: Record<string, string[]>, spooled: number) {
    for (const g of [this.util, this.fbUsed, this.power, this.temp]) g.reset();
    for (const gpu of sample.gpus) {
      const labels = { gpu: String(gpu.index), UUID: gpu.uuid, modelName: gpu.name, Hostname: this.hostname, holder: (holders[gpu.uuid] ?? []).join(",") };
      if (gpu.utilPct !== null) this.util.set(labels, gpu.utilPct);
      if (gpu.memUsedMib !== null) this.fbUsed.set(labels, gpu.memUsedMib);
      if (gpu.powerW !== null) this.power.set(labels, gpu.powerW);
      if (gpu.tempC !== null) this.temp.set(labels, gpu.tempC);
    }
    this.up.set(sample.gpus.length > 0 ? 1 : 0);
    this.spooled.set(spooled);
  }

  /** Serves /metrics on `host:port` (loopback by default: the numbers are the machine's business). */
  listen(port: number, host = "127.0.0.1"): Promise<Server> {
    const server = createServer(async (req, res) => {
      if (req.url !== "/metrics") {
        res.writeHead(404).end("see /metrics\n");
        return;
      }
      res.writeHead(200, { "content-type": this.registry.contentType }).end(await this.registry.metrics());
    });
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve(server));
    });
  }
}
