import { db } from "@/server/db/client";

let counter = 0;

/** Inserts a machine (no GPUs) for build tests; the inventory feature owns the real ones. */
export function makeMachine(name = `machine-${Date.now().toString(36)}-${(counter++).toString(36)}`) {
  return db().machine.create({
    data: { name, cpuModel: "Intel Core i7-7820X", cores: 8, threads: 16, ramGb: 128, inServiceAt: new Date("2018-06-15T00:00:00Z") },
  });
}
