import { AppError } from "@/core/errors";
import { schemaType, type RestEndpoint } from "./endpoints";

const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEAN = new Map([["true", true], ["false", false]]);

/**
 * A query string value as JSON would have carried it: a number or a boolean only when it is
 * written as one ("10", "true"); anything else stays a string, which the schema then refuses
 * exactly as tRPC would ("1e3", "yes", "" are not numbers or booleans here).
 */
function typed(type: string, value: string): unknown {
  if (type === "number") return NUMBER.test(value) ? Number(value) : value;
  if (type === "boolean") return BOOLEAN.get(value) ?? value;
  return value;
}

const listed = (names: readonly string[]) => (names.length === 0 ? "none" : names.map((n) => `\`${n}\``).join(", "));

/**
 * The query string of a REST call, checked against its endpoint. GET and DELETE take their input
 * there; other methods take a JSON body and only the endpoint's flags. An unknown parameter is
 * refused, naming it: a misspelt or unsupported option (`?dryRun=true` on an endpoint without a
 * dry run) must not be silently ignored while the call goes ahead.
 */
export function readQuery(endpoint: RestEndpoint, url: URL, pathParams: Record<string, string>): { input: Record<string, unknown>; flags: Record<string, boolean> } {
  const takesInput = endpoint.method === "GET" || endpoint.method === "DELETE";
  const accepted = takesInput ? Object.keys(endpoint.fields).filter((name) => !Object.hasOwn(pathParams, name)) : [...endpoint.flags];
  const input: Record<string, unknown> = {};
  const flags: Record<string, boolean> = {};
  for (const name of new Set(url.searchParams.keys())) {
    if (!accepted.includes(name)) {
      throw new AppError("VALIDATION", `${name}: is not a query parameter of ${endpoint.method} ${endpoint.template} (it takes ${listed(accepted)}).`, { field: name });
    }
    const values = url.searchParams.getAll(name);
    if (!takesInput) {
      const value = values.length === 1 ? BOOLEAN.get(values[0]!) : undefined;
      if (value === undefined) throw new AppError("VALIDATION", `${name}: must be given once, as true or false.`, { field: name });
      flags[name] = value;
      continue;
    }
    const type = schemaType(endpoint.fields[name]!);
    if (type !== "array" && values.length > 1) throw new AppError("VALIDATION", `${name}: must be given once.`, { field: name });
    input[name] = type === "array" ? values : typed(type, values[0]!);
  }
  return { input, flags };
}
