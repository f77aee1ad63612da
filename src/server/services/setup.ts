import { setupChecklist } from "@/core/identity/setup-checklist";
import { countSetup } from "@/server/db/setup";
import { read } from "@/server/db/tx";

/** The first admin's setup checklist (see the core for when it shows). */
export async function getSetupChecklist() {
  return setupChecklist(await read(countSetup));
}
