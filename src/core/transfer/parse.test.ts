import { describe, expect, it } from "vitest";
import { parseInventoryDocument } from "./parse";
import { makeInventoryDocument } from "@test/core/transfer-document";

/** Every money field of the document, with a setter that puts `value` there. */
const MONEY_FIELDS: [path: string, set: (doc: ReturnType<typeof makeInventoryDocument>, value: unknown) => void][] = [
  ["prices[0].priceMicros", (d, v) => Object.assign(d.prices[0]!, { priceMicros: v })],
  ["builds[0].parts[0].unitPriceMicros", (d, v) => Object.assign(d.builds[0]!.parts[0]!, { unitPriceMicros: v })],
  ["builds[0].quotes[0].priceMicros", (d, v) => Object.assign(d.builds[0]!.quotes[0]!, { priceMicros: v })],
  ["machines[0].costs.purchasePriceMicros", (d, v) => Object.assign(d.machines[0]!.costs!, { purchasePriceMicros: v })],
  ["machines[0].costs.kwhPriceMicros", (d, v) => Object.assign(d.machines[0]!.costs!, { kwhPriceMicros: v })],
  ["machines[0].costs.maintenancePerMonthMicros", (d, v) => Object.assign(d.machines[0]!.costs!, { maintenancePerMonthMicros: v })],
];

describe("parseInventoryDocument: money", () => {
  it.each(MONEY_FIELDS)("refuses a decimal, a sign, a number or an empty string in %s, naming the path", (path, set) => {
    for (const value of ["1.46", "-5", "", " 1", "1e3", 1.46, 1460000]) {
      const doc = makeInventoryDocument();
      set(doc, value);
      const result = parseInventoryDocument(doc);
      expect(result.problems.map((p) => p.path), `${path} = ${JSON.stringify(value)}`).toContain(path);
    }
  });

  it("takes whole micro-dollars up to $1,000,000,000 and refuses more", () => {
    const doc = makeInventoryDocument();
    doc.prices[0]!.priceMicros = "1000000000000000";
    expect(parseInventoryDocument(doc).problems).toEqual([]);
    doc.prices[0]!.priceMicros = "1000000000000001";
    expect(parseInventoryDocument(doc).problems).toEqual([{ path: "prices[0].priceMicros", message: "must be at most $1,000,000,000" }]);
  });
});
