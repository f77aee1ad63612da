import { execFile } from "node:child_process";

/**
 * GPU UUID → its device node, from `nvidia-smi -q`: each GPU block has a "GPU UUID" line and a
 * "Minor Number" line, and minor number N is `/dev/nvidiaN`. Indices can change across boots;
 * the UUID and its minor number are what the device cgroup needs.
 */
export function parseDeviceNodes(text: string): Record<string, string> {
  const nodes: Record<string, string> = {};
  let uuid: string | null = null;
  for (const line of text.split("\n")) {
    if (/^GPU [0-9A-Fa-f:.]+\s*$/.test(line)) uuid = null;
    const field = /^\s+(GPU UUID|Minor Number)\s+:\s+(\S+)\s*$/.exec(line);
    if (!field) continue;
    if (field[1] === "GPU UUID") uuid = field[2]!;
    else if (uuid && /^\d+$/.test(field[2]!)) nodes[uuid] = `/dev/nvidia${field[2]}`;
  }
  return nodes;
}

/** Reads the device nodes from the driver; an empty map (and no throw) when nvidia-smi is absent or fails. */
export function readDeviceNodes(nvidiaSmi: string, timeoutMs = 10_000): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    execFile(nvidiaSmi, ["-q"], { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024, encoding: "utf8" }, (error, stdout) => resolve(error ? {} : parseDeviceNodes(stdout)));
  });
}
