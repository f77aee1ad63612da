import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./signature";

describe("webhook signatures", () => {
  const body = '{"kind":"slice-approved"}';
  const ts = 1_800_000_000;
  it("verify for the same secret, body and a fresh timestamp only", () => {
    const signature = signWebhook("s3cret", ts, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook("s3cret", { signature, timestamp: String(ts), body, nowSeconds: ts + 10 })).toBe(true);
    expect(verifyWebhook("other", { signature, timestamp: String(ts), body, nowSeconds: ts })).toBe(false);
    expect(verifyWebhook("s3cret", { signature, timestamp: String(ts), body: body + " ", nowSeconds: ts })).toBe(false);
    expect(verifyWebhook("s3cret", { signature, timestamp: String(ts), body, nowSeconds: ts + 301 })).toBe(false);
    expect(verifyWebhook("s3cret", { signature: null, timestamp: String(ts), body, nowSeconds: ts })).toBe(false);
  });
});
