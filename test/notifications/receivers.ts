/** Real receivers for integration tests and the queue benchmark: an SMTP server and an HTTP webhook endpoint on loopback. */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { startMailCatcher, type CaughtMessage } from "@/server/notifications/mail-catcher";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from "@/server/notifications/signature";

export async function startSmtpReceiver(port = 0) {
  const messages: CaughtMessage[] = [];
  const catcher = await startMailCatcher({ port, onMessage: async (m) => void messages.push(m) });
  return { ...catcher, messages };
}

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
  /** Whether the body's HMAC signature checked out against the secret known for its path. */
  verified: boolean;
}

/** Answers 200 (or `status()`), keeping each request; verifies signatures with the secret of its path. */
export async function startWebhookReceiver(options: { secretFor?: (path: string) => string | undefined; status?: () => number } = {}) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = request.url ?? "/";
      const secret = options.secretFor?.(path);
      const header = (name: string) => (request.headers[name] as string | undefined) ?? null;
      const verified = secret !== undefined && verifyWebhook(secret, { signature: header(SIGNATURE_HEADER), timestamp: header(TIMESTAMP_HEADER), body, nowSeconds: Math.floor(Date.now() / 1000) });
      received.push({ path, headers: request.headers, body, json: JSON.parse(body || "null"), verified });
      response.writeHead(options.status?.() ?? 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: (path: string) => `http://127.0.0.1:${port}${path}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
