/** Keys of the groups a ledger reports. Team and machine groups use the team and machine ids. */
export type LedgerGroupBy = "machine" | "team" | "fleet";
export const LEDGER_GROUP_BYS: readonly LedgerGroupBy[] = ["machine", "team", "fleet"];
/** Team-mode group holding the shared cost of GPU-hours nobody held. */
export const IDLE_GROUP = "(idle)";
export const FLEET_GROUP = "fleet";
