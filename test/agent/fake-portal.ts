import type { SampleIn } from "@/core/agent/contract";

/**
 * The portal as the agent sees it, in memory: it can be down (connection refused), fail (5xx),
 * refuse the credential (401), and answers the config with an ETag (304 when unchanged). It
 * counts every sample it receives, so a test can tell a lost sample from a doubled one.
 */
export class FakePortal {
  mode: "up" | "down" | "5xx" | "401" = "up";
  readonly received = new Map<number, number>();
  readonly stored = new Map<number, SampleIn>();
  requests: { path: string; status: number }[] = [];
  config = { machineName: "m1", systemProcesses: ["Xorg"], holders: { "GPU-aaaa": ["alice"] } };

  fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const respond = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ path: url.pathname, status });
      return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
    };
    if (this.mode === "down") throw new TypeError("fetch failed: connect ECONNREFUSED");
    if (this.mode === "5xx") return respond(503, { error: { code: "UNAVAILABLE", message: "database is away" } });
    if (this.mode === "401") return respond(401, { error: { code: "UNAUTHORIZED", message: "This machine's credential was revoked." } });
    if (url.pathname === "/api/agent/v1/config") {
      const etag = `"${JSON.stringify(this.config).length}"`;
      const inm = new Headers(init?.headers).get("if-none-match");
      return inm === etag ? respond(304) : respond(200, this.config, { etag });
    }
    if (url.pathname === "/api/agent/v1/telemetry") {
      const body = JSON.parse(String(init?.body)) as { samples: SampleIn[] };
      let duplicates = 0;
      for (const s of body.samples) {
        this.received.set(s.seq, (this.received.get(s.seq) ?? 0) + 1);
        if (this.stored.has(s.seq)) duplicates++;
        else this.stored.set(s.seq, s);
      }
      return respond(200, { accepted: body.samples.length - duplicates, duplicates, mismatches: [] });
    }
    return respond(404, { error: { code: "NOT_FOUND", message: "no such endpoint" } });
  };
}
