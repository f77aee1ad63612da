import type { z } from "zod";
import { AppError } from "@/core/errors";
import { formatFieldPath } from "@/core/field-path";
import { authenticateAgent, identifyAgent, type AgentIdentity } from "@/server/services/agent-enrollment";
import { withApiHeaders } from "@/server/http-headers";
import { log } from "@/server/log";
import { requestIdOf } from "@/server/request-id";
import { ERROR_MAP } from "./error-map";
import { restErrorResponse } from "./rest/errors";

/** A batch of 360 samples of 8 GPUs with their processes stays far below this. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** `refusesRevokedItself`: the handler checks revocation in its own transaction, so the credential's identity may come from a cache. */
type AgentRouteSpec<I> = { authenticated: boolean; refusesRevokedItself?: boolean; input?: z.ZodType<I> };
type AgentHandler<I> = (ctx: { agent: AgentIdentity | null; input: I; now: Date }) => Promise<Response>;

/**
 * The agent endpoints (`/api/agent/v1/...`): plain route handlers, apart from the personal-token
 * REST API on purpose. They accept only a machine credential (`Authorization: Bearer rsa_…`),
 * validate with the shared contract and answer errors in the REST API's shape, naming the field.
 * The proxy skips them (src/server/http-headers.ts): their answers get its headers here. A machine
 * credential is never a cookie, so a browser on another site cannot send one for them.
 */
export async function agentRoute<I>(
  request: Request,
  spec: AgentRouteSpec<I>,
  handle: AgentHandler<I>,
): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  // The request's time, read once: the identity cache and the handler judge by the same instant.
  const now = new Date();
  return withApiHeaders(await answer(request, requestId, now, spec, handle), request, requestId);
}

/** The endpoint's own answer, or the error it comes to, in the REST API's shape. */
async function answer<I>(
  request: Request,
  requestId: string,
  now: Date,
  spec: AgentRouteSpec<I>,
  handle: AgentHandler<I>,
): Promise<Response> {
  try {
    let agent: AgentIdentity | null = null;
    if (spec.authenticated) {
      const header = request.headers.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError("UNAUTHORIZED", "Send the machine's credential: Authorization: Bearer rsa_…");
      agent = spec.refusesRevokedItself ? await identifyAgent(match[1]!, now) : await authenticateAgent(match[1]!);
    }
    let input = undefined as I;
    if (spec.input) {
      const text = await request.text();
      if (text.length > MAX_BODY_BYTES) throw new AppError("VALIDATION", `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; send fewer samples per report.`, { field: "body" });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError("VALIDATION", "The body is not valid JSON.", { field: "body" });
      }
      const parsed = spec.input.safeParse(body);
      if (!parsed.success) {
        const problems = parsed.error.issues.slice(0, 20).map((issue) => ({ field: formatFieldPath(issue.path) || "body", message: issue.message }));
        throw new AppError("VALIDATION", `${problems[0]!.field}: ${problems[0]!.message}`, { field: problems[0]!.field, details: { problems } });
      }
      input = parsed.data;
    }
    return await handle({ agent, input, now });
  } catch (error) {
    if (error instanceof AppError) {
      log.info({ requestId, path: new URL(request.url).pathname, code: error.code }, "agent request refused");
      return restErrorResponse(ERROR_MAP[error.code].http, { code: error.code, message: error.message, field: error.field, details: error.details, requestId });
    }
    log.error({ requestId, err: error }, "agent request failed");
    return restErrorResponse(500, { code: "INTERNAL", message: `Something went wrong on our side. Quote request id ${requestId} when you report it.`, requestId });
  }
}
