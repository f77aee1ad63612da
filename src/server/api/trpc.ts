import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import { AppError } from "@/core/errors";
import { can, rolesAllowedTo, type Action } from "@/core/permissions";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "@/core/storable-text";
import type { Context } from "./context";
import { appErrorOf, toTRPCError } from "./error-map";
import { routerTransformer } from "./kept-answer-bytes";
import { namingMissingFields } from "./missing-fields";
import { toRestJson } from "./rest/json";

/** `meta.openapi` puts a procedure on the REST API (/api/v1) and in its OpenAPI document. */
const t = initTRPC.meta<OpenApiMeta>().context<Context>().create({
  transformer: routerTransformer,
  errorFormatter({ shape, error, ctx }) {
    const appError = appErrorOf(error);
    const zodIssues = error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? error.cause.issues : undefined;
    const firstIssue = zodIssues?.[0];
    return {
      ...shape,
      data: {
        ...shape.data,
        stack: undefined,
        appCode: appError?.code ?? (zodIssues ? "VALIDATION" : undefined),
        field: appError?.field ?? (firstIssue ? firstIssue.path.join(".") : undefined),
        fieldErrors: zodIssues?.map((issue) => ({ field: issue.path.join("."), message: issue.message })),
        details: ctx?.transport === "rest" ? toRestJson(appError?.details) : appError?.details,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/**
 * Logs each call with its duration and turns domain errors into their mapped tRPC errors, and
 * zod's JSON dump into a sentence that names the field ("name: must be at least 2 characters").
 * It is the outermost middleware, so it sees results after `.output()` validated them (REST
 * writes their bigints as strings when it sends them: rest/json.ts).
 */
const observed = t.procedure.use(async ({ ctx, path, type, next, getRawInput }) => {
  const started = performance.now();
  const result = await next();
  const ms = Math.round(performance.now() - started);
  if (result.ok) {
    ctx.log.info({ requestId: ctx.requestId, path, type, ms, transport: ctx.transport }, "trpc ok");
    return result;
  }
  // Only input is validated as BAD_REQUEST; a failed `.output()` check is a server bug and stays internal.
  if (result.error.code === "BAD_REQUEST" && result.error.cause instanceof ZodError) {
    const cause = namingMissingFields(result.error.cause, await getRawInput());
    const [issue] = cause.issues;
    const message = issue ? `${issue.path.join(".") || "input"}: ${issue.message}` : "Invalid input.";
    ctx.log.info({ requestId: ctx.requestId, path, type, ms, code: "VALIDATION" }, "trpc refused");
    return { ...result, error: new TRPCError({ code: "BAD_REQUEST", message, cause }) };
  }
  const appError = appErrorOf(result.error.cause) ?? appErrorOf(result.error);
  if (appError) {
    ctx.log.info({ requestId: ctx.requestId, path, type, ms, code: appError.code }, "trpc refused");
    const mapped = toTRPCError(appError);
    return { ...result, error: mapped };
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ requestId: ctx.requestId, path, type, ms, err: result.error.cause ?? result.error }, "trpc failed");
  }
  return result;
});

/** Text the database cannot store is refused up front, naming its field (REST and tRPC alike). */
const storable = observed.use(async ({ getRawInput, next }) => {
  const field = unstorableTextPath(await getRawInput());
  if (field !== null) throw toTRPCError(new AppError("VALIDATION", `${field}: ${UNSTORABLE_TEXT_MESSAGE}.`, { field }));
  return next();
});

export const publicProcedure = storable;

/** Signed in and active (a deactivated user has no actor); read-only tokens may only query. */
export const protectedProcedure = storable.use(({ ctx, type, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (ctx.tokenScope === "read" && type === "mutation") {
    throw toTRPCError(new AppError("FORBIDDEN", "This API token is read-only; create a write token to change data."));
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** Signed in and holding a role that the permission table allows `action` for. */
export function permitted(action: Action) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.actor.roles, action)) {
      throw toTRPCError(
        new AppError("FORBIDDEN", `Only ${rolesAllowedTo(action).join(" or ")} users may do this (${action}).`),
      );
    }
    return next();
  });
}
