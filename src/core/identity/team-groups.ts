/** One line of OIDC_TEAM_GROUPS: members of `group` at the IdP belong to `team` in the portal. */
export interface TeamGroup {
  group: string;
  team: string;
}

/**
 * Parses `ds-nlp=NLP,ds-vision=Vision`. Order matters: the first entry whose group a person has
 * sets their team, so list the more specific groups first.
 */
export function parseTeamGroups(text: string): { ok: true; map: TeamGroup[] } | { ok: false; message: string } {
  const map: TeamGroup[] = [];
  for (const item of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const eq = item.indexOf("=");
    const group = eq < 0 ? "" : item.slice(0, eq).trim();
    const team = eq < 0 ? "" : item.slice(eq + 1).trim();
    if (!group || !team) return { ok: false, message: `"${item}" is not group=Team (e.g. ds-nlp=NLP)` };
    if (map.some((entry) => entry.group === group)) return { ok: false, message: `group "${group}" is mapped twice` };
    map.push({ group, team });
  }
  return { ok: true, map };
}

/** The team the IdP's groups give a person, or null when no mapped group is among them. */
export function teamFromGroups(groups: readonly string[], map: readonly TeamGroup[]): string | null {
  const held = new Set(groups);
  return map.find((entry) => held.has(entry.group))?.team ?? null;
}
