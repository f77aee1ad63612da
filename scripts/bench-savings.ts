// `npm run bench:savings`: times the savings report on 8 years of history (~50,000 slices) in a
// scratch embedded PostgreSQL, next to a plain SQL scan over the same slices measured in the same
// run. Prints numbers and ratios; it asserts nothing.
import { performance } from "node:perf_hooks";
import { startTemporaryPostgres } from "@/server/platform/embedded";
import { migrate } from "@/server/platform/migrate";
import { createBenchmarkDataset } from "./bench/dataset";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]! };
}

async function time(run: () => Promise<unknown>, before?: () => void) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

async function main() {
  const pg = await startTemporaryPostgres();
  try {
    process.env.DATABASE_URL = pg.url;
    await migrate(pg.url);
    const { db } = await import("@/server/db/client");
    const { savingsReport, forgetCostData } = await import("@/server/services/savings");
    const now = new Date();
    const t0 = performance.now();
    const { slices } = await createBenchmarkDataset(now);
    console.log(`dataset: ${slices} slices, 20 users, 3 machines (9 GPUs), 8 years; generated and inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const inception = new Date(now.getTime() - 8 * 365.25 * 86_400_000);
    const quarterStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1));
    const monthly = () => savingsReport({ from: inception, to: now, bucket: "month", groupBy: "fleet" }, now);
    const daily = () => savingsReport({ from: quarterStart, to: now, bucket: "day", groupBy: "fleet" }, now);
    const baseline = () => db().$queryRaw`SELECT count(*), sum(extract(epoch FROM sg.end_at - sg.start_at)) FROM slice_gpu sg JOIN slice s ON s.id = sg.slice_id WHERE s.status = 'approved'`;

    await monthly(); // warm up the JIT and the connection pool
    const results = {
      "baseline: SQL scan of the same slices": await time(baseline),
      "monthly fleet report, whole history (cached data)": await time(monthly),
      "daily fleet report, one quarter (cached data)": await time(daily),
      "monthly fleet report, whole history (cold: reload every slice)": await time(monthly, forgetCostData),
      "daily fleet report, one quarter (cold: reload every slice)": await time(daily, forgetCostData),
    };
    const base = results["baseline: SQL scan of the same slices"].median;
    console.log(`\n${RUNS} runs each, milliseconds (server-side, in process):`);
    console.log(`${"".padEnd(66)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"x baseline".padStart(11)}`);
    for (const [name, s] of Object.entries(results)) {
      console.log(`${name.padEnd(66)} ${s.median.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${(s.median / base).toFixed(2).padStart(11)}`);
    }
    await db().$disconnect();
  } finally {
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
