/** Plain-language summaries of audit actions; unknown actions fall back to their code. */
const VERBS: Record<string, string> = {
  "user.create": "created the account of",
  "user.update": "changed",
  "user.deactivate": "deactivated",
  "user.reactivate": "reactivated",
  "user.idp-roles": "received new roles from the identity provider for",
  "team.create": "created team",
  "team.rename": "renamed team",
  "team.delete": "deleted team",
};

export function describeAction(action: string): string {
  return VERBS[action] ?? action;
}

/** "team: Vision → NLP" lines for the fields that differ between before and after. */
export function describeChange(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const show = (v: unknown) => (v === undefined || v === null ? "—" : Array.isArray(v) ? v.join(", ") || "none" : String(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => `${key}: ${show(b[key])} → ${show(a[key])}`);
}
