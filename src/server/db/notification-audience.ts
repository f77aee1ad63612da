import { queryRows } from "./direct";
import { Prisma, type Role } from "./generated/client";
import type { RecipientRow } from "./notifications";
import type { Db } from "./tx";

export interface AudienceRow {
  /** The active people asked for: the holder, then those with the role by e-mail. */
  holder: RecipientRow | null;
  withRole: RecipientRow[];
  /** The team's webhooks subscribed to the event's kind. */
  teamWebhooks: { id: string; url: string; format: string; secret: string; team: { name: string } }[];
}

/**
 * Everyone an event may reach, in one statement (a decision's transaction sends several events'
 * worth of round trips otherwise): the holder when `holderId` is given, the active people with
 * `role`, each with their notification preferences and personal webhook, and the webhooks of
 * `teamId` that subscribed to `kind`.
 */
export async function findEventAudience(client: Db, query: { holderId: string | null; role: Role | null; teamId: string | null; kind: string }): Promise<AudienceRow> {
  const [row] = await queryRows<{ people: (RecipientRow & { holder: boolean; has_role: boolean })[]; hooks: AudienceRow["teamWebhooks"] }>(client, Prisma.sql`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object(
                'id', u.id, 'email', u.email, 'name', u.name,
                'notificationPreferences', COALESCE((SELECT json_agg(json_build_object('kind', p.kind, 'channels', p.channels)) FROM notification_preference p WHERE p.user_id = u.id), '[]'),
                'personalWebhook', (SELECT json_build_object('url', w.url, 'format', w.format, 'secret', w.secret) FROM personal_webhook w WHERE w.user_id = u.id),
                'holder', u.id = ${query.holderId}::uuid IS TRUE,
                'has_role', (${query.role}::"Role" = ANY(u.assigned_roles) OR ${query.role}::"Role" = ANY(u.idp_roles)) IS TRUE
              ) ORDER BY u.email), '[]')
       FROM "user" u
       WHERE u.active AND (u.id = ${query.holderId}::uuid OR ${query.role}::"Role" = ANY(u.assigned_roles) OR ${query.role}::"Role" = ANY(u.idp_roles))) AS people,
      (SELECT COALESCE(json_agg(json_build_object('id', h.id, 'url', h.url, 'format', h.format, 'secret', h.secret, 'team', json_build_object('name', t.name)) ORDER BY h.created_at), '[]')
       FROM team_webhook h JOIN team t ON t.id = h.team_id
       WHERE h.team_id = ${query.teamId}::uuid AND ${query.kind} = ANY(h.kinds)) AS hooks`);
  const people = row!.people.map(({ holder, has_role, ...person }) => ({ person, holder, hasRole: has_role }));
  return {
    holder: people.find((p) => p.holder)?.person ?? null,
    withRole: people.filter((p) => p.hasRole).map((p) => p.person),
    teamWebhooks: row!.hooks,
  };
}
