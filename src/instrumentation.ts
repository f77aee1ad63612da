/**
 * Validates the configuration when the server starts, so a bad setting fails fast with a clear
 * message, and starts the waitlist's sweeper and the serving slices' monthly renewal.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/server/env");
    env();
    // Places waiting requests after slices that end by the clock (see the sweeper's comment).
    const { startWaitlistSweeper } = await import("@/server/services/waitlist/sweeper");
    startWaitlistSweeper();
    const { startServingRenewal } = await import("@/server/services/slices/renewal");
    startServingRenewal();
  }
}
