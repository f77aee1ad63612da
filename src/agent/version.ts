/** Reported with every batch; the portal shows it on the machine's page. */
export const AGENT_VERSION = "0.2.0";
