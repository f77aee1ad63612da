import { lookup } from "node:dns/promises";
import nodemailer from "nodemailer";
import { isPrivateAddress, isPrivateHostName, parseWebhookUrl } from "@/core/notifications/webhook-address";
import { DELIVERY_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./signature";

export interface SendConfig {
  smtpUrl?: string;
  mailFrom: string;
  allowPrivateWebhooks: boolean;
  /** A slow SMTP server or webhook fails the attempt after this long; the job retries later. */
  timeoutMs: number;
}

export interface OutgoingDelivery {
  key: string;
  channel: string;
  target: string;
  format: string | null;
  secret: string | null;
  subject: string;
  text: string;
  html: string | null;
  payload: unknown;
}

export interface Senders {
  send(delivery: OutgoingDelivery): Promise<void>;
  close(): void;
}

/** Refuses a webhook target inside the network unless an admin allowed it (checked again at send: DNS may have changed). */
export async function assertPublicTarget(raw: string, allowPrivate: boolean): Promise<URL> {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) throw new Error(`webhook URL ${parsed.message}`);
  if (allowPrivate) return parsed.url;
  const host = parsed.url.hostname.replace(/^\[|\]$/g, "");
  if (isPrivateHostName(host)) throw new Error(`webhook host ${host} is a private or loopback address (set WEBHOOKS_ALLOW_PRIVATE=1 to allow)`);
  const addresses = await lookup(host, { all: true });
  const inside = addresses.find((a) => isPrivateAddress(a.address));
  if (inside) throw new Error(`webhook host ${host} resolves to the private address ${inside.address} (set WEBHOOKS_ALLOW_PRIVATE=1 to allow)`);
  return parsed.url;
}

/** A stable Message-ID from the delivery's key, so a mail client or relay can drop a resent copy. */
export const messageIdOf = (key: string, from: string) => `<${Buffer.from(key).toString("base64url")}@${/@([^>\s]+)/.exec(from)?.[1] ?? "rigshare"}>`;

export function createSenders(config: SendConfig): Senders {
  const transport = config.smtpUrl
    ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: config.timeoutMs, greetingTimeout: config.timeoutMs, socketTimeout: config.timeoutMs, pool: true, maxConnections: 4 })
    : null;

  async function email(d: OutgoingDelivery) {
    if (!transport) throw new Error("SMTP_URL is not set: e-mail cannot be sent");
    await transport.sendMail({
      from: config.mailFrom,
      to: d.target,
      subject: d.subject,
      text: d.text,
      html: d.html ?? undefined,
      messageId: messageIdOf(d.key, config.mailFrom),
      headers: { "X-Rigshare-Delivery": d.key },
    });
  }

  async function webhook(d: OutgoingDelivery) {
    const url = await assertPublicTarget(d.target, config.allowPrivateWebhooks);
    const body = JSON.stringify(d.payload);
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Rigshare-Webhook/1", [DELIVERY_HEADER]: d.key };
    if (d.format === "json" && d.secret) {
      const timestamp = Math.floor(Date.now() / 1000);
      headers[TIMESTAMP_HEADER] = String(timestamp);
      headers[SIGNATURE_HEADER] = signWebhook(d.secret, timestamp, body);
    }
    // No redirects: a public address could otherwise bounce the request to a private one.
    const response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(config.timeoutMs) });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
  }

  return {
    send: (d) => (d.channel === "email" ? email(d) : webhook(d)),
    close: () => transport?.close(),
  };
}
