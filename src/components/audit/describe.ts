import { formatDateTime } from "@/components/format";

/** Plain-language summaries of audit actions; unknown actions fall back to their code. */
const VERBS: Record<string, string> = {
  "user.create": "created the account of",
  "user.update": "changed",
  "user.deactivate": "deactivated",
  "user.reactivate": "reactivated",
  "user.idp-roles": "received new roles from the identity provider for",
  "user.idp-team": "received a team from the identity provider's groups for",
  "user.linux-username": "changed the Linux user name of",
  "user.sign-out-everywhere": "signed out everywhere",
  "session.sign-out": "signed out",
  "session.revoke": "signed out another session of",
  "user.time-zone": "chose the time zone for the pages of",
  "team.create": "created team",
  "team.rename": "renamed team",
  "team.delete": "deleted team",
  "machine.create": "added machine",
  "machine.update": "changed machine",
  "machine.status": "changed the status of machine",
  "gpu.add": "added",
  "gpu.update": "changed",
  "gpu.remove": "removed",
  "gpu-model.create": "added GPU model",
  "gpu-model.update": "changed GPU model",
  "gpu-model.delete": "deleted GPU model",
  "price.add": "added catalog price",
  "price.delete": "deleted catalog price",
  "price.reference-load": "loaded the reference price catalog as defaults:",
  "gpu-model.cloud-sku": "changed the cloud equivalent of GPU model",
  "machine.costs": "changed the cost settings of machine",
  "build.create": "created build",
  "build.update": "saved build",
  "build.duplicate": "duplicated a build as",
  "build.delete": "deleted build",
  "build.link": "linked a machine to build",
  "build.unlink": "unlinked the machine from build",
  "slice.request": "requested slice",
  "slice.approve": "approved slice",
  "slice.approve-override": "approved over quota slice",
  "slice.reject": "rejected slice",
  "slice.cancel": "cancelled slice",
  "slice.release": "released slice",
  "slice.extension-request": "asked to extend slice",
  "slice.extend": "extended slice",
  "slice.extension-reject": "rejected the extension of slice",
  "quota.update": "changed the quotas of",
  "token.create": "created API token",
  "token.revoke": "revoked API token",
  "data.import": "imported an inventory document",
};

export function describeAction(action: string): string {
  return VERBS[action] ?? action;
}

/** "team: Vision → NLP" lines for the fields that differ between before and after; instants in the viewer's zone. */
export function describeChange(before: unknown, after: unknown, zone: string): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => `${key}: ${show(b[key], zone)} → ${show(a[key], zone)}`);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A value of a snapshot in words; a nested record (an import's counts) as "slices 12, machines 3", its zeros left out. */
function show(v: unknown, zone: string): string {
  if (v === undefined || v === null) return "—";
  if (typeof v === "string" && INSTANT.test(v)) return formatDateTime(v, zone);
  if (Array.isArray(v)) return v.join(", ") || "none";
  if (typeof v === "object") {
    const parts = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== 0 && x !== null && x !== undefined);
    return parts.map(([k, x]) => `${k} ${typeof x === "number" ? x.toLocaleString("en-US") : show(x, zone)}`).join(", ") || "none";
  }
  return String(v);
}
