import type { Described } from "./events";

/** Where a message is going and why, so each message can say why it was sent and how to stop it. */
export interface Addressing {
  baseUrl: string;
  /** "You get this because …". */
  why: string;
  /** Where the recipient changes what they get (their preferences, or a team's webhooks). */
  settingsPath: string;
}

export const WHY = {
  holder: "You get this because it is about your slice.",
  admins: "You get this because you are a Rigshare admin.",
  leadership: "You get this because you have the leadership role in Rigshare.",
  team: (team: string) => `Sent to the ${team} team's channel because it concerns a member of ${team}.`,
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const href = (a: Addressing, path: string) => new URL(path, a.baseUrl).href;

export function renderEmail(d: Described, a: Addressing): { subject: string; text: string; html: string } {
  const link = href(a, d.path);
  const settings = href(a, a.settingsPath);
  const text = [d.title, "", ...d.lines, "", `${d.linkLabel}: ${link}`, "", "--", a.why, `Change what you get: ${settings}`, ""].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px">
<h1 style="font-size:18px">${escapeHtml(d.title)}</h1>
${d.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escapeHtml(d.linkLabel)}</a></p>
<hr style="border:none;border-top:1px solid #e2e8f0">
<p style="font-size:12px;color:#475569">${escapeHtml(a.why)} <a href="${escapeHtml(settings)}">Change what you get</a>.</p>
</body></html>`;
  return { subject: `[Rigshare] ${d.title}`, text, html };
}

/** Slack's incoming-webhook JSON (also read by Mattermost, Rocket.Chat and Discord's /slack endpoint). */
export function renderSlack(d: Described, a: Addressing) {
  const link = href(a, d.path);
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    text: `${d.title}: <${link}|${escape(d.linkLabel)}>`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${escape(d.title)}*\n${d.lines.map(escape).join("\n")}\n<${link}|${escape(d.linkLabel)}>` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `${escape(a.why)} <${href(a, a.settingsPath)}|Change what you get>` }] },
    ],
  };
}

/** The generic JSON body, signed by the sender (see the README's "Verifying webhooks"). */
export function renderJson(d: Described, a: Addressing, meta: { deliveryKey: string; occurredAt: number; data: unknown }) {
  return {
    id: meta.deliveryKey,
    kind: d.kind,
    occurredAt: new Date(meta.occurredAt).toISOString(),
    title: d.title,
    text: d.lines.join("\n"),
    link: href(a, d.path),
    why: a.why,
    settings: href(a, a.settingsPath),
    data: meta.data,
  };
}
