/**
 * The people of the tests' "company" identity provider: a username/password page and a `groups`
 * claim, as Keycloak or Okta send it. Nothing here is shared with the demo IdP, so the tests prove
 * Rigshare against a provider it was not built with.
 */
export interface CompanyAccount {
  readonly username: string;
  readonly password: string;
  readonly sub: string;
  readonly email: string;
  readonly name: string;
  readonly groups: readonly string[];
}

export const COMPANY_GROUPS = {
  admin: "gpu-platform-admins",
  leadership: "engineering-managers",
  nlp: "ds-nlp",
  vision: "ds-vision",
} as const;

/** OIDC_TEAM_GROUPS for these accounts. */
export const COMPANY_TEAM_GROUPS = `${COMPANY_GROUPS.nlp}=NLP Research,${COMPANY_GROUPS.vision}=Vision Lab`;

export const COMPANY_ACCOUNTS: readonly CompanyAccount[] = [
  { username: "grace", password: "grace-pw-1", sub: "corp-0001", email: "grace.hopper@corp.test", name: "Grace Hopper", groups: [COMPANY_GROUPS.admin, "all-staff"] },
  { username: "ken", password: "ken-pw-2", sub: "corp-0002", email: "ken.thompson@corp.test", name: "Ken Thompson", groups: [COMPANY_GROUPS.leadership, "all-staff"] },
  { username: "noam", password: "noam-pw-3", sub: "corp-0003", email: "noam.chomsky@corp.test", name: "Noam Chomsky", groups: ["all-staff", COMPANY_GROUPS.nlp] },
  { username: "fei", password: "fei-pw-4", sub: "corp-0004", email: "fei.li@corp.test", name: "Fei Li", groups: [COMPANY_GROUPS.vision, "all-staff"] },
];

export function findCompanyAccount(sub: string): CompanyAccount | undefined {
  return COMPANY_ACCOUNTS.find((account) => account.sub === sub);
}
