/**
 * The demo team beyond the demo IdP's accounts: about 20 people across the three teams, like
 * the founding team. They cannot sign in (the demo IdP only offers its own accounts) but they
 * hold GPUs in the history, so the schedule and the savings look like a real team's.
 */
export const DEMO_COLLEAGUES: readonly { name: string; email: string; team: string }[] = [
  { name: "Priya Raman", email: "priya@rigshare.demo", team: "Vision" },
  { name: "Tomás Ortega", email: "tomas@rigshare.demo", team: "Vision" },
  { name: "Mei Lin", email: "mei@rigshare.demo", team: "Vision" },
  { name: "Jonas Berg", email: "jonas@rigshare.demo", team: "Vision" },
  { name: "Fatima Zahra", email: "fatima@rigshare.demo", team: "Vision" },
  { name: "Ken Watanabe", email: "ken@rigshare.demo", team: "NLP" },
  { name: "Sofia Rossi", email: "sofia@rigshare.demo", team: "NLP" },
  { name: "Daniel Cohen", email: "daniel@rigshare.demo", team: "NLP" },
  { name: "Amara Obi", email: "amara@rigshare.demo", team: "NLP" },
  { name: "Lukas Novak", email: "lukas@rigshare.demo", team: "NLP" },
  { name: "Hana Kim", email: "hana@rigshare.demo", team: "Platform" },
  { name: "Omar Haddad", email: "omar@rigshare.demo", team: "Platform" },
  { name: "Elena Petrova", email: "elena@rigshare.demo", team: "Platform" },
  { name: "Ravi Shankar", email: "ravi@rigshare.demo", team: "Platform" },
];
