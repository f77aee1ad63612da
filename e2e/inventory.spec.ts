import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS } from "./sign-in";

test.use({ storageState: ACCOUNTS.admin.file });

test("an admin adds a machine with its GPUs and a member sees it in the inventory", async ({ page, browser }) => {
  // One journey through every inventory page and form, with an axe check on each.
  test.setTimeout(90_000);
  const id = Date.now().toString(36);
  const hostname = `e2e-${id}`;
  const modelName = `E2E GPU ${id}`;

  await page.goto("/inventory");
  await expectAccessible(page);
  await page.getByRole("link", { name: "GPU models" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "GPU models" })).toBeVisible();
  const modelForm = page.getByRole("form", { name: "Add a GPU model" });
  await modelForm.getByLabel("Name").fill(modelName);
  await modelForm.getByLabel("VRAM (GB)").fill("11");
  await modelForm.getByLabel("Board power (W)").fill("250");
  await modelForm.getByRole("button", { name: "Add model" }).click();
  await expect(page.getByRole("row", { name: new RegExp(modelName) })).toContainText("250 W");
  await expectAccessible(page);

  await page.goto("/inventory");
  await page.getByRole("link", { name: "Add machine" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Add machine" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Hostname").fill(hostname);
  await page.getByLabel("Location").fill("E2E rack");
  await page.getByLabel("CPU model").fill("Intel Core i7-7820X");
  await page.getByRole("spinbutton", { name: "Cores", exact: true }).fill("8");
  await page.getByRole("spinbutton", { name: "Threads", exact: true }).fill("4");
  await page.getByRole("spinbutton", { name: "RAM (GB)", exact: true }).fill("128");
  await page.getByLabel("In service since").fill("2018-06-15");
  await page.getByLabel("Count").fill("3");
  await page.getByLabel("GPU model").selectOption({ label: `${modelName} (11 GB)` });
  await page.getByRole("button", { name: "Add machine" }).click();

  // The server's refusal shows at the field it names, and the form stays accessible with it.
  await expect(page.getByText("Threads (4) cannot be fewer than cores (8).")).toBeVisible();
  await expect(page.getByRole("spinbutton", { name: "Threads", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByRole("spinbutton", { name: "Threads", exact: true }).fill("16");
  await expect(page.getByText("Default slice per GPU: 5 threads, 40 GB RAM")).toBeVisible();
  await page.getByRole("button", { name: "Add machine" }).click();

  await expect(page.getByRole("heading", { level: 1, name: new RegExp(hostname) })).toBeVisible();
  const gpus = page.getByRole("table", { name: `GPUs of ${hostname}` });
  await expect(gpus.getByRole("row")).toHaveCount(4);
  await expect(page.getByText("5 threads, 40 GB RAM")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Add GPU" }).click();
  const addDialog = page.getByRole("dialog", { name: `Add a GPU to ${hostname}` });
  await addDialog.getByLabel("UUID").fill("not-a-uuid");
  await addDialog.getByRole("button", { name: "Add GPU" }).click();
  await expect(addDialog.getByText(/must look like GPU-/)).toBeVisible();
  await expectAccessible(page);
  await addDialog.getByLabel("UUID").fill(`GPU-${Date.now().toString(16).slice(-8)}-0000-4000-8000-000000000000`);
  await addDialog.getByRole("button", { name: "Add GPU" }).click();
  await expect(addDialog).toBeHidden();
  await expect(gpus.getByRole("row")).toHaveCount(5);
  await gpus.getByRole("button", { name: "Remove GPU 3" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove GPU" }).click();
  await expect(gpus.getByRole("row")).toHaveCount(4);

  await page.getByRole("button", { name: "Put into maintenance" }).click();
  const statusDialog = page.getByRole("dialog", { name: `Put ${hostname} into maintenance?` });
  await statusDialog.getByLabel(/Reason/).fill("New case fans");
  await expectAccessible(page);
  await statusDialog.getByRole("button", { name: "Put into maintenance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(hostname) })).toContainText("In maintenance");
  await page.getByRole("button", { name: "Reactivate" }).click();
  await page.getByRole("dialog").getByLabel(/Reason/).fill("Fans fitted");
  await page.getByRole("dialog").getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(hostname) })).toContainText("Active");

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${hostname}` })).toBeVisible();
  await expectAccessible(page);

  const memberContext = await browser.newContext({ storageState: ACCOUNTS.member.file });
  const member = await memberContext.newPage();
  await member.goto("/inventory");
  const card = member.getByRole("article").filter({ has: member.getByRole("heading", { name: hostname }) });
  await expect(card).toContainText(`3 × ${modelName}`);
  await expect(card.getByRole("list", { name: `GPUs of ${hostname}` }).getByRole("listitem")).toHaveCount(3);
  await expect(card).toContainText("3 of 3 GPUs free now");
  await expect(member.getByRole("link", { name: "Add machine" })).toHaveCount(0);
  await expectAccessible(member);
  await card.getByRole("link", { name: hostname }).click();
  await expect(member.getByRole("heading", { level: 1, name: new RegExp(hostname) })).toBeVisible();
  await expect(member.getByRole("button", { name: "Add GPU" })).toHaveCount(0);
  await expectAccessible(member);
  await memberContext.close();
});
