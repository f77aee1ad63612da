import pino from "pino";
import type { UserRow } from "@/server/db/users";
import { toActor } from "@/server/services/actor";
import { createCaller } from "@/server/api/root";
import { requestContext } from "@/server/api/context";

const silent = pino({ level: "silent" });

/** A tRPC caller acting as `user` (or anonymous), exactly as the route handler builds it. */
export function callerFor(user: UserRow | null, tokenScope?: "read" | "write") {
  return createCaller(requestContext({ actor: user ? toActor(user) : null, requestId: "test", log: silent, tokenScope }));
}
