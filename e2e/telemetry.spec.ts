import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS } from "./sign-in";
import { expectFiled, giveBack, mySlice, openAs, queuedRequest, requestSlice, uniqueTag } from "./slices-helpers";

test.use({ storageState: ACCOUNTS.admin.file });

// The demo's simulated agents sample and report every 10 s: a reading or two.
const REPORT = { timeout: 30_000 };

test("the demo's live GPU view: utilization, processes with their people, the agent's health and unbooked use", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/inventory");
  await expect(page.getByTestId("fleet-use").first()).toContainText("GPU 0", REPORT);
  // The longest hold sits idle (and free GPUs too): some GPU of the fleet reads 0 %.
  await expect(page.getByTestId("fleet-use").filter({ hasText: / 0 %/ }).first()).toBeVisible(REPORT);
  // Someone without a slice runs a notebook on the busiest machine with a free GPU; its machine is where the story is.
  const unbooked = page.getByRole("table", { name: "Unbooked use of GPUs" }).getByRole("row").filter({ hasText: "notebook_kernel.py" }).filter({ hasText: "ongoing" }).first();
  // An episode counts from its second sighting in a row, and earlier specs' bookings may just have moved it.
  await expect(unbooked).toBeVisible({ timeout: 60_000 });
  const machine = (await unbooked.getByRole("link").textContent())!;
  await unbooked.getByRole("link").click();
  const live = page.getByRole("table", { name: `Live use of the GPUs of ${machine}` });
  await expect(live).toBeVisible(REPORT);
  await expect(page.getByText("Agent reporting")).toBeVisible();
  // Busy holders run training under their own name; system processes are listed too; cells read like "0 %".
  await expect(live.getByRole("row").filter({ hasText: "python train.py" }).first()).toBeVisible(REPORT);
  await expect(live.getByRole("row").filter({ hasText: "Xorg" }).first()).toBeVisible();
  await expect(live.getByRole("cell", { name: /^\d+ %$/ }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Unbooked use" })).toContainText("without holding it", REPORT);
  await expect(page.getByRole("heading", { name: "Machine agent" })).toBeVisible();
  await expectAccessible(page);
});

test("a slice's real use appears on My slices once its holder runs on the GPU", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const purpose = `Telemetry check ${uniqueTag()}`;
  const member = await openAs(browser, { name: ACCOUNTS.member.name });
  try {
    await giveBack(member.page, "hermes");
    await requestSlice(member.page, { machine: "hermes", hours: 2, purpose });
    await expectFiled(member.page);
    await page.goto("/admin/queue");
    await queuedRequest(page, purpose).getByRole("button", { name: `Approve the request of ${ACCOUNTS.member.name} for hermes` }).click();
    await expect(queuedRequest(page, purpose)).toHaveCount(0);
    // The demo's agent sees the new holder train within a sample or two; the page refreshes real use only every minute, so reload.
    const realUse = mySlice(member.page, "Active", purpose).getByTestId("slice-real-use");
    await expect(async () => {
      await member.page.goto("/slices");
      await expect(realUse).toContainText(/average \d+ %, peak \d+ %/, { timeout: 2_000 });
      await expect(realUse).toContainText(`python (${ACCOUNTS.member.name.split(" ")[0]!.toLowerCase()})`, { timeout: 1_000 });
    }).toPass({ timeout: 60_000, intervals: [3_000] });
    await expectAccessible(member.page);
    await giveBack(member.page, "hermes");
  } finally {
    await member.close();
  }
});
