import type { FakeGpu, FakeProcess, Scenario } from "./fake-host";

/** The demo's fleet as the simulator sees it: each GPU with its holder now (and since when). */
export interface DemoGpu {
  index: number;
  /** The portal's UUID of the GPU, when the inventory has one. */
  uuid?: string | null;
  model: string;
  vramGb: number;
  boardPowerW: number;
  holder: { linuxUser: string; since: Date; purpose?: string } | null;
}
export interface DemoMachine {
  name: string;
  gpus: DemoGpu[];
}

/** A stable fake UUID per machine and GPU index. */
export function demoUuid(machine: string, index: number): string {
  let h = 2166136261;
  for (const c of `${machine}/${index}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const hex = h.toString(16).padStart(8, "0");
  return `GPU-${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-8${hex.slice(4, 7)}-${hex}${index.toString(16).padStart(4, "0")}`;
}

/** A slice booked for a notebook session: its kernel stays open on the GPU, computing nothing. */
const NOTEBOOK = /\b(notebook|jupyter)\b/i;

/**
 * Who does what in the demo: every holder trains (busy), except the longest-running hold, which
 * sits idle, and holds booked for a notebook session, whose kernel sits at 0 % (so a demo visitor
 * can watch the idle policy reclaim one); and one person who holds nothing runs on the first free
 * GPU of the busiest machine that has one (unbooked use; a full machine has no GPU to take).
 * Chosen from the live schedule, so the story follows what people do in the demo.
 */
export function demoRoles(fleet: DemoMachine[], people: string[]) {
  const holds = fleet.flatMap((m) => m.gpus.filter((g) => g.holder).map((g) => ({ machine: m.name, index: g.index, ...g.holder! })));
  const idle = holds.length > 1 ? [...holds].sort((a, b) => a.since.getTime() - b.since.getTime())[0]! : null;
  const holders = new Set(holds.map((h) => h.linuxUser));
  const held = (m: DemoMachine) => m.gpus.filter((g) => g.holder).length;
  // A stable sort keeps the inventory's order among equals.
  const busiest = fleet.filter((m) => m.gpus.some((g) => !g.holder)).sort((a, b) => held(b) - held(a))[0];
  const freeGpu = busiest?.gpus.find((g) => !g.holder);
  // The last such colleague: the first ones are the accounts people sign in as to try the demo, and
  // each booking of theirs would otherwise move the story to someone else.
  const intruder = people.findLast((p) => !holders.has(p));
  return {
    idle: idle && { machine: idle.machine, index: idle.index },
    intruder: freeGpu && intruder ? { machine: busiest!.name, index: freeGpu.index, linuxUser: intruder } : null,
  };
}

/** One machine's nvidia-smi scenario at `tick` (a sample counter, for gently moving numbers). */
export function machineScenario(machine: DemoMachine, roles: ReturnType<typeof demoRoles>, uidOf: (user: string) => number, tick: number): Scenario {
  const gpus: FakeGpu[] = [];
  const processes: FakeProcess[] = [];
  for (const g of machine.gpus) {
    const uuid = g.uuid ?? demoUuid(machine.name, g.index);
    const total = g.vramGb * 1024;
    const wave = (Math.sin((tick + g.index * 7) / 5) + 1) / 2;
    const idle = roles.idle?.machine === machine.name && roles.idle.index === g.index;
    const intruder = roles.intruder?.machine === machine.name && roles.intruder.index === g.index ? roles.intruder : null;
    let util = 0;
    let mem = 300;
    if (g.holder && !idle && NOTEBOOK.test(g.holder.purpose ?? "")) {
      mem = Math.round(total * 0.1);
      processes.push({ gpuUuid: uuid, pid: 20_000 + g.index * 10, uid: uidOf(g.holder.linuxUser), name: "python -m ipykernel_launcher", memMib: mem - 300 });
    } else if (g.holder && !idle) {
      util = Math.round(82 + wave * 16);
      mem = Math.round(total * (0.7 + wave * 0.15));
      processes.push({ gpuUuid: uuid, pid: 20_000 + g.index * 10, uid: uidOf(g.holder.linuxUser), name: "python train.py --config=configs/run.yaml", memMib: mem - 300 });
    } else if (intruder) {
      util = Math.round(35 + wave * 20);
      mem = Math.round(total * 0.3);
      processes.push({ gpuUuid: uuid, pid: 30_000 + g.index * 10, uid: uidOf(intruder.linuxUser), name: "python notebook_kernel.py", memMib: mem - 300 });
    }
    if (g.index === 0) processes.push({ gpuUuid: uuid, pid: 1500, uid: 0, name: "/usr/lib/xorg/Xorg", memMib: 40 });
    const power = Math.round(25 + (g.boardPowerW - 25) * (util / 100));
    gpus.push({ index: g.index, uuid, name: g.model, utilPct: util, memUsedMib: mem, memTotalMib: total, powerW: power, tempC: Math.round(34 + util * 0.45) });
  }
  return { gpus, processes };
}
