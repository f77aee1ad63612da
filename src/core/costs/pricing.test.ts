import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { indexPrices, rateAt, sliceCloudCostMicros } from "./pricing";
import type { PriceEntry } from "./types";
import { GCP_2018_PRICES, HOUR, PRICES_FROM, utc, zeus, zeusSlice } from "@test/core/costs-fixtures";

const WORKED_SLICE = zeusSlice({ start: utc("2018-07-02T09:00Z"), end: utc("2018-07-02T19:00Z") });
const ALL_TIME = { from: utc("2000-01-01T00:00Z"), to: utc("2100-01-01T00:00Z") };
const PRICE_CUT = utc("2018-07-02T14:00Z");
/** P100 drops to $1.00/h at 14:00 on the day of the worked example. */
const WITH_CUT: PriceEntry[] = [
  ...GCP_2018_PRICES,
  { sku: "gcp-p100", provider: "gcp", unit: "gpu-hour", priceMicros: 1_000_000n, effectiveFrom: PRICE_CUT },
];

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("rateAt", () => {
  it("takes the latest entry effective at or before t", () => {
    expect(rateAt(WITH_CUT, "gcp-p100", PRICE_CUT - 1)?.priceMicros).toBe(1_460_000n);
    expect(rateAt(WITH_CUT, "gcp-p100", PRICE_CUT)?.priceMicros).toBe(1_000_000n);
    expect(rateAt(WITH_CUT, "gcp-p100", PRICE_CUT + 10 * HOUR)?.priceMicros).toBe(1_000_000n);
  });

  it("has no rate before a SKU's first entry, nor for an unknown SKU", () => {
    expect(rateAt(WITH_CUT, "gcp-p100", PRICES_FROM - 1)).toBeUndefined();
    expect(rateAt(WITH_CUT, "aws-p3", PRICE_CUT)).toBeUndefined();
  });

  it("does not depend on the order of the catalog", () => {
    expect(rateAt([...WITH_CUT].reverse(), "gcp-p100", PRICE_CUT)?.priceMicros).toBe(1_000_000n);
  });
});

describe("indexPrices", () => {
  it("refuses two prices of one SKU from the same instant", () => {
    const e = thrown(() => indexPrices([...GCP_2018_PRICES, { ...GCP_2018_PRICES[0]!, priceMicros: 1n }]));
    expect(e.code).toBe("VALIDATION");
    expect(e.message).toMatch(/gcp-p100/);
  });

  it("refuses a SKU priced in two units, and negative prices", () => {
    const later = PRICES_FROM + HOUR;
    expect(thrown(() => indexPrices([...GCP_2018_PRICES, { ...GCP_2018_PRICES[2]!, unit: "gb-hour", effectiveFrom: later }])).field).toMatch(/unit/);
    expect(thrown(() => indexPrices([{ ...GCP_2018_PRICES[0]!, priceMicros: -1n }])).field).toBe("prices[0].priceMicros");
  });
});

