import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS, signInAs } from "./sign-in";
import { expectFiled, giveBack, mySlice, openAs, queuedRequest, requestSlice, uniqueTag } from "./slices-helpers";

// hermes (2 GPUs) is free in the demo data: nothing active, upcoming or pending, and the demo
// people hold nothing now. Each test gives back what it took, so the next one finds it free again.
const MACHINE = "hermes";

// Everyone signs in for real here rather than through e2e/.auth: those shared files are rewritten by
// any other e2e run started meanwhile (another checkout, another port), which signs this one out.
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ page }) => {
  await signInAs(page, ACCOUNTS.member.name);
  await expect(page).toHaveURL(/\/inventory$/);
});

// A test that fails half-way must not leave hermes held for the next one.
test.afterEach(async ({ page }) => giveBack(page, MACHINE));

test("a member requests a slice, an admin approves it, the member sees it active and releases it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const purpose = `Train detector ${uniqueTag()}`;

  await page.goto("/slices/new");
  await expectAccessible(page);
  await requestSlice(page, { machine: MACHINE, hours: 4, purpose });
  await expectFiled(page);
  const pending = mySlice(page, "Pending", purpose);
  await expect(pending).toContainText("1 GPU, assigned on approval");
  await expectAccessible(page);

  const admin = await openAs(browser, { name: ACCOUNTS.admin.name });
  await admin.page.goto("/admin/queue");
  const card = queuedRequest(admin.page, purpose);
  await expect(card).toContainText(`${ACCOUNTS.member.name} (Vision) · ${MACHINE}`);
  // The portal proposes a free GPU, preselected.
  await expect(card.getByRole("checkbox", { checked: true })).toHaveCount(1);
  await expectAccessible(admin.page);
  await card.getByRole("button", { name: `Approve the request of ${ACCOUNTS.member.name} for ${MACHINE}` }).click();
  await expect(card).toHaveCount(0);
  await admin.close();

  await page.goto("/schedule");
  // Other specs book this machine too: find this slice's block by its purpose (in the block's title).
  await expect(page.getByRole("button", { name: new RegExp(`^GPU \\d of ${MACHINE}: ${ACCOUNTS.member.name} \\(Vision\\), you from`) }).and(page.locator(`[title*="${purpose}"]`))).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "List", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: purpose });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("(you)");
  await expectAccessible(page);

  await page.goto("/slices");
  await mySlice(page, "Active", purpose).getByRole("button", { name: `Release slice on ${MACHINE}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Release now" }).click();
  await expect(mySlice(page, "Past", purpose)).toContainText("Released early");
});

test("over quota: the reason is shown, an exception is asked, and an admin overrides it with a reason kept in the audit log; a second member then gets the conflict and the earliest window", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const tag = uniqueTag();
  const purpose = `Multi-GPU training ${tag}`;
  const override = `Paper deadline ${tag}`;

  // Two GPUs break the one-GPU-per-person quota: the form says which quota, by how much.
  await requestSlice(page, { machine: MACHINE, gpus: 2, hours: 3, purpose });
  const refusal = page.getByRole("alert").filter({ hasText: "over quota" });
  await expect(refusal).toContainText(`${ACCOUNTS.member.name} may hold 1 GPU at once; this request would make 2`);
  await expectAccessible(page);
  await refusal.getByRole("button", { name: "Ask an admin for an exception" }).click();
  await page.getByLabel("Why do you need more than your quota?").fill("Two GPUs for data-parallel training before the deadline");
  await page.getByRole("button", { name: "Send to an admin as an exception" }).click();
  await expect(mySlice(page, "Pending", purpose)).toContainText("2 GPUs, assigned on approval");

  const admin = await openAs(browser, { name: ACCOUNTS.admin.name });
  await admin.page.goto("/admin/queue");
  const card = queuedRequest(admin.page, purpose);
  await expect(card).toContainText("Over quota");
  await expect(card).toContainText("may hold 1 GPU at once");
  await expect(card.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await card.getByLabel(/Override reason/).fill(override);
  await card.getByRole("button", { name: `Approve over quota the request of ${ACCOUNTS.member.name} for ${MACHINE}` }).click();
  await expect(card).toHaveCount(0);

  await admin.page.goto("/admin/audit?action=slice.approve-override");
  await expect(admin.page.getByRole("row").filter({ hasText: override }).first()).toContainText(`Quota override: ${override}`);

  await admin.page.goto("/admin/quotas");
  await expect(admin.page.getByText("0 means no limit.")).toBeVisible();
  await expectAccessible(admin.page);
  await admin.close();

  // hermes is now fully held by Alice: Bob's request names the holder and offers the earliest window.
  const bob = await openAs(browser, { name: "Bob Okafor" });
  const bobPurpose = `Evaluate parser ${tag}`;
  await requestSlice(bob.page, { machine: MACHINE, hours: 2, purpose: bobPurpose });
  const conflict = bob.page.getByRole("alert").filter({ hasText: "cannot be met" });
  await expect(conflict).toContainText(`GPU 0 is held by ${ACCOUNTS.member.name}`);
  await expect(conflict.getByTestId("suggested-window")).toBeVisible();
  await expectAccessible(bob.page);
  await conflict.getByRole("button", { name: "Use this window" }).click();
  await expect(bob.page.getByRole("status").filter({ hasText: "Window set to" })).toBeVisible();
  await bob.page.getByRole("button", { name: "Request slice" }).click();
  await expect(mySlice(bob.page, "Pending", bobPurpose)).toBeVisible();
  await mySlice(bob.page, "Pending", bobPurpose).getByRole("button", { name: `Withdraw request on ${MACHINE}` }).click();
  await bob.page.getByRole("dialog").getByRole("button", { name: "Withdraw request" }).click();
  await expect(mySlice(bob.page, "Past", bobPurpose)).toContainText("Cancelled");
  await bob.close();

  await page.goto("/slices");
  await mySlice(page, "Active", purpose).getByRole("button", { name: `Release slice on ${MACHINE}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Release now" }).click();
  await expect(mySlice(page, "Past", purpose)).toContainText("Released early");
});

test("clicking a free stretch of a GPU row opens the request form for that machine and hour", async ({ page }) => {
  await page.goto("/schedule");
  const row = page.getByRole("group", { name: `GPU 1 of ${MACHINE}` });
  const box = (await row.boundingBox())!;
  // Far right of the window: seven days ahead, free in the demo data.
  await row.click({ position: { x: box.width - 20, y: box.height / 2 } });
  await expect(page).toHaveURL(/\/slices\/new\?machineId=.+&start=.+&end=.+/);
  const machine = page.getByLabel("Machine");
  await expect(machine.locator("option:checked")).toHaveText(new RegExp(`^${MACHINE} `));
  await expect(page.getByRole("radio", { name: "At a set time" }).first()).toBeChecked();
  await expect(page.getByLabel(/^Start time \(/)).toHaveValue(/T\d{2}:00$/);
  await expect(page.getByText(/\(4 h\)/)).toBeVisible();
});
