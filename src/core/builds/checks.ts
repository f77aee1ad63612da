import { partLabel, partsOf, type Part, type PartSpecs } from "./parts";

/**
 * Compatibility checks over one machine's parts list.
 *
 * A build is one machine, so parts that coexist add up: GPUs, RAM modules, PSU watts, CPU TDP and
 * CPU lanes are summed over every line x quantity (two 1600 W PSUs supply 3200 W; a dual-socket
 * pair of CPUs brings both CPUs' lanes and draws both TDPs). Parts that must fit each other are
 * checked pairwise: every CPU against every motherboard, every RAM line against every board,
 * every GPU against every case. The worst finding decides a rule's status, and its message
 * gathers the findings of that status, so a fail is never hidden behind a pass.
 *
 * Missing data is not an error: when a rule lacks a part or a spec attribute it warns and says
 * what to add. checkBuild never throws, whatever the list holds.
 */

export const RULE_IDS = [
  "cpu-socket",
  "ram-type",
  "ram-capacity",
  "gpu-slots",
  "pcie-lanes",
  "psu-headroom",
  "card-length",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type CheckStatus = "pass" | "warn" | "fail";

export interface CheckResult {
  rule: RuleId;
  status: CheckStatus;
  message: string;
  partIds: string[];
}

/** Each GPU wants a full x16 link; fewer lanes still work, only slower. */
export const LANES_PER_GPU = 16;
/** PSU watts must be >= 5/4 of the load: 25 % headroom for transients and PSU ageing. */
export const PSU_HEADROOM = { numerator: 5, denominator: 4 } as const;
/** Allowance for board, drives, fans and RAM on top of GPUs and CPU. */
export const PSU_BASE_LOAD_W = 100;

const STATUS_RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

interface Finding {
  status: CheckStatus;
  message: string;
  parts: readonly Part[];
}

const finding = (status: CheckStatus, message: string, parts: readonly Part[]): Finding => ({
  status,
  message,
  parts,
});

export function checkBuild(parts: readonly Part[]): CheckResult[] {
  const build = new BuildView(parts);
  const rules: Record<RuleId, (b: BuildView) => Finding[]> = {
    "cpu-socket": checkCpuSocket,
    "ram-type": checkRamType,
    "ram-capacity": checkRamCapacity,
    "gpu-slots": checkGpuSlots,
    "pcie-lanes": checkPcieLanes,
    "psu-headroom": checkPsuHeadroom,
    "card-length": checkCardLength,
  };
  return RULE_IDS.map((rule) => combine(rule, rules[rule](build)));
}

export interface CheckSummary {
  status: CheckStatus;
  pass: number;
  warn: number;
  fail: number;
}

/** The worst status and how many rules ended in each; no results counts as a pass. */
export function summarizeChecks(results: readonly CheckResult[]): CheckSummary {
  const summary: CheckSummary = { status: "pass", pass: 0, warn: 0, fail: 0 };
  for (const r of results) {
    summary[r.status] += 1;
    if (STATUS_RANK[r.status] > STATUS_RANK[summary.status]) summary.status = r.status;
  }
  return summary;
}

/** The active (quantity > 0) lines by category, with specs that are never undefined. */
class BuildView {
  readonly cpus: Part[];
  readonly boards: Part[];
  readonly gpus: Part[];
  readonly rams: Part[];
  readonly psus: Part[];
  readonly cases: Part[];
  constructor(parts: readonly Part[]) {
    // Rows from storage or import may lack specs; treat them as "nothing known".
    const safe = parts.map((p) => ({ ...p, specs: (p.specs ?? {}) as PartSpecs }));
    this.cpus = partsOf(safe, "cpu");
    this.boards = partsOf(safe, "motherboard");
    this.gpus = partsOf(safe, "gpu");
    this.rams = partsOf(safe, "ram");
    this.psus = partsOf(safe, "psu");
    this.cases = partsOf(safe, "case");
  }
  get gpuCount(): number {
    return units(this.gpus);
  }
}

function combine(rule: RuleId, findings: readonly Finding[]): CheckResult {
  const worst = findings.reduce<CheckStatus>(
    (w, f) => (STATUS_RANK[f.status] > STATUS_RANK[w] ? f.status : w),
    "pass",
  );
  const shown = findings.filter((f) => f.status === worst);
  const ids = new Set(shown.flatMap((f) => f.parts.map((p) => p.id)));
  return { rule, status: worst, message: shown.map((f) => f.message).join(" "), partIds: [...ids] };
}

const units = (parts: readonly Part[]): number => parts.reduce((n, p) => n + p.quantity, 0);
const names = (parts: readonly Part[]): string => parts.map(partLabel).join(", ");
const known = (n: number | undefined): n is number => typeof n === "number" && Number.isFinite(n);
/** "LGA 2066", "lga-2066" and "LGA2066" are the same socket; likewise for RAM types. */
const normalize = (s: string): string => s.replace(/[\s_-]+/g, "").toUpperCase();
const hasText = (s: string | undefined): s is string => typeof s === "string" && s.trim() !== "";

function missing(what: string, purpose: string, present: readonly Part[]): Finding {
  return finding("warn", `Add ${what} to ${purpose}.`, present);
}

/** Pairwise match of a text spec (socket, RAM type) between two groups of parts. */
function matchPairs(
  left: readonly Part[],
  right: readonly Part[],
  read: (p: Part) => string | undefined,
  describe: {
    spec: string;
    pass: (l: Part, r: Part, value: string) => string;
    fail: (l: Part, r: Part, lv: string, rv: string) => string;
  },
): Finding[] {
  const findings: Finding[] = [];
  for (const l of left) {
    for (const r of right) {
      const lv = read(l);
      const rv = read(r);
      if (!hasText(lv) || !hasText(rv)) {
        const unknown = [l, r].filter((p) => !hasText(read(p)));
        findings.push(
          finding("warn", `${describe.spec} unknown for ${names(unknown)}; set it to check ${l.name} against ${r.name}.`, [l, r]),
        );
      } else if (normalize(lv) === normalize(rv)) {
        findings.push(finding("pass", describe.pass(l, r, lv), [l, r]));
      } else {
        findings.push(finding("fail", describe.fail(l, r, lv, rv), [l, r]));
      }
    }
  }
  return findings;
}

function checkCpuSocket({ cpus, boards }: BuildView): Finding[] {
  if (cpus.length === 0 && boards.length === 0) {
    return [missing("a CPU and a motherboard", "check the CPU socket", [])];
  }
  if (boards.length === 0) return [missing("a motherboard", `check the socket of ${names(cpus)}`, cpus)];
  if (cpus.length === 0) return [missing("a CPU", `check it fits the socket of ${names(boards)}`, boards)];
  return matchPairs(cpus, boards, (p) => p.specs.socket, {
    spec: "Socket",
    pass: (cpu, board, socket) => `${cpu.name} fits the ${socket} socket of ${board.name}.`,
    fail: (cpu, board, cs, bs) => `${cpu.name} needs socket ${cs} but ${board.name} has ${bs}.`,
  });
}

function checkRamType({ rams, boards }: BuildView): Finding[] {
  if (rams.length === 0 && boards.length === 0) {
    return [missing("RAM and a motherboard", "check the RAM type", [])];
  }
  if (boards.length === 0) return [missing("a motherboard", `check the type of ${names(rams)}`, rams)];
  if (rams.length === 0) return [missing("RAM", `check its type against ${names(boards)}`, boards)];
  return matchPairs(rams, boards, (p) => p.specs.ramType, {
    spec: "RAM type",
    pass: (ram, board, type) => `${partLabel(ram)} is ${type}, as ${board.name} takes.`,
    fail: (ram, board, rt, bt) => `${partLabel(ram)} is ${rt} but ${board.name} takes ${bt}.`,
  });
}

function checkRamCapacity({ rams, boards }: BuildView): Finding[] {
  if (rams.length === 0 && boards.length === 0) {
    return [missing("RAM and a motherboard", "check the RAM fits", [])];
  }
  if (boards.length === 0) return [missing("a motherboard", `check ${names(rams)} fits its DIMM slots`, rams)];
  if (rams.length === 0) return [missing("RAM", `check it fits the DIMM slots of ${names(boards)}`, boards)];

  const modules = units(rams);
  const sized = rams.filter((r) => known(r.specs.moduleSizeGb));
  const unsized = rams.filter((r) => !known(r.specs.moduleSizeGb));
  // Known sizes are a lower bound on the total: if they already exceed the board, it fails.
  const knownGb = sized.reduce((gb, r) => gb + r.quantity * (r.specs.moduleSizeGb ?? 0), 0);

  return boards.flatMap((board): Finding[] => {
    const { dimmSlots, maxRamGb } = board.specs;
    const slots: Finding = !known(dimmSlots)
      ? finding("warn", `DIMM slots unknown for ${board.name}; set them to check ${modules} RAM modules fit.`, [board])
      : modules > dimmSlots
        ? finding("fail", `${modules} RAM modules (${names(rams)}) need ${modules} DIMM slots; ${board.name} has ${dimmSlots}.`, [...rams, board])
        : finding("pass", `${modules} RAM modules fit the ${dimmSlots} DIMM slots of ${board.name}.`, [...rams, board]);

    let size: Finding;
    if (!known(maxRamGb)) {
      size = finding("warn", `Maximum RAM unknown for ${board.name}; set it to check the total fits.`, [board]);
    } else if (knownGb > maxRamGb) {
      size = finding("fail", `${names(rams)} total ${knownGb} GB; ${board.name} takes at most ${maxRamGb} GB.`, [...rams, board]);
    } else if (unsized.length > 0) {
      size = finding("warn", `Module size unknown for ${names(unsized)}; set it to check the total against ${board.name}'s ${maxRamGb} GB.`, unsized);
    } else {
      size = finding("pass", `${knownGb} GB of RAM is within the ${maxRamGb} GB maximum of ${board.name}.`, [...rams, board]);
    }
    return [slots, size];
  });
}

/**
 * Slot model: each GPU needs one x16 slot on the board, and the cards together occupy
 * sum(slotWidth x quantity) expansion-slot positions, which must fit the case's rear openings.
 * The board's pcieX16Slots already counts only slots usable at the same time for dual-width
 * cards, so GPU count > pcieX16Slots fails (the founding team's board stopped at 3 cards); the
 * width total catches cards too thick for the case (a dual-width card in slot 7 needs a case
 * with 8 openings). Triple-width cards on a board spaced for dual-width ones are only caught by
 * the width total: a known simplification, kept because boards publish no slot geometry.
 */
function checkGpuSlots(build: BuildView): Finding[] {
  const { gpus, boards, cases } = build;
  if (gpus.length === 0) return [missing("a GPU", "check it fits the x16 slots", [...boards, ...cases])];
  const count = build.gpuCount;
  const findings: Finding[] = [];

  if (boards.length === 0) findings.push(missing("a motherboard", `check its x16 slots take ${names(gpus)}`, gpus));
  for (const board of boards) {
    const slots = board.specs.pcieX16Slots;
    if (!known(slots)) {
      findings.push(finding("warn", `x16 slots unknown for ${board.name}; set them to check ${names(gpus)} fit.`, [board]));
    } else if (count > slots) {
      findings.push(
        finding("fail", `${count} GPUs (${names(gpus)}) need ${count} x16 slots; ${board.name} has ${slots} usable for GPUs.`, [...gpus, board]),
      );
    } else {
      findings.push(finding("pass", `${count} GPUs (${names(gpus)}) fit the ${slots} usable x16 slots of ${board.name}.`, [...gpus, board]));
    }
  }

  const unsized = gpus.filter((g) => !known(g.specs.slotWidth));
  const knownWidth = gpus.reduce((w, g) => w + g.quantity * (g.specs.slotWidth ?? 0), 0);
  if (cases.length === 0) findings.push(missing("a case", `check ${names(gpus)} fit its expansion slots`, gpus));
  for (const pcCase of cases) {
    const openings = pcCase.specs.expansionSlots;
    if (!known(openings)) {
      findings.push(finding("warn", `Expansion slots unknown for ${pcCase.name}; set them to check the GPUs' width.`, [pcCase]));
    } else if (knownWidth > openings) {
      findings.push(
        finding("fail", `${names(gpus)} take ${knownWidth} slot positions; ${pcCase.name} has ${openings} expansion slots.`, [...gpus, pcCase]),
      );
    } else if (unsized.length > 0) {
      findings.push(finding("warn", `Slot width unknown for ${names(unsized)}; set it to check the GPUs fit ${pcCase.name}.`, unsized));
    } else {
      findings.push(
        finding("pass", `${names(gpus)} take ${knownWidth} of the ${openings} expansion slots of ${pcCase.name}.`, [...gpus, pcCase]),
      );
    }
  }
  return findings;
}

const LINK_WIDTHS = [16, 8, 4, 2, 1] as const;
/** Beyond this many GPUs the per-card split is noise in a message. */
const MAX_SPLIT_SHOWN = 16;

/**
 * How a lane budget is typically split among GPUs: each card takes the widest link that still
 * leaves x4 for every card after it, so 28 lanes for 3 GPUs give x16/x8/x4 as X299 boards do.
 */
export function splitLanes(lanes: number, gpus: number): number[] {
  const widths: number[] = [];
  let remaining = Math.max(0, Math.floor(lanes));
  for (let i = 0; i < gpus; i++) {
    const after = gpus - i - 1;
    const budget = Math.max(remaining - 4 * after, Math.floor(remaining / (after + 1)));
    const width = LINK_WIDTHS.find((w) => w <= budget) ?? 0;
    widths.push(width);
    remaining -= width;
  }
  return widths;
}

function checkPcieLanes(build: BuildView): Finding[] {
  const { cpus, gpus } = build;
  if (cpus.length === 0 && gpus.length === 0) return [missing("a CPU and GPUs", "check the CPU's PCIe lanes", [])];
  if (cpus.length === 0) return [missing("a CPU", `check its PCIe lanes cover ${names(gpus)}`, gpus)];
  if (gpus.length === 0) return [missing("a GPU", `check the PCIe lanes of ${names(cpus)} cover it`, cpus)];

  const unknownLanes = cpus.filter((c) => !known(c.specs.cpuPcieLanes));
  if (unknownLanes.length > 0) {
    return [finding("warn", `PCIe lanes unknown for ${names(unknownLanes)}; set them to check the GPUs get enough.`, unknownLanes)];
  }
  const lanes = cpus.reduce((n, c) => n + c.quantity * (c.specs.cpuPcieLanes ?? 0), 0);
  const count = build.gpuCount;
  const wanted = LANES_PER_GPU * count;
  const involved = [...cpus, ...gpus];
  if (lanes >= wanted) {
    return [finding("pass", `${names(cpus)} has ${lanes} PCIe lanes, enough for x16 to each of ${count} GPUs (${names(gpus)}).`, involved)];
  }
  const split =
    count <= MAX_SPLIT_SHOWN ? `they run at about ${splitLanes(lanes, count).map((w) => `x${w}`).join("/")}` : "each runs on fewer than x16";
  return [
    finding(
      "warn",
      `${names(cpus)} has ${lanes} PCIe lanes for ${count} GPUs (${names(gpus)}), which want ${wanted} for x16 each: ${split}.`,
      involved,
    ),
  ];
}

/** Watts with at most two decimals, as 5/4 of an integer load can be x.25, x.5 or x.75. */
const watts = (w: number): string => `${Number.isInteger(w) ? w : w.toFixed(2).replace(/0$/, "")} W`;

function checkPsuHeadroom({ psus, gpus, cpus }: BuildView): Finding[] {
  if (psus.length === 0) return [missing("a PSU", "check its headroom", [...gpus, ...cpus])];

  // Everything known is a lower bound on the load and everything unknown could only add to it,
  // so a fail is certain as soon as the known load alone exceeds the PSUs.
  const unknownDraw = [...gpus.filter((g) => !known(g.specs.boardPowerW)), ...cpus.filter((c) => !known(c.specs.tdpW))];
  const unknownPsus = psus.filter((p) => !known(p.specs.psuWatts));
  const gpuW = gpus.reduce((w, g) => w + g.quantity * (g.specs.boardPowerW ?? 0), 0);
  const cpuW = cpus.reduce((w, c) => w + c.quantity * (c.specs.tdpW ?? 0), 0);
  const supply = psus.reduce((w, p) => w + p.quantity * (p.specs.psuWatts ?? 0), 0);
  const load = gpuW + cpuW + PSU_BASE_LOAD_W;
  const { numerator, denominator } = PSU_HEADROOM;
  // Compare supply x 4 with load x 5 so the 1.25 factor stays exact integer arithmetic.
  const enough = supply * denominator >= load * numerator;
  const needed = (load * numerator) / denominator;
  const terms = [
    gpus.length > 0 ? `${gpuW} W for ${names(gpus)}` : undefined,
    cpus.length > 0 ? `${cpuW} W for ${names(cpus)}` : undefined,
    `${PSU_BASE_LOAD_W} W base`,
  ].filter((t) => t !== undefined);
  const sums = `${terms.join(" + ")} = ${load} W, × 1.25 = ${watts(needed)}`;
  const involved = [...psus, ...gpus, ...cpus];

  if (unknownPsus.length === 0 && !enough) {
    return [finding("fail", `${names(psus)} supplies ${supply} W but the build needs ${watts(needed)} (${sums}).`, involved)];
  }
  if (unknownPsus.length > 0) {
    return [finding("warn", `Wattage unknown for ${names(unknownPsus)}; set it to check the headroom.`, unknownPsus)];
  }
  if (cpus.length === 0) return [missing("a CPU", `count its TDP in the load on ${names(psus)}`, psus)];
  if (unknownDraw.length > 0) {
    return [finding("warn", `Power draw unknown for ${names(unknownDraw)}; set board power / TDP to check ${names(psus)}.`, unknownDraw)];
  }
  return [finding("pass", `${names(psus)} supplies ${supply} W, covering ${watts(needed)} (${sums}).`, involved)];
}

function checkCardLength({ gpus, cases }: BuildView): Finding[] {
  if (gpus.length === 0 && cases.length === 0) return [missing("GPUs and a case", "check the card length", [])];
  if (gpus.length === 0) return [missing("a GPU", `check it fits ${names(cases)}`, cases)];
  if (cases.length === 0) return [missing("a case", `check ${names(gpus)} fit its GPU clearance`, gpus)];
  return gpus.flatMap((gpu) =>
    cases.map((pcCase): Finding => {
      const length = gpu.specs.cardLengthMm;
      const clearance = pcCase.specs.gpuClearanceMm;
      if (!known(length) || !known(clearance)) {
        const what = !known(length) ? `Card length unknown for ${gpu.name}` : `GPU clearance unknown for ${pcCase.name}`;
        return finding("warn", `${what}; set it to check ${gpu.name} fits ${pcCase.name}.`, [gpu, pcCase]);
      }
      return length > clearance
        ? finding("fail", `${gpu.name} is ${length} mm long; ${pcCase.name} fits cards up to ${clearance} mm.`, [gpu, pcCase])
        : finding("pass", `${gpu.name} (${length} mm) fits ${pcCase.name} (up to ${clearance} mm).`, [gpu, pcCase]);
    }),
  );
}
