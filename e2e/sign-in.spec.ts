import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS, expectSignedInAs, signInAs } from "./sign-in";

test("the sign-in page says it is a demo and is accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText(/demo sign-in/i).first()).toBeVisible();
  await expectAccessible(page);
});

test("the demo identity provider's chooser is accessible", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /sign in with/i }).click();
  await expect(page.getByRole("button", { name: /Ada Lindqvist/ })).toBeVisible();
  await expectAccessible(page);
});

test("sign-out ends the session here and at the demo identity provider, then says so", async ({ page }) => {
  await signInAs(page, "Bob Okafor");
  await expectSignedInAs(page, "Bob Okafor");
  await page.getByRole("button", { name: /Bob Okafor/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(/\/signed-out$/);
  await expect(page.getByRole("heading", { level: 1, name: "You are signed out" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in/);
});

test.describe("as a member", () => {
  test.use({ storageState: ACCOUNTS.member.file });

  test("the profile shows team and role, and is accessible", async ({ page }) => {
    await page.goto("/profile");
    await expect(page.getByRole("heading", { level: 1, name: ACCOUNTS.member.name })).toBeVisible();
    await expect(page.getByRole("main").getByText("Vision", { exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("an admin page says clearly that it is not allowed", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: /don.t have access/i })).toBeVisible();
    await expect(page.getByText(/admin/).first()).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("as leadership", () => {
  test.use({ storageState: ACCOUNTS.leadership.file });

  test("reads the audit log but cannot manage users", async ({ page }) => {
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: /don.t have access/i })).toBeVisible();
  });
});
