import { formatCpuSet, parseCpuSet } from "@/core/enforcement/cpu-topology";

/**
 * The four properties of a `user-UID.slice` the agent manages, as `systemctl show` reports them
 * and as `systemctl set-property` takes them (systemd.resource-control(5)).
 */
export interface UnitProperties {
  devicePolicy: string;
  /** `path perms` entries, e.g. `/dev/nvidia1 rw`, sorted. */
  deviceAllow: string[];
  /** Empty: every CPU. */
  allowedCpus: number[];
  /** Bytes; null is `infinity`. */
  memoryMax: number | null;
}

export const SHOWN_PROPERTIES = ["DevicePolicy", "DeviceAllow", "AllowedCPUs", "MemoryMax"] as const;

/**
 * With `DevicePolicy=closed` systemd itself allows only null, zero, full, random, urandom, tty and
 * ptmx: terminals need `char-pts`, and CUDA needs the control and UVM nodes besides `/dev/nvidiaN`.
 */
export const SHARED_DEVICES = ["char-pts", "/dev/nvidiactl", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools", "/dev/nvidia-modeset"];

export const unitOf = (uid: number) => `user-${uid}.slice`;

export function showCommand(uid: number): string[] {
  return ["systemctl", "show", unitOf(uid), ...SHOWN_PROPERTIES.flatMap((p) => ["-p", p])];
}

/** Reads `Key=Value` lines; DeviceAllow comes once per entry. Unknown values read as "no limit". */
export function parseShow(stdout: string): UnitProperties {
  const props: UnitProperties = { devicePolicy: "auto", deviceAllow: [], allowedCpus: [], memoryMax: null };
  for (const line of stdout.split("\n")) {
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (key === "DevicePolicy") props.devicePolicy = value || "auto";
    else if (key === "DeviceAllow" && value) props.deviceAllow.push(normalizeDevice(value));
    else if (key === "AllowedCPUs") props.allowedCpus = parseCpuSet(value) ?? [];
    else if (key === "MemoryMax") props.memoryMax = /^\d+$/.test(value) ? Number(value) : null;
  }
  props.deviceAllow.sort();
  return props;
}

/** `/dev/nvidia0` and `/dev/nvidia0 rw` mean the same; systemd prints the permissions. */
function normalizeDevice(entry: string): string {
  const [path, perms] = entry.split(/\s+/);
  return `${path} ${perms || "rwm"}`;
}

export function wantedProperties(devices: readonly string[], cpus: readonly number[], memoryMaxBytes: number): UnitProperties {
  return {
    devicePolicy: "closed",
    deviceAllow: [...SHARED_DEVICES, ...devices].map((d) => `${d} rw`).sort(),
    allowedCpus: [...cpus].sort((a, b) => a - b),
    memoryMax: memoryMaxBytes,
  };
}

/** The `set-property` assignments that turn `current` into `wanted`; empty when nothing differs. */
export function assignmentsFor(current: UnitProperties | undefined, wanted: UnitProperties): string[] {
  const out: string[] = [];
  if (current?.devicePolicy !== wanted.devicePolicy) out.push(`DevicePolicy=${wanted.devicePolicy}`);
  if (!current || current.deviceAllow.join("\n") !== wanted.deviceAllow.join("\n")) {
    // An empty assignment first clears the list: DeviceAllow= adds to what is there.
    out.push("DeviceAllow=", ...wanted.deviceAllow.map((d) => `DeviceAllow=${d}`));
  }
  if (!current || current.allowedCpus.join(",") !== wanted.allowedCpus.join(",")) out.push(`AllowedCPUs=${formatCpuSet(wanted.allowedCpus)}`);
  if (current?.memoryMax !== wanted.memoryMax) out.push(`MemoryMax=${wanted.memoryMax ?? "infinity"}`);
  return out;
}

/** Applies assignments to a property record the way systemd does (used by the fake systemctl in tests). */
export function applyAssignments(props: UnitProperties, assignments: readonly string[]): UnitProperties {
  const next = { ...props, deviceAllow: [...props.deviceAllow] };
  for (const assignment of assignments) {
    const eq = assignment.indexOf("=");
    const key = assignment.slice(0, eq);
    const value = assignment.slice(eq + 1);
    if (key === "DevicePolicy") next.devicePolicy = value;
    else if (key === "DeviceAllow") next.deviceAllow = value ? [...next.deviceAllow, normalizeDevice(value)].sort() : [];
    else if (key === "AllowedCPUs") next.allowedCpus = parseCpuSet(value) ?? [];
    else if (key === "MemoryMax") next.memoryMax = /^\d+$/.test(value) ? Number(value) : null;
  }
  return next;
}
