import type { EnforcementMode } from "@/core/enforcement/types";

/** How the machine page names and explains each enforcement mode. */
export const MODE_TEXT: Record<EnforcementMode, { label: string; explain: string }> = {
  observe: { label: "Observe", explain: "The agent reports what runs and changes nothing." },
  warn: { label: "Warn", explain: "The agent tells people (end of slice, idle GPUs, unbooked use) and changes nothing." },
  enforce: { label: "Enforce", explain: "Each holder gets only their GPUs, CPU set and memory; processes are stopped at the end of a slice; idle slices are reclaimed." },
};
