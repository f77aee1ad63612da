import { formatCpuSet } from "@/core/enforcement/cpu-topology";
import type { CommandRunner } from "../enforce/command-runner";
import { applyAssignments, type UnitProperties } from "../enforce/unit-properties";

const DEFAULTS: UnitProperties = { devicePolicy: "auto", deviceAllow: [], allowedCpus: [], memoryMax: null };

/**
 * A stand-in for systemctl: keeps each unit's properties, answers `show` and `list-units` the way
 * systemd prints them, applies `set-property`, and records every call.
 */
export function fakeSystemd(loggedIn: number[]) {
  const units = new Map<string, UnitProperties>(loggedIn.map((uid) => [`user-${uid}.slice`, DEFAULTS]));
  const calls: string[][] = [];
  const run: CommandRunner = async (argv) => {
    calls.push([...argv]);
    const [, verb, ...rest] = argv;
    if (verb === "list-units") return { code: 0, stdout: [...units.keys()].map((u) => `${u} loaded active active User Slice of UID ${u.slice(5, -6)}\n`).join(""), stderr: "" };
    if (verb === "show") {
      const p = units.get(rest[0]!) ?? DEFAULTS;
      const lines = [`DevicePolicy=${p.devicePolicy}`, ...(p.deviceAllow.length ? p.deviceAllow.map((d) => `DeviceAllow=${d}`) : ["DeviceAllow="]), `AllowedCPUs=${formatCpuSet(p.allowedCpus, " ")}`, `MemoryMax=${p.memoryMax ?? "infinity"}`];
      return { code: 0, stdout: lines.join("\n") + "\n", stderr: "" };
    }
    if (verb === "set-property" && rest[0] === "--runtime") {
      const unit = rest[1]!;
      units.set(unit, applyAssignments(units.get(unit) ?? DEFAULTS, rest.slice(2)));
      return { code: 0, stdout: "", stderr: "" };
    }
    return { code: 1, stdout: "", stderr: `unexpected: ${argv.join(" ")}` };
  };
  const setCalls = () => calls.filter((c) => c[1] === "set-property");
  return { run, units, calls, setCalls, login: (uid: number) => units.set(`user-${uid}.slice`, units.get(`user-${uid}.slice`) ?? DEFAULTS) };
}
