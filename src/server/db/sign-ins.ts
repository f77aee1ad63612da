import type { Role } from "@/core/roles";
import type { Db } from "./tx";

export interface SignInEventData {
  userId: string | null;
  email: string;
  outcome: "signed-in" | "deactivated";
  claimNames: string[];
  groupsClaimPresent: boolean;
  groups: string[];
  roles: Role[];
  team: string | null;
  warnings: string[];
  at: Date;
}

/** How many sign-ins are kept; the admin page shows the newest 20. */
const KEPT = 200;

export async function insertSignInEvent(tx: Db, data: SignInEventData) {
  await tx.signInEvent.create({ data });
  await tx.$executeRaw`DELETE FROM sign_in_event WHERE id IN (SELECT id FROM sign_in_event ORDER BY at DESC, id OFFSET ${KEPT})`;
}

export function findRecentSignIns(client: Db, take: number) {
  return client.signInEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take });
}
