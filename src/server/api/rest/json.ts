import { isFrozenObject, oncePerFrozenValue } from "@/core/deep-freeze";
import { bytesResponse } from "../bytes-response";

/**
 * REST responses are plain JSON, which has no bigint: money (integer micro-dollars, bigint in the
 * services) goes out as a decimal string such as "1460000", so no client rounds it through a
 * double. Dates become ISO 8601 strings through JSON.stringify as usual.
 */
const bigintAsString = (_key: string, value: unknown) => (typeof value === "bigint" ? value.toString() : value);
const jsonText = (body: unknown) => JSON.stringify(body, bigintAsString);
/** An answer a service keeps for many requests (frozen: core/deep-freeze.ts) is written once, as UTF-8. */
const frozenJsonBytes = oncePerFrozenValue((body) => Buffer.from(jsonText(body)));

/** The JSON text of a REST answer, written in one pass (a converted copy of a 600 KB list cost as much as writing it). */
export function restJsonResponse(body: unknown, init: { status: number; headers: Record<string, string> }): Response {
  const headers = { ...init.headers, "content-type": "application/json" };
  if (isFrozenObject(body)) return bytesResponse([frozenJsonBytes(body)], { status: init.status, headers });
  return new Response(jsonText(body), { status: init.status, headers });
}

/** A value as it reads back from the REST JSON (error details, which pass through the tRPC error formatter). */
export function toRestJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(jsonText(value));
}
