import { z } from "zod";
import { listAuditActions, listAuditEntries } from "@/server/services/audit";
import { permitted, router } from "../trpc";
import { AUDIT_SUBJECT_TYPES } from "@/server/services/audit";
import { id } from "@/contracts/shared";

export const auditRouter = router({
  list: permitted("audit:read")
    .input(
      z
        .object({
          action: z.string().trim().max(60).optional(),
          actorId: id.optional(),
          subjectType: z.enum(AUDIT_SUBJECT_TYPES).optional(),
          subjectId: z.string().max(100).optional(),
          from: z.date().optional(),
          to: z.date().optional(),
          cursor: z.string().regex(/^\d{1,19}$/, "must be a cursor from a previous page").optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .refine((f) => !f.from || !f.to || f.from < f.to, { message: "must be after 'from'", path: ["to"] }),
    )
    .query(({ input }) => listAuditEntries(input)),
  actions: permitted("audit:read").query(() => listAuditActions()),
});
