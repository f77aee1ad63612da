import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/core/errors";
import { formatFieldPath } from "@/core/field-path";
import { ERROR_MAP, FRAMEWORK_ERROR_MAP } from "../error-map";

export const REST_ERROR_CODES = [...ERROR_CODES, "INTERNAL"] as const;
export type RestErrorCode = (typeof REST_ERROR_CODES)[number];

/** Every REST error has this shape; `code` is stable, `message` is for people, `field` names the input at fault. */
export const restErrorBody = z
  .object({
    error: z.object({
      code: z.enum(REST_ERROR_CODES),
      message: z.string(),
      field: z.string().optional().meta({ description: "The offending input, as a path: `end`, `machines[2].gpus[1].model`." }),
      details: z
        .record(z.string(), z.unknown())
        .optional()
        .meta({ description: "More about the refusal, e.g. `problems` (every invalid field), `conflicts`, `quotas` and the `suggestion` of a refused slice request." }),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: "Error" });
export type RestErrorBody = z.infer<typeof restErrorBody>;

export function restErrorResponse(status: number, error: RestErrorBody["error"], headers: Record<string, string> = {}): Response {
  return Response.json({ error } satisfies RestErrorBody, { status, headers });
}

/** What trpc-to-openapi sends on failure: our error formatter's shape, its tRPC code, zod's issues for bad input. */
interface HandlerErrorBody {
  message?: string;
  code?: string;
  issues?: { path: PropertyKey[]; message: string }[];
  data?: { appCode?: ErrorCode; field?: string; details?: Record<string, unknown> };
}

/** Turns the adapter's error body into the REST error shape, with the status from the one error map. */
export function toRestError(body: HandlerErrorBody, requestId: string): { status: number; error: RestErrorBody["error"] } {
  if (body.issues && body.issues.length > 0) {
    const problems = body.issues.map((issue) => ({ field: formatFieldPath(issue.path) || "body", message: issue.message }));
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more; see details.problems)` : "";
    return { status: ERROR_MAP.VALIDATION.http, error: { code: "VALIDATION", message: `${first!.field}: ${first!.message}${more}`, field: first!.field, details: { problems }, requestId } };
  }
  const appCode = body.data?.appCode;
  if (appCode) {
    return { status: ERROR_MAP[appCode].http, error: { code: appCode, message: body.message ?? appCode, field: body.data?.field, details: body.data?.details, requestId } };
  }
  const framework = FRAMEWORK_ERROR_MAP[body.code as keyof typeof FRAMEWORK_ERROR_MAP];
  if (framework) {
    const message = body.code === "PARSE_ERROR" ? "The body is not valid JSON." : body.code === "UNSUPPORTED_MEDIA_TYPE" ? "Send the body as JSON (Content-Type: application/json)." : body.code === "NOT_FOUND" && body.message === "Not found" ? "There is no such endpoint; see /api/openapi.json." : (body.message ?? body.code!);
    return { status: framework.http, error: { code: framework.code, message, requestId } };
  }
  return { status: 500, error: { code: "INTERNAL", message: `Something went wrong on our side. Quote request id ${requestId} when you report it.`, requestId } };
}
