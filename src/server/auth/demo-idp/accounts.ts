/**
 * The people of the demo identity provider. The seed script creates the same users (with these
 * teams) in the database, so signing in as one of them lands on a portal with data to look at.
 */
export const DEMO_GROUPS = {
  admin: "rigshare-admins",
  leadership: "rigshare-leadership",
} as const;

export interface DemoAccount {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
  readonly team: string;
  readonly groups: readonly string[];
  /** One line on the account chooser telling what signing in as this person lets you try. */
  readonly blurb: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    sub: "demo-alice",
    email: "alice@rigshare.demo",
    name: "Alice Moreau",
    team: "Vision",
    groups: [],
    blurb: "Member — Vision team",
  },
  {
    sub: "demo-bob",
    email: "bob@rigshare.demo",
    name: "Bob Okafor",
    team: "NLP",
    groups: [],
    blurb: "Member — NLP team",
  },
  {
    sub: "demo-carol",
    email: "carol@rigshare.demo",
    name: "Carol Nguyen",
    team: "Vision",
    groups: [],
    blurb: "Member — Vision team",
  },
  {
    sub: "demo-dave",
    email: "dave@rigshare.demo",
    name: "Dave Kowalski",
    team: "NLP",
    groups: [],
    blurb: "Member — NLP team",
  },
  {
    sub: "demo-ada",
    email: "ada@rigshare.demo",
    name: "Ada Lindqvist",
    team: "Platform",
    groups: [DEMO_GROUPS.admin],
    blurb: "Admin — runs the machines",
  },
  {
    sub: "demo-lee",
    email: "lee@rigshare.demo",
    name: "Lee Park",
    team: "Platform",
    groups: [DEMO_GROUPS.leadership],
    blurb: "Leadership — read-only dashboards",
  },
];

export function findDemoAccount(sub: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((account) => account.sub === sub);
}
