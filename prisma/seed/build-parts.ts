import { usd, type Part, type PartCategory, type PartSpecs } from "@/core/builds/parts";
import type { VendorQuote } from "@/core/builds/premium";

/**
 * Reference builds: the tests check them and the seed script loads them. Specs come from the
 * vendors' data sheets (PRODUCT.md "Reference data" for the GPUs and the i7-7820X); prices are
 * realistic street prices of the time in whole dollars, not quotes.
 */

function line(
  id: string,
  category: PartCategory,
  name: string,
  quantity: number,
  unitDollars: number,
  specs: PartSpecs = {},
): Part {
  return { id, category, name, quantity, unitPriceMicros: usd(unitDollars), specs };
}

/**
 * The founding machine (mid-2018): $5,992 against Lambda Labs' $10,000 quad-GPU workstation.
 * The PRIME X299-A is a 3-way multi-GPU board: three x16 slots take dual-width cards at once,
 * which is why a 4th 1080 Ti (about $6,700 in all) could not go in. With a 28-lane CPU the
 * three cards run at x16/x8/x4, so pcie-lanes warns on purpose.
 */
export const SEED_BUILD_ZEUS: Part[] = [
  line("zeus-gpu", "gpu", "NVIDIA GeForce GTX 1080 Ti Founders Edition 11 GB", 3, 699, {
    vramGb: 11,
    boardPowerW: 250,
    slotWidth: 2,
    cardLengthMm: 267,
  }),
  line("zeus-cpu", "cpu", "Intel Core i7-7820X", 1, 589, {
    socket: "LGA2066",
    cores: 8,
    threads: 16,
    cpuPcieLanes: 28,
    tdpW: 140,
  }),
  line("zeus-board", "motherboard", "ASUS PRIME X299-A", 1, 299, {
    socket: "LGA2066",
    ramType: "DDR4",
    dimmSlots: 8,
    maxRamGb: 128,
    pcieX16Slots: 3,
  }),
  line("zeus-ram", "ram", "Corsair Vengeance LPX 16 GB DDR4-3000", 8, 199, { ramType: "DDR4", moduleSizeGb: 16 }),
  line("zeus-ssd", "storage", "Samsung 970 PRO 1 TB NVMe SSD", 1, 629),
  line("zeus-hdd", "storage", "Seagate BarraCuda 4 TB HDD", 1, 109),
  line("zeus-psu", "psu", "EVGA SuperNOVA 1600 T2", 1, 449, { psuWatts: 1600 }),
  line("zeus-case", "case", "Corsair Carbide Series Air 540", 1, 139, { expansionSlots: 8, gpuClearanceMm: 320 }),
  line("zeus-cooler", "cooler", "Noctua NH-D15", 1, 89),
];

export const SEED_QUOTE_LAMBDA: VendorQuote = {
  vendor: "Lambda Labs",
  description: "Lambda Labs quad-GPU workstation",
  priceMicros: 10_000_000_000,
};

/**
 * A newer 4-GPU workstation. Open-air RTX 4090s are 3 to 4 slots thick, so four only fit as
 * 2-slot blower cards (length approximate). The WRX90E-SAGE has 7 adjacent x16 slots, i.e. 4 at
 * once for dual-width cards, the 4th of which overhangs into the case's 8th opening. One PSU
 * cannot carry 1.25 x (4 x 450 + 350 + 100) = 2812.5 W, so the case holds two 1600 W units.
 */
export const SEED_BUILD_ATLAS: Part[] = [
  line("atlas-gpu", "gpu", "NVIDIA GeForce RTX 4090 24 GB (2-slot blower)", 4, 2299, {
    vramGb: 24,
    boardPowerW: 450,
    slotWidth: 2,
    cardLengthMm: 270,
  }),
  line("atlas-cpu", "cpu", "AMD Ryzen Threadripper PRO 7975WX", 1, 3899, {
    socket: "sTR5",
    cores: 32,
    threads: 64,
    cpuPcieLanes: 128,
    tdpW: 350,
  }),
  line("atlas-board", "motherboard", "ASUS Pro WS WRX90E-SAGE SE", 1, 1299, {
    socket: "sTR5",
    ramType: "DDR5",
    dimmSlots: 8,
    maxRamGb: 2048,
    pcieX16Slots: 4,
  }),
  line("atlas-ram", "ram", "Kingston 32 GB DDR5-5600 ECC RDIMM", 8, 159, { ramType: "DDR5", moduleSizeGb: 32 }),
  line("atlas-ssd", "storage", "Samsung 990 PRO 4 TB NVMe SSD", 2, 319),
  line("atlas-psu", "psu", "Corsair AX1600i", 2, 549, { psuWatts: 1600 }),
  line("atlas-case", "case", "Phanteks Enthoo Pro 2 Server Edition", 1, 169, { expansionSlots: 8, gpuClearanceMm: 503 }),
  line("atlas-cooler", "cooler", "Noctua NH-U14S TR5-SP6", 1, 149),
];

/**
 * A planned 2x RTX 5090 machine on non-PRO Threadripper: fewer lanes and DIMM slots than Atlas,
 * still plenty for two cards. 1.25 x (2 x 575 + 350 + 100) = 2000 W, hence a 2200 W PSU.
 */
export const SEED_BUILD_PLANNED: Part[] = [
  line("planned-gpu", "gpu", "NVIDIA GeForce RTX 5090 Founders Edition 32 GB", 2, 1999, {
    vramGb: 32,
    boardPowerW: 575,
    slotWidth: 2,
    cardLengthMm: 304,
  }),
  line("planned-cpu", "cpu", "AMD Ryzen Threadripper 7960X", 1, 1499, {
    socket: "sTR5",
    cores: 24,
    threads: 48,
    cpuPcieLanes: 88,
    tdpW: 350,
  }),
  line("planned-board", "motherboard", "ASUS Pro WS TRX50-SAGE WIFI", 1, 899, {
    socket: "sTR5",
    ramType: "DDR5",
    dimmSlots: 4,
    maxRamGb: 1024,
    pcieX16Slots: 3,
  }),
  line("planned-ram", "ram", "Kingston 32 GB DDR5-5600 ECC RDIMM", 4, 159, { ramType: "DDR5", moduleSizeGb: 32 }),
  line("planned-ssd", "storage", "Samsung 990 PRO 4 TB NVMe SSD", 1, 319),
  line("planned-psu", "psu", "Seasonic PRIME PX-2200", 1, 549, { psuWatts: 2200 }),
  line("planned-case", "case", "Fractal Design Define 7 XL", 1, 229, { expansionSlots: 9, gpuClearanceMm: 491 }),
  line("planned-cooler", "cooler", "Noctua NH-U14S TR5-SP6", 1, 149),
];
