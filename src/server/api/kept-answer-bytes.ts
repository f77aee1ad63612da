import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { CombinedDataTransformer } from "@trpc/server";
import { isFrozenObject, oncePerFrozenValue } from "@/core/deep-freeze";
import { transformer } from "@/trpc/transformer";
import { serializeOutput } from "@/trpc/wire-format";
import { bytesResponse } from "./bytes-response";

/**
 * Kept answers (frozen: core/deep-freeze.ts) leave the web app's tRPC endpoint as bytes written
 * once. tRPC 11 puts each output's encoded text in its envelope and stringifies the envelope anew
 * for every response; for the 8-year savings report (300 KB) that fresh string, checked for lone
 * surrogates and encoded to UTF-8 by the Response, cost more than the rest of the request. So inside
 * the endpoint a kept answer's output is serialized as a placeholder, which tRPC writes into its
 * (now small) envelope like any output, and the endpoint puts the answer's bytes in its place: the
 * very bytes tRPC would have written. Batches, errors, status and headers stay tRPC's own; outputs
 * that are not kept, and every output outside the endpoint, are serialized as always.
 *
 * A placeholder names a random per-process key that never leaves the process, so no output or
 * input can pose as one (outputs' own strings are nested in their encoded text anyway).
 */
const KEY = randomBytes(16).toString("hex");
const placeholder = (index: number) => `\u0000K${KEY}.${index}`;
/** A placeholder as JSON.stringify writes it in the envelope. */
const PLACEHOLDER_IN_JSON = new RegExp(`"\\\\u0000K${KEY}\\.(\\d+)"`, "g");

/** The outputs kept for the response being built, by placeholder index; none outside the endpoint. */
const pending = new AsyncLocalStorage<Uint8Array[]>();

/** What tRPC writes for an output: its encoded text as a JSON string, in UTF-8. */
const keptBytes = oncePerFrozenValue((value) => Buffer.from(JSON.stringify(serializeOutput(value))));

function serialize(value: unknown): unknown {
  const kept = pending.getStore();
  if (!kept || !isFrozenObject(value)) return transformer.output.serialize(value);
  kept.push(keptBytes(value));
  return placeholder(kept.length - 1);
}

/** The router's transformer: the web app's (src/trpc/transformer.ts), with kept answers' bytes written once. */
export const routerTransformer: CombinedDataTransformer = { input: transformer.input, output: { serialize, deserialize: transformer.output.deserialize } };

/** A streaming (jsonl) request gets its outputs in parts as they come, with nothing to fill in afterwards. */
const streams = (req: Request) => req.headers.has("trpc-accept") || (req.headers.get("accept") ?? "").includes("jsonl");

/** Runs the tRPC endpoint for `req`, then writes the kept answers' bytes where their placeholders are. */
export async function withKeptAnswerBytes(req: Request, respond: () => Promise<Response>): Promise<Response> {
  if (streams(req)) return respond();
  const kept: Uint8Array[] = [];
  const response = await pending.run(kept, respond);
  if (kept.length === 0) return response;
  const text = await response.text();
  const chunks: Uint8Array[] = [];
  let done = 0;
  for (const match of text.matchAll(PLACEHOLDER_IN_JSON)) {
    const bytes = kept[Number(match[1])];
    if (!bytes) throw new Error("A kept answer's placeholder names no answer of this response.");
    chunks.push(Buffer.from(text.slice(done, match.index)), bytes);
    done = match.index + match[0].length;
  }
  chunks.push(Buffer.from(text.slice(done)));
  return bytesResponse(chunks, { status: response.status, headers: response.headers });
}
