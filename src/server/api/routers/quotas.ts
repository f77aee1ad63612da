import { updateQuotaPolicyIn } from "@/contracts/admin";
import { listQuotaPolicies, updateQuotaPolicy } from "@/server/services/quotas";
import { byActor } from "../by-actor";
import { permitted, router } from "../trpc";

export const quotasRouter = router({
  list: permitted("schedule:read").query(() => listQuotaPolicies()),
  update: permitted("quotas:manage").input(updateQuotaPolicyIn).mutation(byActor(updateQuotaPolicy)),
});