describe("sliceCloudCostMicros", () => {
  it("prices PRODUCT.md's slice at 10 h x $1.787535 = $17.87535", () => {
    expect(sliceCloudCostMicros(WORKED_SLICE, zeus, GCP_2018_PRICES, ALL_TIME)).toBe(17_875_350n);
  });

  it("prices a slice spanning a price change piecewise", () => {
    // 5 h at 1.46 + 0.158055 + 0.16948, then 5 h at 1.00 + 0.158055 + 0.16948.
    expect(sliceCloudCostMicros(WORKED_SLICE, zeus, WITH_CUT, ALL_TIME)).toBe(8_937_675n + 6_637_675n);
  });

  it("splits at every price change of every SKU the slice uses, and only those", () => {
    const prices: PriceEntry[] = [
      ...WITH_CUT,
      { sku: "gcp-n1-vcpu", provider: "gcp", unit: "vcpu-hour", priceMicros: 41_611n, effectiveFrom: utc("2018-07-02T11:00Z") },
      { sku: "gcp-k80", provider: "gcp", unit: "gpu-hour", priceMicros: 1n, effectiveFrom: utc("2018-07-02T10:00Z") },
    ];
    // 09-11: 1.787535; 11-14: +5 x 0.01 = 1.837535; 14-19: 1.377535. The K80 change is irrelevant.
    expect(sliceCloudCostMicros(WORKED_SLICE, zeus, prices, ALL_TIME)).toBe(2n * 1_787_535n + 3n * 1_837_535n + 5n * 1_377_535n);
  });

  it("adds one GPU rate per GPU held", () => {
    const twoGpus = { ...WORKED_SLICE, gpuIds: ["zeus-gpu0", "zeus-gpu2"], threads: 10, ramGb: 80 };
    expect(sliceCloudCostMicros(twoGpus, zeus, GCP_2018_PRICES, ALL_TIME)).toBe(2n * 17_875_350n);
  });

  it("counts only the part inside the window, to the millisecond, rounding half away from zero", () => {
    const window = { from: utc("2018-07-02T18:00Z"), to: utc("2018-07-03T00:00Z") };
    expect(sliceCloudCostMicros(WORKED_SLICE, zeus, GCP_2018_PRICES, window)).toBe(1_787_535n);
    // 1 ms at 1,787,535 micros/h is 0.4965 micro-dollar -> 0; 2 ms is 0.993 -> 1.
    expect(sliceCloudCostMicros(WORKED_SLICE, zeus, GCP_2018_PRICES, { from: window.from, to: window.from + 1 })).toBe(0n);
    expect(sliceCloudCostMicros(WORKED_SLICE, zeus, GCP_2018_PRICES, { from: window.from, to: window.from + 2 })).toBe(1n);
    expect(sliceCloudCostMicros(WORKED_SLICE, zeus, GCP_2018_PRICES, { from: 0, to: 1 })).toBe(0n);
  });

  it("needs no vCPU or RAM price for a slice that holds neither", () => {
    const gpuOnly = { ...WORKED_SLICE, threads: 0, ramGb: 0 };
    const prices = GCP_2018_PRICES.filter((p) => p.unit === "gpu-hour");
    expect(sliceCloudCostMicros(gpuOnly, zeus, prices, ALL_TIME)).toBe(14_600_000n);
  });

  it("names the SKU and the instant when the catalog has no price yet", () => {
    const early = zeusSlice({ start: PRICES_FROM - HOUR, end: PRICES_FROM + HOUR });
    const e = thrown(() => sliceCloudCostMicros(early, { ...zeus, inService: 0 }, GCP_2018_PRICES, ALL_TIME));
    expect(e.code).toBe("VALIDATION");
    expect(e.message).toContain("gcp-p100");
    expect(e.message).toContain("2018-05-31T23:00:00.000Z");
  });

  it("refuses a GPU the machine does not have, or one named twice", () => {
    expect(thrown(() => sliceCloudCostMicros({ ...WORKED_SLICE, gpuIds: ["zeus-gpu7"] }, zeus, GCP_2018_PRICES, ALL_TIME)).field).toBe("slice.gpuIds[0]");
    expect(thrown(() => sliceCloudCostMicros({ ...WORKED_SLICE, gpuIds: ["zeus-gpu1", "zeus-gpu1"] }, zeus, GCP_2018_PRICES, ALL_TIME)).message).toMatch(/twice/);
  });

  it("refuses a GPU SKU that the catalog prices per vCPU-hour", () => {
    const odd = { ...zeus, gpus: zeus.gpus.map((g) => ({ ...g, cloudSku: "gcp-n1-vcpu" })) };
    expect(thrown(() => sliceCloudCostMicros(WORKED_SLICE, odd, GCP_2018_PRICES, ALL_TIME)).message).toMatch(/per vcpu-hour but used per gpu-hour/);
  });
});
