import type { AppliedIn, ScheduleOut } from "@/core/agent/schedule-contract";
import type { EnforcementMode, ScheduleDocument } from "@/core/enforcement/types";

/**
 * The portal's schedule endpoints in memory, for the enforcer's tests: it serves one schedule
 * with an ETag (304 when the agent has it), can be down, and keeps every applied-state report.
 */
export class FakeSchedulePortal {
  up = true;
  version = 1;
  mode: EnforcementMode = "enforce";
  readonly applied: AppliedIn[] = [];
  readonly polls: { status: number; wait: string | null }[] = [];

  constructor(public doc: ScheduleDocument) {}

  /** A decision in the portal: a new schedule, a new ETag. */
  change(doc: ScheduleDocument, mode: EnforcementMode = this.mode) {
    this.doc = doc;
    this.mode = mode;
    this.version += 1;
  }

  get etag() {
    return `"v${this.version}"`;
  }

  fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    if (!this.up) throw new TypeError("fetch failed: connect ECONNREFUSED");
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
    if (url.pathname === "/api/agent/v1/schedule") {
      const same = new Headers(init?.headers).get("if-none-match") === this.etag;
      this.polls.push({ status: same ? 304 : 200, wait: url.searchParams.get("wait") });
      if (same) return new Response(null, { status: 304, headers: { etag: this.etag } });
      const body: ScheduleOut = { machineId: "m-zeus", machineName: "zeus", mode: this.mode, etag: this.etag, servedAt: new Date(0).toISOString(), schedule: this.doc };
      return json(200, body, { etag: this.etag });
    }
    if (url.pathname === "/api/agent/v1/applied") {
      this.applied.push(JSON.parse(String(init?.body)) as AppliedIn);
      return json(200, { stored: true });
    }
    return json(404, { error: { code: "NOT_FOUND", message: "no such endpoint" } });
  };
}
