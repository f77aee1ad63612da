import { describe, expect, it } from "vitest";
import { assignmentsFor, parseShow, wantedProperties } from "./unit-properties";

describe("systemctl show / set-property properties", () => {
  it("reads a fresh user slice as unlimited", () => {
    expect(parseShow("DevicePolicy=auto\nDeviceAllow=\nAllowedCPUs=\nMemoryMax=infinity\n")).toEqual({ devicePolicy: "auto", deviceAllow: [], allowedCpus: [], memoryMax: null });
  });

  it("reads one DeviceAllow line per entry, CPU ranges with spaces, and bytes", () => {
    const shown = "DevicePolicy=closed\nDeviceAllow=/dev/nvidiactl rw\nDeviceAllow=char-pts rw\nDeviceAllow=/dev/nvidia1 rw\nAllowedCPUs=1-2 8-10\nMemoryMax=42949672960\n";
    const props = parseShow(shown);
    expect(props).toEqual({ devicePolicy: "closed", deviceAllow: ["/dev/nvidia1 rw", "/dev/nvidiactl rw", "char-pts rw"], allowedCpus: [1, 2, 8, 9, 10], memoryMax: 42949672960 });
    expect(assignmentsFor(props, { ...props })).toEqual([]);
  });

  it("changes only what differs, and resets the device list before listing it", () => {
    const wanted = wantedProperties(["/dev/nvidia1"], [1, 2], 1024);
    expect(assignmentsFor({ ...wanted, memoryMax: 2048 }, wanted)).toEqual(["MemoryMax=1024"]);
    expect(assignmentsFor({ ...wanted, allowedCpus: [3] }, wanted)).toEqual(["AllowedCPUs=1-2"]);
    expect(assignmentsFor({ ...wanted, deviceAllow: [] }, wanted)[0]).toBe("DeviceAllow=");
  });
});
