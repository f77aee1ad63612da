import { z } from "zod";

/**
 * The zod shape of PartSpecs (src/core/builds/parts.ts), in one place for the API and the import document; each passes the
 * field validators it wants (their limits and messages differ). Unknown attributes are refused so
 * nothing the checks ignore is stored.
 */
export function partSpecsSchema<N extends z.ZodType<number | undefined>, T extends z.ZodType<string | undefined>>(specNumber: N, specText: T) {
  return z.strictObject({
    socket: specText,
    ramType: specText,
    dimmSlots: specNumber,
    maxRamGb: specNumber,
    moduleSizeGb: specNumber,
    pcieX16Slots: specNumber,
    expansionSlots: specNumber,
    slotWidth: specNumber,
    cpuPcieLanes: specNumber,
    boardPowerW: specNumber,
    tdpW: specNumber,
    psuWatts: specNumber,
    cardLengthMm: specNumber,
    gpuClearanceMm: specNumber,
    cores: specNumber,
    threads: specNumber,
    vramGb: specNumber,
  });
}
