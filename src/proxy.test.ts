import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "./proxy";

const headersOf = async (url: string, init: { headers?: Record<string, string> } = {}) => (await proxy(new NextRequest(url, init))).headers;
const scriptSrc = (headers: Headers) => headers.get("content-security-policy")!.split("; ").find((d) => d.startsWith("script-src "))!;

describe("proxy security headers", () => {
  it("allows scripts only with a fresh nonce per request, never inline ones", async () => {
    const first = scriptSrc(await headersOf("http://localhost:3000/schedule"));
    const second = scriptSrc(await headersOf("http://localhost:3000/schedule"));
    expect(first).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
    expect(first).not.toContain("unsafe-inline");
    expect(first).not.toBe(second);
  });

  it("tells browsers not to keep API answers, and leaves pages alone", async () => {
    expect((await headersOf("http://localhost:3000/api/v1/machines")).get("cache-control")).toBe("no-store");
    expect((await headersOf("http://localhost:3000/inventory")).get("cache-control")).toBeNull();
  });

  it("runs for pages and the REST API, not for the tRPC and agent endpoints, which apply its headers themselves", () => {
    const runsFor = (path: string) => unstable_doesMiddlewareMatch({ config, url: `http://localhost:3000${path}` });
    expect(runsFor("/inventory")).toBe(true);
    expect(runsFor("/api/v1/machines")).toBe(true);
    expect(runsFor("/api/health/live")).toBe(true);
    expect(runsFor("/api/trpc/slices.request")).toBe(false);
    expect(runsFor("/api/agent/v1/telemetry")).toBe(false);
  });

  it("sends HSTS only when served over https, directly or behind a proxy that says so", async () => {
    expect((await headersOf("https://rigshare.example/")).get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect((await headersOf("http://rigshare.internal/", { headers: { "x-forwarded-proto": "https" } })).get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect((await headersOf("http://localhost:3000/")).get("strict-transport-security")).toBeNull();
  });
});
