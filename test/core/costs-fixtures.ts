/** Shared test data: PRODUCT.md's worked example (machine zeus, GCP mid-2018 prices). Not shipped code. */
import type { HeldSlice, MachineCostProfile, PriceEntry } from "@/core/costs/types";

export const utc = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad ISO date in test: ${iso}`);
  return t;
};

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** GCP prices in force since June 2018 (PRODUCT.md reference data). */
export const PRICES_FROM = utc("2018-06-01T00:00:00Z");

export const GCP_2018_PRICES: PriceEntry[] = [
  { sku: "gcp-p100", provider: "gcp", unit: "gpu-hour", priceMicros: 1_460_000n, effectiveFrom: PRICES_FROM },
  { sku: "gcp-k80", provider: "gcp", unit: "gpu-hour", priceMicros: 450_000n, effectiveFrom: PRICES_FROM },
  { sku: "gcp-n1-vcpu", provider: "gcp", unit: "vcpu-hour", priceMicros: 31_611n, effectiveFrom: PRICES_FROM },
  { sku: "gcp-n1-ram", provider: "gcp", unit: "gb-hour", priceMicros: 4_237n, effectiveFrom: PRICES_FROM },
];

export const ZEUS_IN_SERVICE = utc("2018-06-15T00:00:00Z");

/** The seed machine: 3x GTX 1080 Ti (250 W) priced as GCP P100s, $6,000, defaults elsewhere. */
export const zeus: MachineCostProfile = {
  machineId: "zeus",
  gpuCount: 3,
  inService: ZEUS_IN_SERVICE,
  capexMicros: 6_000_000_000n,
  gpus: [0, 1, 2].map((i) => ({ gpuId: `zeus-gpu${i}`, boardPowerW: 250, cloudSku: "gcp-p100" })),
  vcpuSku: "gcp-n1-vcpu",
  ramSku: "gcp-n1-ram",
};

/** One GPU of zeus with the default profile (5 threads, 40 GB); override what a test needs. */
export function zeusSlice(overrides: Partial<HeldSlice> & Pick<HeldSlice, "start" | "end">): HeldSlice {
  return {
    id: "s1",
    machineId: "zeus",
    teamId: "vision",
    userId: "ada",
    gpuIds: ["zeus-gpu0"],
    threads: 5,
    ramGb: 40,
    ...overrides,
  };
}
