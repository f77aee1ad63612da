import { fleetChanges } from "@/server/db/change-cache";
import { findMachines, type MachineRow } from "@/server/db/machines";
import type { Db } from "@/server/db/tx";

/**
 * Every machine with its GPUs, their models and its build. The inventory and the schedule need it
 * on every load and it changes a few times a year, so it is read once per change of the fleet
 * (channel rigshare_fleet, db/change-cache.ts). Settled first: a change committed before the
 * call is always in the answer, as if it had been read. The rows are shared: never change them.
 */
export async function fleetMachines(client: Db): Promise<readonly MachineRow[]> {
  const fleet = fleetChanges();
  await fleet.settle();
  return (await fleet.remember("machines", () => findMachines(client)))!;
}
