import type { HeldSlice } from "./types";
import type { ResolvedMachine } from "./machine";
import { invalid, requireInstant, requireWholeNonNegative } from "./validate";

/**
 * Held hours run from start to the earlier of the booked end and the release (PRODUCT.md).
 * A slice released before it started held nothing: its effective end is its start.
 */
export function effectiveSliceEnd(slice: { start: number; end: number; releasedAt?: number | null }): number {
  const end = slice.releasedAt != null && slice.releasedAt < slice.end ? slice.releasedAt : slice.end;
  return end > slice.start ? end : slice.start;
}

const fieldOf = (index: number | undefined) => (index === undefined ? "slice" : `slices[${index}]`);

/**
 * Checks a slice against its machine and returns the summed board power of its GPUs, in watts.
 * A GPU the machine lacks, or one named twice, is bad data. `index` (the slice's position in the
 * input) only names the field in the error: field paths are built when something is wrong, not
 * for each of 50,000 valid slices.
 */
export function validateSlice(slice: HeldSlice, machine: ResolvedMachine, index?: number): number {
  if (!Number.isSafeInteger(slice.start)) requireInstant(slice.start, `${fieldOf(index)}.start`);
  if (!Number.isSafeInteger(slice.end)) requireInstant(slice.end, `${fieldOf(index)}.end`);
  if (!Number.isSafeInteger(slice.threads) || slice.threads < 0) requireWholeNonNegative(slice.threads, `${fieldOf(index)}.threads`);
  if (!Number.isSafeInteger(slice.ramGb) || slice.ramGb < 0) requireWholeNonNegative(slice.ramGb, `${fieldOf(index)}.ramGb`);
  let watts = 0;
  const { gpuIds } = slice;
  for (let i = 0; i < gpuIds.length; i++) {
    const gpu = machine.gpus.get(gpuIds[i]!);
    if (!gpu) {
      throw invalid(`Slice ${slice.id} names GPU ${gpuIds[i]}, which machine ${machine.machineId} does not have.`, `${fieldOf(index)}.gpuIds[${i}]`);
    }
    // A slice holds a handful of GPUs: a linear scan beats building a Set per slice.
    for (let j = 0; j < i; j++) {
      if (gpuIds[j] === gpuIds[i]) throw invalid(`Slice ${slice.id} names GPU ${gpuIds[i]} twice.`, `${fieldOf(index)}.gpuIds[${i}]`);
    }
    watts += gpu.boardPowerW;
  }
  return watts;
}
