import { expect, type Page } from "@playwright/test";

export const ACCOUNTS = {
  member: { name: "Alice Moreau", file: "e2e/.auth/member.json" },
  admin: { name: "Ada Lindqvist", file: "e2e/.auth/admin.json" },
  leadership: { name: "Lee Park", file: "e2e/.auth/leadership.json" },
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
