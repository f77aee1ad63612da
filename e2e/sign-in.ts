import { expect, type Page } from "@playwright/test";
import { E2E_PORT } from "./env";

// Per port, so two e2e runs side by side never sign each other out.
const AUTH_DIR = `e2e/.auth/${E2E_PORT}`;

export const ACCOUNTS = {
  member: { name: "Alice Moreau", file: `${AUTH_DIR}/member.json` },
  admin: { name: "Ada Lindqvist", file: `${AUTH_DIR}/admin.json` },
  leadership: { name: "Lee Park", file: `${AUTH_DIR}/leadership.json` },
} as const;

/** The real OpenID Connect flow: the portal's sign-in page, the demo IdP's chooser, back to the portal. */
export async function signInAs(page: Page, accountName: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /sign in with/i }).click();
  await page.getByRole("button", { name: new RegExp(accountName) }).click();
}

export async function expectSignedInAs(page: Page, name: string) {
  await expect(page).toHaveURL(/\/inventory$/);
  await expect(page.getByRole("button", { name: new RegExp(`${name}.*account menu`) })).toBeVisible();
}
