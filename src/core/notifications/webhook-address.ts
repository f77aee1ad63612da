/**
 * Where a webhook may point. Deliveries are made by the portal's server, so an address inside
 * the network (loopback, private, link-local, the cloud metadata service) would let anyone who
 * can save a webhook probe it (SSRF); such targets need an admin's explicit permission.
 */
export type AddressCheck = { ok: true; url: URL } | { ok: false; message: string };

export function parseWebhookUrl(raw: string): AddressCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "must be a full URL, e.g. https://hooks.slack.com/services/…" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "must start with https:// (or http://)" };
  if (url.username || url.password) return { ok: false, message: "must not carry a user name or password; put secrets in the path" };
  if (!url.hostname) return { ok: false, message: "must name a host" };
  return { ok: true, url };
}

function ipv4Parts(address: string): number[] | null {
  const parts = address.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  const numbers = parts.map(Number);
  return numbers.every((n) => n <= 255) ? numbers : null;
}

/** Whether an IP address (v4 or v6, as text) is anything but a public unicast address. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  const v4 = ipv4Parts(mapped ? mapped[1]! : bare);
  if (v4) {
    const [a, b] = v4 as [number, number, number, number];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224;
  }
  if (!bare.includes(":")) return false;
  return bare === "::" || bare === "::1" || /^f[cd]/.test(bare) || /^fe[89ab]/.test(bare) || /^ff/.test(bare) || bare.startsWith("::ffff:") || bare.startsWith("64:ff9b:");
}

/** Host names that are private by definition, before any DNS lookup. */
export function isPrivateHostName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal") || isPrivateAddress(h);
}
