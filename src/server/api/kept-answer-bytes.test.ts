import { initTRPC, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deepFreeze } from "@/core/deep-freeze";
import { transformer } from "@/trpc/transformer";
import { routerTransformer, withKeptAnswerBytes } from "./kept-answer-bytes";

/** An answer as services keep them: Dates, bigints, text beyond Latin-1, quotes to escape. */
const answer = () => ({ at: new Date("2026-12-07T09:00:00Z"), micros: 12_345_678_901_234n, names: ["Zoë's \"rig\"", "GPU — 4×"], rows: Array.from({ length: 50 }, (_, i) => ({ i, share: i / 7 })) });
const kept = deepFreeze(answer());
/** A string an output might hold that looks like a placeholder (but cannot know the process's key). */
const lookalike = `\u0000K${"0".repeat(32)}.0`;

const t = initTRPC.create({ transformer: routerTransformer });
const router = t.router({
  kept: t.procedure.query(() => kept),
  fresh: t.procedure.query(() => answer()),
  echo: t.procedure.input(z.string()).query(({ input }) => deepFreeze({ input })),
  fails: t.procedure.query(() => {
    throw new TRPCError({ code: "NOT_FOUND", message: "No such answer." });
  }),
});

const call = (path: string, init?: RequestInit) => {
  const req = new Request(`http://localhost/api/trpc/${path}`, init);
  return withKeptAnswerBytes(req, () => fetchRequestHandler({ endpoint: "/api/trpc", req, router }));
};
const batchOf = (paths: string[]) => `${paths.join(",")}?batch=1&input=${encodeURIComponent("{}")}`;
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("kept answers' bytes in the tRPC endpoint", () => {
  it("sends a kept answer as the very bytes tRPC writes for the same answer made afresh", async () => {
    const [fromKept, fromFresh] = await Promise.all([call("kept"), call("fresh")]);
    const body = await bytes(fromKept);
    expect(body.equals(await bytes(fromFresh))).toBe(true);
    // tRPC sends no length: the kept answer's bytes went out as written once.
    expect(fromKept.headers.get("content-length")).toBe(String(body.length));
    expect(fromFresh.headers.get("content-length")).toBeNull();
    expect(fromKept.headers.get("content-type")).toBe("application/json");
    const envelope = JSON.parse(body.toString("utf8")) as { result: { data: string } };
    expect(transformer.output.deserialize(envelope.result.data)).toStrictEqual(answer());
  });

  it("fills every kept answer of a batch, beside fresh answers and errors, with tRPC's status", async () => {
    const mixed = await call(batchOf(["kept", "fresh", "fails", "kept"]));
    const plain = await call(batchOf(["fresh", "fresh", "fails", "fresh"]));
    expect(mixed.status).toBe(plain.status);
    expect((await bytes(mixed)).equals(await bytes(plain))).toBe(true);
  });

  it("sends an output that looks like a placeholder as it is", async () => {
    const response = await call(`echo?input=${encodeURIComponent(JSON.stringify(superjson.serialize(lookalike)))}`);
    const envelope = (await response.json()) as { result: { data: string } };
    expect(transformer.output.deserialize(envelope.result.data)).toStrictEqual({ input: lookalike });
  });

  it("leaves a streamed (jsonl) batch to tRPC, which serializes each part as it comes", async () => {
    const response = await call(batchOf(["kept"]), { headers: { "trpc-accept": "application/jsonl" } });
    const text = await response.text();
    expect(text).not.toContain("\\u0000K");
    expect(text).toContain("B12345678901234");
  });

  it("serializes as the web app's transformer does outside the endpoint", () => {
    expect(routerTransformer.output.serialize(kept)).toBe(transformer.output.serialize(kept));
    expect(routerTransformer.output.deserialize(transformer.output.serialize(kept))).toStrictEqual(answer());
  });
});
