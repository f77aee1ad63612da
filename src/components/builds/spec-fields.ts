import type { PartCategory, PartSpecs } from "@/core/builds/parts";

export type SpecKey = keyof PartSpecs;

export interface SpecField {
  label: string;
  kind: "text" | "number";
  /** Shown after the input. */
  unit?: string;
  hint?: string;
  /** How a one-line summary shows the value: "#" stands for it ("# W" → "140 W"). */
  summary: string;
}

export const SPEC_FIELDS: Record<SpecKey, SpecField> = {
  socket: { label: "Socket", kind: "text", hint: "e.g. LGA2066, sTR5", summary: "#" },
  ramType: { label: "RAM type", kind: "text", hint: "e.g. DDR4, DDR5", summary: "#" },
  dimmSlots: { label: "DIMM slots", kind: "number", summary: "# DIMM slots" },
  maxRamGb: { label: "Max RAM", kind: "number", unit: "GB", summary: "max # GB" },
  moduleSizeGb: { label: "Module size", kind: "number", unit: "GB", hint: "One module; quantity × size is the total", summary: "# GB each" },
  pcieX16Slots: { label: "x16 slots for GPUs", kind: "number", hint: "Dual-width cards the board takes at once (\u201c3-way\u201d = 3)", summary: "# GPU slots" },
  expansionSlots: { label: "Expansion slots", kind: "number", hint: "Rear openings: 7 for ATX, 8+ for a card in the last slot", summary: "# expansion slots" },
  slotWidth: { label: "Slot width", kind: "number", unit: "slots", hint: "2 = dual-slot", summary: "#-slot" },
  cpuPcieLanes: { label: "PCIe lanes", kind: "number", summary: "# PCIe lanes" },
  boardPowerW: { label: "Board power", kind: "number", unit: "W", summary: "# W" },
  tdpW: { label: "TDP", kind: "number", unit: "W", summary: "# W TDP" },
  psuWatts: { label: "Rated output", kind: "number", unit: "W", hint: "Per unit; quantity 2 supplies twice this", summary: "# W" },
  cardLengthMm: { label: "Card length", kind: "number", unit: "mm", summary: "# mm long" },
  gpuClearanceMm: { label: "GPU clearance", kind: "number", unit: "mm", summary: "cards up to # mm" },
  cores: { label: "Cores", kind: "number", summary: "# cores" },
  threads: { label: "Threads", kind: "number", summary: "# threads" },
  vramGb: { label: "VRAM", kind: "number", unit: "GB", summary: "# GB" },
};

/** The attributes the compatibility checks read for each category (PartSpecs says which belong where). */
export const SPECS_BY_CATEGORY: Record<PartCategory, SpecKey[]> = {
  cpu: ["socket", "cores", "threads", "cpuPcieLanes", "tdpW"],
  motherboard: ["socket", "ramType", "dimmSlots", "maxRamGb", "pcieX16Slots"],
  gpu: ["vramGb", "boardPowerW", "slotWidth", "cardLengthMm"],
  ram: ["ramType", "moduleSizeGb"],
  storage: [],
  psu: ["psuWatts"],
  case: ["expansionSlots", "gpuClearanceMm"],
  cooler: [],
  other: [],
};

export const CATEGORY_LABELS: Record<PartCategory, string> = {
  cpu: "CPU",
  motherboard: "Motherboard",
  gpu: "GPU",
  ram: "RAM",
  storage: "Storage",
  psu: "PSU",
  case: "Case",
  cooler: "Cooler",
  other: "Other",
};

/** "LGA2066 · 16 threads · 140 W": a part's known specs in one line. */
export function specsSummary(category: PartCategory, specs: PartSpecs): string {
  return SPECS_BY_CATEGORY[category]
    .filter((key) => specs[key] !== undefined && specs[key] !== "")
    .map((key) => SPEC_FIELDS[key].summary.replace("#", String(specs[key])))
    .join(" · ");
}
