import type { MachineStatus } from "@/core/slices/types";

/** The parts of a machine whose values depend on each other. Times are epoch milliseconds (UTC). */
export interface MachineSpec {
  status: MachineStatus;
  cores: number;
  threads: number;
  ramGb: number;
  reservedThreads: number;
  reservedRamGb: number;
  inServiceAt: number;
  retiredAt: number | null;
}

export interface SpecProblem {
  field: keyof MachineSpec;
  message: string;
}

const isCount = (n: number, min: number) => Number.isInteger(n) && n >= min;

/**
 * Every rule a machine's specification breaks, each naming its field, so a form can mark all of
 * them at once. Empty when the specification is consistent. The database's CHECK constraint
 * repeats the numeric rules as a last line of defence.
 */
export function machineSpecProblems(spec: MachineSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const add = (field: keyof MachineSpec, message: string) => problems.push({ field, message });

  if (!isCount(spec.cores, 1)) add("cores", "Cores must be a whole number of at least 1.");
  if (!isCount(spec.threads, 1)) add("threads", "Threads must be a whole number of at least 1.");
  else if (isCount(spec.cores, 1) && spec.threads < spec.cores) {
    add("threads", `Threads (${spec.threads}) cannot be fewer than cores (${spec.cores}).`);
  }
  if (!isCount(spec.ramGb, 1)) add("ramGb", "RAM must be a whole number of GB, at least 1.");

  if (!isCount(spec.reservedThreads, 0)) add("reservedThreads", "Reserved threads must be a whole number of at least 0.");
  else if (isCount(spec.threads, 1) && spec.reservedThreads >= spec.threads) {
    add("reservedThreads", `Reserved threads (${spec.reservedThreads}) must be fewer than the machine's threads (${spec.threads}).`);
  }
  if (!isCount(spec.reservedRamGb, 0)) add("reservedRamGb", "Reserved RAM must be a whole number of GB, at least 0.");
  else if (isCount(spec.ramGb, 1) && spec.reservedRamGb >= spec.ramGb) {
    add("reservedRamGb", `Reserved RAM (${spec.reservedRamGb} GB) must be less than the machine's RAM (${spec.ramGb} GB).`);
  }

  if (!Number.isFinite(spec.inServiceAt)) add("inServiceAt", "The in-service date is not a valid date.");
  if (spec.retiredAt !== null) {
    if (spec.status !== "retired") add("retiredAt", "Only a retired machine has a retired date.");
    else if (!Number.isFinite(spec.retiredAt)) add("retiredAt", "The retired date is not a valid date.");
    else if (Number.isFinite(spec.inServiceAt) && spec.retiredAt <= spec.inServiceAt) {
      add("retiredAt", "The retired date must be after the in-service date.");
    }
  } else if (spec.status === "retired") {
    add("retiredAt", "A retired machine needs a retired date.");
  }
  return problems;
}
