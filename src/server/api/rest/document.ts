import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { SECTION_RECORDS } from "@/core/transfer/schema";
import { appRouter } from "../root";
import { INVENTORY_SCHEMA_PATH } from "./paths";
import { RATE_LIMIT } from "@/server/services/rate-limit";
import { restErrorBody } from "./errors";

export const REST_BASE_PATH = "/api/v1";

const DESCRIPTION = `The Rigshare REST API: inventory, GPU slices, savings, API tokens and inventory import/export.
It is generated from the same procedures and schemas as the web app, so both enforce the same rules.

**Authentication.** Send a personal API token, created on your profile page (Profile → API tokens):
\`Authorization: Bearer rs_…\`. A token acts as its owner with the owner's roles (the same permission table as the
web app; each endpoint says what it needs). A *read* token may only call GET endpoints; a *write* token may also
change data. Revoked or expired tokens, and tokens of deactivated people, get 401.

**Rate limit.** Per token: bursts of ${RATE_LIMIT.capacity} requests, refilled at ${RATE_LIMIT.perMinute} a minute. Beyond that you get 429
with a \`Retry-After\` header (seconds). Every response carries \`X-RateLimit-Limit\` and \`X-RateLimit-Remaining\`.

**Errors** are JSON: \`{ "error": { "code", "message", "field", "details", "requestId" } }\`. \`code\` is stable:
VALIDATION (400: bad input, \`field\` names it; \`details.problems\` lists every problem), UNAUTHORIZED (401),
FORBIDDEN (403: your role or a read-only token), NOT_FOUND (404), CONFLICT and CAPACITY_CONFLICT (409),
QUOTA_EXCEEDED (422), RATE_LIMITED (429), UNAVAILABLE (503), INTERNAL (500).

**Values.** Times are ISO 8601 in UTC. Money is integer micro-dollars ($1 = 1000000) sent as a decimal string
(\`"1460000"\` is $1.46), so no client rounds it through a floating-point number. The savings report's bucket
bounds are epoch milliseconds.

**Import and export** use one JSON document whose JSON Schema is published at
[${INVENTORY_SCHEMA_PATH}](${INVENTORY_SCHEMA_PATH}).`;

type Operation = { parameters?: { in: string }[]; responses?: Record<string, unknown> };

const errorResponse = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers && { headers }),
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/**
 * trpc-to-openapi documents its own error body; the API sends ours (rest/errors.ts), so every
 * operation's error responses are replaced with the ones it can really return.
 */
function describeErrors(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(pathItem as Record<string, Operation>)) {
      const ok = operation.responses?.["200"];
      const changes = method !== "get";
      const hasPathParams = operation.parameters?.some((p) => p.in === "path") ?? false;
      operation.responses = {
        "200": ok,
        "400": errorResponse("Bad input: `field` names it and `details.problems` lists every problem."),
        "401": errorResponse("No token, or a token that is unknown, revoked or expired, or whose owner is deactivated."),
        "403": errorResponse("Your roles do not allow this, or the token is read-only."),
        ...(hasPathParams && { "404": errorResponse("Not found, or not visible to you.") }),
        ...(changes && { "409": errorResponse("Conflicts with the current state (e.g. a GPU already held, a slice already decided).") }),
        ...(changes && { "422": errorResponse("A quota would be exceeded; `details.quotas` says which and by how much.") }),
        "429": errorResponse("Too many requests with this token.", { "Retry-After": { description: "Seconds until a request is allowed again.", schema: { type: "integer" } } }),
        "500": errorResponse("Something went wrong on our side; quote the requestId."),
      };
    }
  }
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(schemas)) if (name.startsWith("error.")) delete schemas[name];
  return document;
}

let cached: OpenAPIObject | undefined;

/** The OpenAPI 3.1 document of /api/v1, generated from the procedures that carry `meta.openapi`. */
export function openApiDocument(): OpenAPIObject {
  cached ??= describeErrors(
    generateOpenApiDocument(appRouter, {
      title: "Rigshare API",
      version: "1.0.0",
      description: DESCRIPTION,
      baseUrl: REST_BASE_PATH,
      tags: ["Inventory", "Slices", "Savings", "Tokens", "Import and export"],
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (rs_…) from your profile page." } },
      defs: { Error: restErrorBody, ...Object.fromEntries(Object.values(SECTION_RECORDS).map((s) => [s.component, s.record])) },
    }),
  );
  return cached;
}
