import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Generic JSON webhooks are signed like Stripe's: HMAC-SHA256 over "<timestamp>.<body>" with the
 * webhook's secret, sent as `X-Rigshare-Signature: sha256=<hex>` beside `X-Rigshare-Timestamp`
 * (Unix seconds). A receiver recomputes it over the raw body and refuses old timestamps, so a
 * captured request cannot be replayed later.
 */
export const SIGNATURE_HEADER = "x-rigshare-signature";
export const TIMESTAMP_HEADER = "x-rigshare-timestamp";
export const DELIVERY_HEADER = "x-rigshare-delivery";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does: true only for a signature of this body made within `toleranceSeconds`. */
export function verifyWebhook(secret: string, input: { signature: string | null; timestamp: string | null; body: string; nowSeconds: number; toleranceSeconds?: number }): boolean {
  const ts = Number(input.timestamp);
  if (!input.signature || !Number.isInteger(ts) || Math.abs(input.nowSeconds - ts) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, ts, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
