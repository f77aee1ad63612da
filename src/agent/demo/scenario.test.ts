import { describe, expect, it } from "vitest";
import { demoRoles, demoUuid, machineScenario, type DemoMachine } from "./scenario";

const gpu = (index: number, holder: string | null, sinceHours = 0) => ({ index, model: "GeForce RTX 3090", vramGb: 24, boardPowerW: 350, holder: holder ? { linuxUser: holder, since: new Date(Date.UTC(2026, 11, 7) + sinceHours * 3_600_000) } : null });
const fleet: DemoMachine[] = [
  { name: "atlas", gpus: [gpu(0, "hana", -30), gpu(1, "mei", -2), gpu(2, null), gpu(3, null)] },
  { name: "zeus", gpus: [gpu(0, "priya", -20), gpu(1, null)] },
];

describe("the demo's simulated GPUs", () => {
  it("has busy holders, the longest hold idle, and one person on a GPU they do not hold", () => {
    const roles = demoRoles(fleet, ["alice", "hana", "mei", "priya"]);
    expect(roles).toEqual({ idle: { machine: "atlas", index: 0 }, intruder: { machine: "atlas", index: 2, linuxUser: "alice" } });
    const atlas = machineScenario(fleet[0]!, roles, () => 1000, 3);
    const util = atlas.gpus!.map((g) => g.utilPct);
    expect(util[0]).toBe(0);
    expect(util[1]).toBeGreaterThan(80);
    expect(util[2]).toBeGreaterThan(30);
    expect(util[3]).toBe(0);
    expect(atlas.processes!.map((p) => p.name)).toEqual(["/usr/lib/xorg/Xorg", "python train.py --config=configs/run.yaml", "python notebook_kernel.py"]);
  });

  it("puts the person without a slice on the busiest machine that has a free GPU, and nowhere when every machine is full", () => {
    const full: DemoMachine[] = [
      { name: "atlas", gpus: [gpu(0, "hana", -30), gpu(1, "mei", -2), gpu(2, "ken", -1)] },
      { name: "hermes", gpus: [gpu(0, "omar", -40), gpu(1, null)] },
      { name: "zeus", gpus: [gpu(0, "priya", -20), gpu(1, "ravi", -3), gpu(2, null)] },
    ];
    expect(demoRoles(full, ["alice", "hana"])).toEqual({ idle: { machine: "hermes", index: 0 }, intruder: { machine: "zeus", index: 2, linuxUser: "alice" } });
    expect(demoRoles([full[0]!], ["alice"]).intruder).toBeNull();
  });

  it("keeps a notebook session's kernel open at 0 % on the GPU its holder booked for it", () => {
    const zeus: DemoMachine = { name: "zeus", gpus: [gpu(0, "priya", -20), { ...gpu(1, "bob", -1), holder: { linuxUser: "bob", since: new Date(Date.UTC(2026, 11, 7)), purpose: "Jupyter notebook: explore the crops" } }] };
    const roles = demoRoles([fleet[0]!, zeus], ["alice", "bob", "hana", "mei", "priya"]);
    const scenario = machineScenario(zeus, roles, (user) => (user === "bob" ? 2001 : 1000), 3);
    expect(scenario.gpus![1]!.utilPct).toBe(0);
    expect(scenario.gpus![1]!.memUsedMib).toBeGreaterThan(300);
    expect(scenario.processes!.filter((p) => p.gpuUuid === scenario.gpus![1]!.uuid)).toEqual([expect.objectContaining({ uid: 2001, name: "python -m ipykernel_launcher" })]);
    expect(scenario.gpus![0]!.utilPct).toBeGreaterThan(80);
  });

  it("gives each GPU a stable UUID the agent contract accepts", () => {
    expect(demoUuid("atlas", 1)).toBe(demoUuid("atlas", 1));
    expect(demoUuid("atlas", 1)).not.toBe(demoUuid("atlas", 2));
    expect(demoUuid("zeus", 0)).toMatch(/^GPU-[0-9a-f-]+$/);
  });
});
