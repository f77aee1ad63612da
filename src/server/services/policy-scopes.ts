/**
 * A policy stored per scope (the fleet's row, each team's overrides) as the admin pages and the
 * API show it: the fleet's stored values, and for each team its overrides and what applies after
 * inheritance. Quotas and the idle policy are both kept this way.
 */
export function byTeam<Stored, Effective>(
  rows: ReadonlyMap<string, Stored>,
  fleetScope: string,
  teams: readonly { id: string; name: string }[],
  resolve: (fleet: Stored | null, team: Stored | null) => Effective,
) {
  const fleet = rows.get(fleetScope) ?? null;
  return {
    fleet,
    fleetEffective: resolve(fleet, null),
    teams: teams.map((team) => ({ team: { id: team.id, name: team.name }, overrides: rows.get(team.id) ?? null, effective: resolve(fleet, rows.get(team.id) ?? null) })),
  };
}
