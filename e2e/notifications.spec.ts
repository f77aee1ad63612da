import { expect as baseExpect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS, signInAs } from "./sign-in";
import { expectFiled, giveBack, queuedRequest, requestSlice, uniqueTag } from "./slices-helpers";

const MACHINE = "hermes";
// E-mail goes through the job queue; on a loaded machine pages and deliveries take longer than the default 10 s.
const expect = baseExpect.configure({ timeout: 30_000 });

// Everyone signs in for real (see slices.spec.ts for why not the shared storage state).
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ page }) => {
  await signInAs(page, ACCOUNTS.member.name);
  await expect(page).toHaveURL(/\/inventory$/, { timeout: 60_000 });
});
test.afterEach(async ({ page }) => giveBack(page, MACHINE));

test("an approval by an admin shows in the member's bell, and its e-mail in the demo Outbox", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const purpose = `Notify me ${uniqueTag()}`;
  await page.goto("/notifications");
  const markAll = page.getByRole("button", { name: "Mark all as read" });
  if (await markAll.isVisible()) {
    await markAll.click();
    await expect(markAll).toHaveCount(0);
  }
  await requestSlice(page, { machine: MACHINE, hours: 3, purpose });
  await expectFiled(page);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const admin = { page: await context.newPage(), close: () => context.close() };
  await signInAs(admin.page, ACCOUNTS.admin.name);
  await expect(admin.page).toHaveURL(/\/inventory$/, { timeout: 60_000 });
  await admin.page.goto("/admin/queue");
  await queuedRequest(admin.page, purpose).getByRole("button", { name: `Approve the request of ${ACCOUNTS.member.name} for ${MACHINE}` }).click();
  await expect(queuedRequest(admin.page, purpose)).toHaveCount(0);

  // The bell counts it on the next page the member opens.
  await page.goto("/slices");
  await expect(page.getByRole("link", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  const item = page.getByRole("listitem").filter({ hasText: `Approved: 1 GPU on ${MACHINE}` }).first();
  await expect(item).toContainText(`Approved by ${ACCOUNTS.admin.name}.`);
  await expect(item).toContainText("New");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // The e-mail went through the job queue to the embedded mail catcher within seconds.
  await expect(async () => {
    await admin.page.goto("/admin/outbox");
    await expect(admin.page.getByRole("list", { name: "E-mails" }).getByRole("link").filter({ hasText: `Approved: 1 GPU on ${MACHINE}` }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await admin.page.getByRole("list", { name: "E-mails" }).getByRole("link").filter({ hasText: `Approved: 1 GPU on ${MACHINE}` }).first().click();
  await expect(admin.page.getByRole("heading", { level: 2, name: `[Rigshare] Approved: 1 GPU on ${MACHINE}` })).toBeVisible();
  await expect(admin.page.getByText("to alice@rigshare.demo", { exact: false }).first()).toBeVisible();
  await expectAccessible(admin.page);
  await admin.page.goto("/admin/jobs?view=done");
  await expect(admin.page.getByRole("table", { name: "Jobs per queue and state" })).toContainText("deliver");
  await expectAccessible(admin.page);
  await admin.page.goto("/admin/webhooks");
  await admin.page.getByLabel("Webhook URL").fill("http://127.0.0.1:9/hook");
  await admin.page.getByRole("button", { name: "Add webhook" }).click();
  await expect(admin.page.getByText("url: must not point to a loopback or private address")).toBeVisible();
  await expectAccessible(admin.page);
  await admin.close();
});

test("notification settings: channels per kind, a chat webhook refused when it targets the network inside, and a calendar link", async ({ page }) => {
  await page.goto("/profile/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notification settings" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Your request was rejected: E-mail" }).uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Notification settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Your request was rejected: E-mail" })).not.toBeChecked();
  await page.getByRole("checkbox", { name: "Your request was rejected: E-mail" }).check();
  await page.getByRole("button", { name: "Save settings" }).click();

  await page.getByLabel("Webhook URL").fill("http://localhost:8080/hook");
  await page.getByRole("button", { name: "Save webhook" }).click();
  await expect(page.getByText("url: must not point to a loopback or private address")).toBeVisible();

  await page.getByRole("button", { name: /Make (my calendar|a new) link/ }).click();
  await expect(page.getByLabel("Subscription URL")).toHaveValue(/\/api\/calendar\/[\w-]+\.ics$/);
  const feed = await page.request.get(await page.getByLabel("Subscription URL").inputValue());
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  await expectAccessible(page);
});
