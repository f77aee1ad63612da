/**
 * Polls until `check` holds and says how long that took; fails after 1 s, the bound issue 18 sets
 * for a change made by another connection (a revocation, a role change, a slice) to apply.
 */
export async function within1s(check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > 1_000) throw new Error("the change did not apply within 1 s");
    await new Promise((done) => setTimeout(done, 10));
  }
  return performance.now() - started;
}
