import { describe, expect, it } from "vitest";
import { csvFileName, toCsv, type CsvColumn } from "./csv";

type Row = { name: string; savings: bigint; hours: number; at: Date | null };
const columns: CsvColumn<Row>[] = [
  { header: "Machine", value: (r) => r.name },
  { header: "Savings (USD)", value: (r) => r.savings },
  { header: "GPU-hours", value: (r) => r.hours },
  { header: "Break-even (UTC)", value: (r) => r.at },
];

describe("toCsv", () => {
  it("writes a header row and money with every micro-dollar, dates as UTC ISO", () => {
    const csv = toCsv([{ name: "zeus", savings: 11_762_648n, hours: 10, at: new Date("2019-02-03T04:05:06Z") }], columns);
    expect(csv).toBe("Machine,Savings (USD),GPU-hours,Break-even (UTC)\r\nzeus,11.762648,10,2019-02-03T04:05:06.000Z\r\n");
  });

  it("keeps negative money and leaves missing values empty", () => {
    const csv = toCsv([{ name: "hermes", savings: -500_000n, hours: 0, at: null }], columns);
    expect(csv.split("\r\n")[1]).toBe("hermes,-0.500000,0,");
  });

  it("quotes commas, quotes and line breaks", () => {
    const csv = toCsv([{ name: 'Vision, "core"\nteam', savings: 0n, hours: Number.NaN, at: null }], columns);
    expect(csv.split("\r\n").slice(1).join("\r\n")).toBe('"Vision, ""core""\nteam",0.000000,,\r\n');
  });

  it("defuses text that a spreadsheet would run as a formula, but not money", () => {
    const csv = toCsv([{ name: "=HYPERLINK(1)", savings: -1n, hours: 1.5, at: null }], columns);
    expect(csv.split("\r\n")[1]).toBe("'=HYPERLINK(1),-0.000001,1.5,");
  });

  it("writes only the header for no rows", () => {
    expect(toCsv([], columns)).toBe("Machine,Savings (USD),GPU-hours,Break-even (UTC)\r\n");
  });
});

describe("csvFileName", () => {
  it("names the window's first and last UTC day", () => {
    expect(csvFileName("by-machine", { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") })).toBe(
      "rigshare-savings-by-machine-2025-01-01-to-2025-12-31.csv",
    );
  });

  it("ends on the day of a window that stops mid-day", () => {
    expect(csvFileName("by-team", { from: new Date("2018-06-15T00:00:00Z"), to: new Date("2026-11-27T10:00:00Z") })).toBe(
      "rigshare-savings-by-team-2018-06-15-to-2026-11-27.csv",
    );
  });
});
