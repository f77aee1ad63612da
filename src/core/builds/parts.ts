import { MICROS_PER_DOLLAR } from "@/core/costs/money";

/**
 * A build is one machine's parts list. Money is integer micro-dollars ($1 = 1_000_000), kept in
 * `number`: the largest build we could price (~$9 billion) still fits Number.MAX_SAFE_INTEGER,
 * and plain numbers serialise through JSON, tRPC and the database without ceremony.
 */

export const PART_CATEGORIES = [
  "cpu",
  "motherboard",
  "gpu",
  "ram",
  "storage",
  "psu",
  "case",
  "cooler",
  "other",
] as const;
export type PartCategory = (typeof PART_CATEGORIES)[number];

/** Known memory generations; any other string is kept as typed and compared case-insensitively. */
export type RamType = "DDR4" | "DDR5" | (string & {});

/**
 * The spec attributes the compatibility checks read. All optional: a check that needs one that is
 * missing warns instead of guessing. Each attribute belongs to the categories named beside it.
 */
export interface PartSpecs {
  /** cpu, motherboard: socket name, e.g. "LGA2066", "sTR5" (spaces and dashes are ignored). */
  socket?: string;
  /** ram, motherboard: memory generation the module is / the board takes. */
  ramType?: RamType;
  /** motherboard: number of DIMM slots. */
  dimmSlots?: number;
  /** motherboard: the most memory the board supports, in GB. */
  maxRamGb?: number;
  /** ram: size of ONE module in GB; a line with quantity 8 and 16 GB modules is 128 GB. */
  moduleSizeGb?: number;
  /**
   * motherboard: x16 slots that can hold a GPU each at the same time, given the board's slot
   * spacing for dual-width cards (what vendors advertise as "3-way" or "4-way" multi-GPU), not
   * merely the number of x16-length connectors.
   */
  pcieX16Slots?: number;
  /** case: rear expansion-slot openings (7 for ATX; 8 or more lets a card sit in the last slot). */
  expansionSlots?: number;
  /** gpu: expansion-slot positions one card occupies (2 = dual-slot). */
  slotWidth?: number;
  /** cpu: PCIe lanes the CPU provides for add-in cards. */
  cpuPcieLanes?: number;
  /** gpu: total board power in watts. */
  boardPowerW?: number;
  /** cpu: thermal design power in watts. */
  tdpW?: number;
  /** psu: rated output in watts, per unit (a line with quantity 2 supplies twice that). */
  psuWatts?: number;
  /** gpu: card length in mm. */
  cardLengthMm?: number;
  /** case: longest GPU the case fits, in mm. */
  gpuClearanceMm?: number;
  /** cpu: physical cores. */
  cores?: number;
  /** cpu: hardware threads. */
  threads?: number;
  /** gpu: memory in GB. */
  vramGb?: number;
}

export interface Part {
  id: string;
  category: PartCategory;
  name: string;
  /** Integer >= 0. A line with quantity 0 is a "what if" kept in the list; it counts as absent. */
  quantity: number;
  /** Integer >= 0, micro-dollars per unit. */
  unitPriceMicros: number;
  specs: PartSpecs;
}

/** A build's parts and each quote stay at most $1 billion, so totals are exact in a double. */
export const MAX_BUILD_MICROS = 1_000_000_000 * Number(MICROS_PER_DOLLAR);

/** Whole dollars to micro-dollars, for hand-written prices such as the seed data. */
export function usd(wholeDollars: number): number {
  if (!Number.isSafeInteger(wholeDollars)) {
    throw new RangeError(`usd() takes whole dollars, got ${wholeDollars}`);
  }
  return wholeDollars * Number(MICROS_PER_DOLLAR);
}

/** Lines that are actually in the machine: quantity 0 (and nonsense like NaN) counts as absent. */
export function activeParts(parts: readonly Part[]): Part[] {
  return parts.filter((p) => p.quantity > 0);
}

export function partsOf(parts: readonly Part[], category: PartCategory): Part[] {
  return activeParts(parts).filter((p) => p.category === category);
}

/** How many units of a category the machine holds, across all its lines. */
export function countOf(parts: readonly Part[], category: PartCategory): number {
  return partsOf(parts, category).reduce((sum, p) => sum + p.quantity, 0);
}

export function lineTotalMicros(part: Part): number {
  return part.quantity * part.unitPriceMicros;
}

/**
 * Sum of quantity x unit price. Throws rather than return a rounded number if the total leaves
 * the range where doubles are exact integers; no real build comes near it.
 */
export function buildTotalMicros(parts: readonly Part[]): number {
  const total = parts.reduce((sum, p) => sum + lineTotalMicros(p), 0);
  if (!Number.isSafeInteger(total)) {
    throw new RangeError("Build total is not an exact integer number of micro-dollars");
  }
  return total;
}

/** "3 × NVIDIA GeForce GTX 1080 Ti", or just the name for a single unit: how messages name lines. */
export function partLabel(part: Part): string {
  return part.quantity === 1 ? part.name : `${part.quantity} × ${part.name}`;
}
