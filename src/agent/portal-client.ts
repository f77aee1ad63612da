import { agentConfigOut, enrollOut, telemetryOut, type AgentConfig, type EnrollOut, type SampleIn, type TelemetryOut } from "@/core/agent/contract";
import { scheduleOut, type AppliedIn, type ScheduleOut } from "@/core/agent/schedule-contract";
import { AGENT_VERSION } from "./version";

/** What came of a call to the portal; the caller decides to retry, stop, or go on. */
export type PortalOutcome<T> =
  | { kind: "ok"; value: T }
  | { kind: "not-modified" }
  | { kind: "unauthorized"; message: string }
  | { kind: "refused"; status: number; message: string }
  | { kind: "unavailable"; message: string };

const REQUEST_TIMEOUT_MS = 20_000;

async function messageOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text.slice(0, 300);
  } catch {
    return text.slice(0, 300) || response.statusText;
  }
}

/** The portal's agent endpoints (`/api/agent/v1/...`) over plain fetch; the fetch is injectable for tests. */
export class PortalClient {
  constructor(
    private readonly portal: string,
    private readonly credential: string | null,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  private async call<T>(path: string, init: RequestInit, parse: (body: unknown) => T, timeoutMs = REQUEST_TIMEOUT_MS): Promise<PortalOutcome<T> & { etag?: string }> {
    let response: Response;
    try {
      response = await this.fetcher(new URL(path, this.portal), {
        ...init,
        headers: { "content-type": "application/json", "user-agent": `rigshare-agent/${AGENT_VERSION}`, ...(this.credential ? { authorization: `Bearer ${this.credential}` } : {}), ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { kind: "unavailable", message: `the portal could not be reached: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (response.status === 304) return { kind: "not-modified" };
    if (response.status === 401) return { kind: "unauthorized", message: await messageOf(response) };
    if (response.status >= 500 || response.status === 429 || response.status === 408) return { kind: "unavailable", message: `the portal answered ${response.status}: ${await messageOf(response)}` };
    if (!response.ok) return { kind: "refused", status: response.status, message: await messageOf(response) };
    try {
      return { kind: "ok", value: parse(await response.json()), etag: response.headers.get("etag") ?? undefined };
    } catch (error) {
      return { kind: "unavailable", message: `the portal's answer was not understood: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  enroll(code: string, hostname: string): Promise<PortalOutcome<EnrollOut>> {
    return this.call("/api/agent/v1/enroll", { method: "POST", body: JSON.stringify({ code, hostname, agentVersion: AGENT_VERSION }) }, (b) => enrollOut.parse(b));
  }

  sendTelemetry(samples: SampleIn[], sentAt: Date): Promise<PortalOutcome<TelemetryOut>> {
    return this.call("/api/agent/v1/telemetry", { method: "POST", body: JSON.stringify({ agentVersion: AGENT_VERSION, sentAt: sentAt.toISOString(), samples }) }, (b) => telemetryOut.parse(b));
  }

  config(etag: string | undefined): Promise<PortalOutcome<AgentConfig> & { etag?: string }> {
    return this.call("/api/agent/v1/config", { method: "GET", headers: etag ? { "if-none-match": etag } : {} }, (b) => agentConfigOut.parse(b));
  }

  /** The machine's schedule; with an ETag and `waitSeconds` the portal holds the answer until it changes (304 at the end of the wait). */
  schedule(etag: string | undefined, waitSeconds: number): Promise<PortalOutcome<ScheduleOut> & { etag?: string }> {
    const path = etag && waitSeconds > 0 ? `/api/agent/v1/schedule?wait=${waitSeconds}` : "/api/agent/v1/schedule";
    return this.call(path, { method: "GET", headers: etag ? { "if-none-match": etag } : {} }, (b) => scheduleOut.parse(b), waitSeconds * 1000 + REQUEST_TIMEOUT_MS);
  }

  reportApplied(report: Omit<AppliedIn, "agentVersion">): Promise<PortalOutcome<unknown>> {
    return this.call("/api/agent/v1/applied", { method: "POST", body: JSON.stringify({ agentVersion: AGENT_VERSION, ...report }) }, (b) => b);
  }
}
