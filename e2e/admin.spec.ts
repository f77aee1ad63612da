import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS, signInAs } from "./sign-in";

test.use({ storageState: ACCOUNTS.admin.file });

test("an admin moves a user to another team and the audit log shows it", async ({ page }) => {
  const teamName = `Team ${Date.now().toString(36)}`;
  await page.goto("/admin/teams");
  await expectAccessible(page);
  await page.getByLabel("New team name").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("cell", { name: teamName, exact: true })).toBeVisible();

  await page.goto("/admin/users?q=carol");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Edit Carol Nguyen" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Carol Nguyen" });
  await dialog.getByLabel("Team").selectOption({ label: teamName });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: /Carol Nguyen/ })).toContainText(teamName);

  await page.goto("/admin/audit?action=user.update");
  const row = page.getByRole("row", { name: /Carol Nguyen/ }).first();
  await expect(row).toContainText(`team: Vision → ${teamName}`);
  await expect(row).toContainText(ACCOUNTS.admin.name);
  await expectAccessible(page);
});

test("a deactivated user cannot sign in", async ({ page, browser }) => {
  await page.goto("/admin/users?q=dave");
  await page.getByRole("button", { name: "Deactivate Dave Kowalski" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Reason/).fill("Left the team");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("row", { name: /Dave Kowalski/ })).toContainText("Deactivated");

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const davePage = await stranger.newPage();
  await signInAs(davePage, "Dave Kowalski");
  await expect(davePage).toHaveURL(/\/sign-in\?error=deactivated/);
  await expect(davePage.getByRole("alert").filter({ hasText: /deactivated/i })).toBeVisible();
  await stranger.close();

  await page.getByRole("button", { name: "Reactivate Dave Kowalski" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("row", { name: /Dave Kowalski/ })).toContainText("Active");
});
