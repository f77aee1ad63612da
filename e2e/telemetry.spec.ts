import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS } from "./sign-in";
import { giveBack, mySlice, openAs, queuedRequest, requestSlice, uniqueTag } from "./slices-helpers";

test.use({ storageState: ACCOUNTS.admin.file });

// The demo's simulated agents sample every 10 s and report every 30 s: allow a report or two.
const REPORT = { timeout: 75_000 };

test("the demo's live GPU view: utilization, processes with their people, the agent's health and unbooked use", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/inventory");
  await expect(page.getByTestId("fleet-use").first()).toContainText("GPU 0", REPORT);
  // The machine card's link (the unbooked-use table below the cards links the machine too).
  await page.getByRole("link", { name: "atlas", exact: true }).first().click();
  const live = page.getByRole("table", { name: "Live use of the GPUs of atlas" });
  await expect(live).toBeVisible(REPORT);
  await expect(page.getByText("Agent reporting")).toBeVisible();
  // Busy holders run training under their own name, the idle hold shows 0 %, system processes are listed too.
  await expect(live.getByRole("row").filter({ hasText: "python train.py" }).first()).toBeVisible(REPORT);
  await expect(live.getByRole("row").filter({ hasText: /\b0 %/ }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Unbooked use" })).toContainText("without holding it", REPORT);
  await expect(page.getByRole("heading", { name: "Machine agent" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/inventory");
  await expect(page.getByRole("table", { name: "Unbooked use of GPUs" })).toContainText("notebook_kernel.py");
});

test("a slice's real use appears on My slices once its holder runs on the GPU", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const purpose = `Telemetry check ${uniqueTag()}`;
  const member = await openAs(browser, { name: ACCOUNTS.member.name });
  try {
    await giveBack(member.page, "hermes");
    await requestSlice(member.page, { machine: "hermes", hours: 2, purpose });
    await expect(member.page).toHaveURL(/\/slices$/);
    await page.goto("/admin/queue");
    await queuedRequest(page, purpose).getByRole("button", { name: `Approve the request of ${ACCOUNTS.member.name} for hermes` }).click();
    await expect(queuedRequest(page, purpose)).toHaveCount(0);
    await member.page.goto("/slices");
    const slice = mySlice(member.page, "Active", purpose);
    await expect(slice.getByTestId("slice-real-use")).toContainText(/average \d+ %, peak \d+ %/, { timeout: 120_000 });
    await expect(slice.getByTestId("slice-real-use")).toContainText("seen: python");
    await expectAccessible(member.page);
    await giveBack(member.page, "hermes");
  } finally {
    await member.close();
  }
});
