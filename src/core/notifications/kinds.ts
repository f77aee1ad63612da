/**
 * The kinds of events the portal tells people about, who hears about each, and which channels
 * are on when a person has not chosen. In-app is on for everything so the bell never misses
 * news; e-mail is on for what needs action or is time-critical.
 */
export const CHANNELS = ["in_app", "email", "webhook"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = { in_app: "In the portal", email: "E-mail", webhook: "My chat webhook" };

/** Who an event is for, so every message can say why it was sent. */
export type Audience = "holder" | "admins" | "leadership" | "holder-and-admins";

interface KindInfo {
  label: string;
  audience: Audience;
  defaults: readonly Channel[];
}

export const EVENT_KINDS = {
  "request-waiting": { label: "A request is waiting for a decision", audience: "admins", defaults: ["in_app", "email"] },
  "slice-approved": { label: "Your request was approved", audience: "holder", defaults: ["in_app", "email"] },
  "slice-rejected": { label: "Your request was rejected", audience: "holder", defaults: ["in_app", "email"] },
  "slice-starts-soon": { label: "Your slice starts in 15 minutes", audience: "holder", defaults: ["in_app", "email"] },
  "slice-ends-soon": { label: "Your slice ends in 30 minutes", audience: "holder", defaults: ["in_app", "email"] },
  "extension-decided": { label: "Your extension was decided", audience: "holder", defaults: ["in_app", "email"] },
  "slice-released-by-admin": { label: "An admin released your slice", audience: "holder", defaults: ["in_app", "email"] },
  "waitlist-placed": { label: "Your waiting request was placed", audience: "holder", defaults: ["in_app", "email"] },
  "serving-renewed": { label: "Your serving slice was renewed for a month", audience: "holder", defaults: ["in_app"] },
  "serving-renewal-refused": { label: "Your serving slice could not be renewed", audience: "holder", defaults: ["in_app", "email"] },
  "quota-exception-asked": { label: "A quota exception is asked", audience: "admins", defaults: ["in_app", "email"] },
  "quota-exception-decided": { label: "Your quota exception was decided", audience: "holder", defaults: ["in_app", "email"] },
  "idle-warning": { label: "Your slice is idle and may be reclaimed", audience: "holder", defaults: ["in_app", "email"] },
  "idle-reclaimed": { label: "Your idle slice was reclaimed", audience: "holder", defaults: ["in_app", "email"] },
  "unbooked-use": { label: "GPUs are used without a slice", audience: "holder-and-admins", defaults: ["in_app", "email"] },
  "agent-silent": { label: "A machine's agent went silent", audience: "admins", defaults: ["in_app", "email"] },
  "weekly-digest": { label: "Weekly savings digest", audience: "leadership", defaults: ["email"] },
} as const satisfies Record<string, KindInfo>;

export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_NAMES = Object.keys(EVENT_KINDS) as EventKind[];

export function isEventKind(value: string): value is EventKind {
  return Object.hasOwn(EVENT_KINDS, value);
}

/** The channels a person gets for a kind: their stored choice, else the kind's defaults. */
export function channelsFor(kind: EventKind, stored: readonly string[] | undefined): Channel[] {
  const chosen = stored ?? EVENT_KINDS[kind].defaults;
  return CHANNELS.filter((channel) => chosen.includes(channel));
}
