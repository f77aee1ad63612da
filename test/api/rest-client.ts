import { DELETE, GET, POST } from "@/app/api/v1/[...path]/route";
import { makeUser } from "@test/db/fixtures";
import { toActor } from "@/server/services/actor";
import { createToken } from "@/server/services/tokens";

export const BASE = "http://localhost/api/v1";
export const handlers: Record<string, (req: Request) => Promise<Response>> = { GET, POST, DELETE };

/** Calls the REST route's handler in-process, as Next would. */
export function call(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string } = {}) {
  const headers = new Headers();
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  return handlers[method]!(new Request(`${BASE}${path}`, { method, headers, body }));
}

/** A new person with `roles` and a fresh API token of theirs. */
export async function tokenFor(roles: ("member" | "admin" | "leadership")[], scope: "read" | "write" = "write", teamId?: string) {
  const user = await makeUser({ roles, teamId });
  const created = await createToken(toActor(user), { name: `${roles.join("+")} ${scope}`, scope, expiresInDays: 30 }, new Date());
  return { user, token: created.token, tokenId: created.id };
}
