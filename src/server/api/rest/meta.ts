import type { OpenApiMeta } from "trpc-to-openapi";

type Method = NonNullable<OpenApiMeta["openapi"]>["method"];

/**
 * `.meta(...)` for a procedure that is also a REST endpoint under /api/v1, grouped under `tag` in
 * the OpenAPI document. The description says which permission it needs, so the docs page shows it.
 */
export function restEndpoint(tag: string) {
  return (method: Method, path: `/${string}`, summary: string, needs: string, description?: string): OpenApiMeta =>
    ({ openapi: { method, path, summary, tags: [tag], description: [description, `Needs: ${needs}.`].filter(Boolean).join("\n\n") } });
}
