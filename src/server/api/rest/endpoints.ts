import type { AnyProcedure } from "@trpc/server";
import type { z } from "zod";
import { AppError } from "@/core/errors";
import { appRouter } from "../root";

export type RestMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A procedure as a REST endpoint: where it answers and what its input looks like. */
export interface RestEndpoint {
  method: RestMethod;
  template: string;
  pattern: RegExp;
  procedurePath: string;
  /** The top-level fields of the input object (empty when the procedure takes no input). */
  fields: Record<string, z.ZodType>;
  /** Flags a POST takes in its query string, beside its JSON body (e.g. `?dryRun=true`). */
  flags: readonly string[];
}

/** Query flags of endpoints whose input is a JSON body; the procedure reads them from its context. */
const QUERY_FLAGS: Record<string, readonly string[]> = { "transfer.import": ["dryRun"] };

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional, nullable and default wrappers: what a query value must become. */
export function unwrapped(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (["optional", "nullable", "default", "prefault", "readonly"].includes(def.type) && def.innerType) return unwrapped(def.innerType);
  if (def.type === "pipe" && def.in) return unwrapped(def.in);
  return schema;
}

export const schemaType = (schema: z.ZodType): string => defOf(unwrapped(schema)).type;

function fieldsOf(procedure: AnyProcedure): Record<string, z.ZodType> {
  const [input] = (procedure._def as unknown as { inputs: z.ZodType[] }).inputs;
  if (!input) return {};
  const root = unwrapped(input);
  return defOf(root).type === "object" ? (root as unknown as { shape: Record<string, z.ZodType> }).shape : {};
}

const ENDPOINTS: RestEndpoint[] = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).flatMap(([procedurePath, procedure]) => {
  const openapi = (procedure._def.meta as { openapi?: { method: RestMethod; path: string } } | undefined)?.openapi;
  if (!openapi) return [];
  const source = openapi.path.replace(/\{(\w+)\}/g, (_, name: string) => `(?<${name}>[^/]+)`);
  return [{ method: openapi.method, template: openapi.path, pattern: new RegExp(`^${source}/?$`), procedurePath, fields: fieldsOf(procedure), flags: QUERY_FLAGS[procedurePath] ?? [] }];
});

export function restEndpoints(): readonly RestEndpoint[] {
  return ENDPOINTS;
}

/**
 * The endpoint for a method and a path below the API's base, with its path parameters. An
 * unknown path is NOT_FOUND; a known path with another method says which methods it takes.
 */
export function matchEndpoint(method: string, path: string): { endpoint: RestEndpoint; params: Record<string, string> } {
  const matches = ENDPOINTS.flatMap((endpoint) => {
    const groups = endpoint.pattern.exec(path)?.groups;
    return groups || endpoint.pattern.test(path) ? [{ endpoint, params: { ...groups } }] : [];
  });
  const match = matches.find((m) => m.endpoint.method === method);
  if (match) {
    try {
      return { endpoint: match.endpoint, params: Object.fromEntries(Object.entries(match.params).map(([k, v]) => [k, decodeURIComponent(v)])) };
    } catch {
      throw new AppError("VALIDATION", "The path is not valid URL encoding.", { field: "path" });
    }
  }
  if (matches.length > 0) {
    throw new AppError("NOT_FOUND", `${path} takes ${matches.map((m) => m.endpoint.method).join(", ")}, not ${method}.`, { details: { allow: matches.map((m) => m.endpoint.method) } });
  }
  throw new AppError("NOT_FOUND", "There is no such endpoint; see /api/openapi.json.");
}
