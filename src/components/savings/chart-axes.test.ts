import { describe, expect, it } from "vitest";
import { axisPercent, axisUsd, spreadLabels, timeTicks } from "./chart-axes";

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe("timeTicks", () => {
  it("uses years over an eight-year window", () => {
    const { ticks, label } = timeTicks(Date.UTC(2018, 5, 15), Date.UTC(2026, 10, 27), 6);
    expect(ticks.map(iso)).toEqual(["2020-01-01", "2022-01-01", "2024-01-01", "2026-01-01"]);
    expect(label(ticks[0]!)).toBe("2020");
  });

  it("uses quarters over a year", () => {
    const { ticks, label } = timeTicks(Date.UTC(2025, 11, 1), Date.UTC(2026, 10, 27), 6);
    expect(ticks.map(iso)).toEqual(["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]);
    expect(label(ticks[1]!)).toBe("Apr 2026");
  });

  it("uses Mondays over a quarter with room for many ticks", () => {
    const { ticks, label } = timeTicks(Date.UTC(2026, 6, 1), Date.UTC(2026, 9, 1), 14);
    expect(ticks.every((t) => new Date(t).getUTCDay() === 1)).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(14);
    expect(label(ticks[0]!)).toBe("6 Jul");
  });

  it("uses days over a week", () => {
    expect(timeTicks(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 8), 10).ticks.map(iso)).toEqual([
      "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08",
    ]);
  });

  it("never returns more ticks than asked for, down to two", () => {
    for (const [from, to] of [[Date.UTC(2000, 0, 1), Date.UTC(2099, 0, 1)], [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2)]] as const) {
      expect(timeTicks(from, to, 2).ticks.length).toBeLessThanOrEqual(2);
    }
  });
});

describe("axis labels", () => {
  it("writes compact dollars and whole percents", () => {
    expect(axisUsd(12_345)).toBe("$12.3K");
    expect(axisUsd(-1_500_000)).toBe("-$1.5M");
    expect(axisUsd(0)).toBe("$0");
    expect(axisPercent(45.4)).toBe("45%");
  });
});

describe("spreadLabels", () => {
  it("leaves labels that do not collide where they are", () => {
    expect(spreadLabels([10, 50, 90], 14, 0, 100)).toEqual([10, 50, 90]);
  });

  it("pushes colliding labels apart, keeping input order", () => {
    expect(spreadLabels([52, 50, 51], 14, 0, 200)).toEqual([78, 50, 64]);
  });

  it("keeps them inside the plot when they fit", () => {
    expect(spreadLabels([98, 99, 100], 10, 0, 100)).toEqual([80, 90, 100]);
    expect(spreadLabels([-20], 10, 0, 100)).toEqual([0]);
  });
});
