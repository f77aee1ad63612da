import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS } from "./sign-in";

test.use({ storageState: ACCOUNTS.member.file, permissions: ["clipboard-read", "clipboard-write"] });

test("a person creates an API token, sees it once, uses it and revokes it", async ({ page, request }) => {
  test.setTimeout(60_000);
  const name = `e2e notebook ${Date.now().toString(36)}`;
  await page.goto("/profile");
  await page.getByRole("link", { name: "API tokens" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Scope").selectOption({ label: "Read and write" });
  await form.getByLabel("Expires after").selectOption({ label: "7 days" });
  await form.getByRole("button", { name: "Create token" }).click();

  const created = page.getByRole("region", { name: `Token “${name}” created` });
  await expect(created).toBeVisible();
  await expect(created.getByRole("heading", { name: `Token “${name}” created` })).toBeFocused();
  const token = await created.getByLabel("Your new token").inputValue();
  expect(token).toMatch(/^rs_[\w-]{43}$/);
  await created.getByRole("button", { name: "Copy token" }).click();
  await expect(created.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expectAccessible(page);

  // The token works against the REST API as its owner.
  const auth = { Authorization: `Bearer ${token}` };
  const machines = await request.get("/api/v1/machines", { headers: auth });
  expect(machines.status()).toBe(200);
  expect((await machines.json()).map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(["zeus", "atlas", "hermes"]));

  // Shown once: after "Done" and a reload only its first characters remain.
  await created.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(token.slice(0, 9));
  await expect(row).toContainText("Read and write");
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke “${name}”?` });
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  expect((await request.get("/api/v1/machines", { headers: auth })).status()).toBe(401);
});

test("the API documentation renders the OpenAPI document", async ({ page }) => {
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "API documentation" })).toBeVisible();
  await expect(page.getByText("/slices/{sliceId}/approve")).toBeVisible();
  await expect(page.getByText("Request a slice")).toBeVisible();
  await expectAccessible(page);
  // An operation opened: its parameters, body and responses.
  await page.getByRole("button", { name: /POST \/slices Request a slice/ }).click();
  await expect(page.getByText("Threads and RAM default to the machine's profile")).toBeVisible();
  await expectAccessible(page);
});
