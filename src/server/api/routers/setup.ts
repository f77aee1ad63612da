import { getSetupChecklist } from "@/server/services/setup";
import { permitted, router } from "../trpc";

export const setupRouter = router({
  checklist: permitted("inventory:manage").query(() => getSetupChecklist()),
});
