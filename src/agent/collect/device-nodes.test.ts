import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDeviceNodes } from "./device-nodes";

describe("parseDeviceNodes", () => {
  it("reads the UUID and minor number of a real nvidia-smi -q capture", async () => {
    const text = await readFile(join(__dirname, "../../../test/fixtures/nvidia-smi/rtx-4080-super-query-head.txt"), "utf8");
    expect(parseDeviceNodes(text)).toEqual({ "GPU-00000000-0000-0000-0000-000000000000": "/dev/nvidia0" });
  });

  it("keeps each GPU block apart, and a block without a minor number gives no node", () => {
    const block = (bus: string, uuid: string, minor: string) => `GPU ${bus}\n    Product Name                : X\n    GPU UUID                    : ${uuid}\n    Minor Number                : ${minor}\n`;
    const text = block("00000000:01:00.0", "GPU-a", "2") + block("00000000:02:00.0", "GPU-b", "0") + block("00000000:03:00.0", "GPU-c", "N/A");
    expect(parseDeviceNodes(text)).toEqual({ "GPU-a": "/dev/nvidia2", "GPU-b": "/dev/nvidia0" });
  });
});
