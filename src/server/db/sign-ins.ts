import type { MappedSignIn } from "@/core/identity/sign-in-mapping";
import type { Db } from "./tx";

/** One sign-in as the overview keeps it: who, the outcome, and what the claims said. */
export type SignInEventData = MappedSignIn & { userId: string | null; email: string; outcome: "signed-in" | "deactivated"; at: Date };

/** How many sign-ins are kept; the admin page shows the newest 20. */
const KEPT = 200;

export async function insertSignInEvent(tx: Db, data: SignInEventData) {
  await tx.signInEvent.create({ data });
  await tx.$executeRaw`DELETE FROM sign_in_event WHERE id IN (SELECT id FROM sign_in_event ORDER BY at DESC, id OFFSET ${KEPT})`;
}

export function findRecentSignIns(client: Db, take: number) {
  return client.signInEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take });
}
