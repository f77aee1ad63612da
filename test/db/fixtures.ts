import type { Role } from "@/core/roles";
import { db } from "@/server/db/client";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Inserts a team with a unique name for an integration test. */
export function makeTeam(name = unique("team")) {
  return db().team.create({ data: { name } });
}

/** Inserts a user (and a team when none is given) for an integration test. */
export async function makeUser(options: { teamId?: string; roles?: Role[]; active?: boolean; name?: string; subject?: string } = {}) {
  const teamId = options.teamId ?? (await makeTeam()).id;
  const handle = unique("user");
  return db().user.create({
    data: {
      email: `${handle}@example.test`,
      name: options.name ?? handle,
      subject: options.subject,
      teamId,
      assignedRoles: options.roles ?? ["member"],
      active: options.active ?? true,
    },
    include: { team: { select: { id: true, name: true } } },
  });
}

export function auditEntriesFor(subjectId: string) {
  return db().auditLog.findMany({ where: { subjectId }, orderBy: { id: "asc" } });
}
