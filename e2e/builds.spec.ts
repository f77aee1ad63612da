import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS } from "./sign-in";

test.use({ storageState: ACCOUNTS.admin.file });

interface NewPart {
  category: string;
  name: string;
  quantity?: string;
  price: string;
  /** Spec inputs by their visible label, e.g. { "TDP (W)": "140" }. */
  specs?: Record<string, string>;
}

/** Adds a line through the editor as a person would: category first, then name, amounts and specs. */
async function addPart(page: Page, index: number, part: NewPart) {
  await page.getByRole("button", { name: "Add part" }).click();
  const category = page.getByLabel(`Category of part ${index}`, { exact: true });
  await expect(category).toBeFocused();
  await category.selectOption(part.category);
  await page.getByLabel(`Name of part ${index}`, { exact: true }).fill(part.name);
  await page.getByLabel(`Quantity of ${part.name}`, { exact: true }).fill(part.quantity ?? "1");
  await page.getByLabel(`Unit price of ${part.name} in dollars`, { exact: true }).fill(part.price);
  for (const [label, value] of Object.entries(part.specs ?? {})) {
    await page.getByLabel(`${label} of ${part.name}`, { exact: true }).fill(value);
  }
}

const check = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

async function createSmallBuild(page: Page, name: string) {
  await page.goto("/builds/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await addPart(page, 1, { category: "gpu", name: "NVIDIA GeForce GTX 1080 Ti", quantity: "3", price: "699", specs: { "Board power (W)": "250" } });
  await page.getByRole("button", { name: "Create build" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("an admin builds a parts list, fixes a failing check, saves it and duplicates it", async ({ page }) => {
  test.slow(); // a whole parts list typed field by field, three axe runs
  const name = `E2E rig ${Date.now().toString(36)}`;
  await page.goto("/builds");
  await expectAccessible(page);
  await page.getByRole("link", { name: "New build" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New build" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create build" })).toBeDisabled();

  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await addPart(page, 1, { category: "cpu", name: "Intel Core i7-7820X", price: "589", specs: { Socket: "LGA2066", "PCIe lanes": "28", "TDP (W)": "140" } });
  await addPart(page, 2, {
    category: "motherboard",
    name: "ASUS PRIME X299-A",
    price: "299.99",
    specs: { Socket: "LGA2066", "RAM type": "DDR4", "DIMM slots": "8", "Max RAM (GB)": "128", "x16 slots for GPUs": "3" },
  });
  await addPart(page, 3, { category: "ram", name: "Corsair Vengeance 16 GB DDR4", quantity: "8", price: "199", specs: { "RAM type": "DDR4", "Module size (GB)": "16" } });
  await addPart(page, 4, {
    category: "gpu",
    name: "GTX 1080 Ti",
    quantity: "3",
    price: "699",
    specs: { "Board power (W)": "250", "Slot width (slots)": "2", "Card length (mm)": "267" },
  });
  await addPart(page, 5, { category: "psu", name: "Budget 750 W PSU", price: "89.50", specs: { "Rated output (W)": "750" } });
  await addPart(page, 6, { category: "case", name: "Corsair Carbide Air 540", price: "139", specs: { "Expansion slots": "8", "GPU clearance (mm)": "320" } });

  // 3 × 250 W + 140 W + 100 W = 990 W, × 1.25 = 1237.5 W: the 750 W PSU is too small.
  await expect(check(page, "PSU headroom")).toContainText("Fail");
  await expect(check(page, "PSU headroom")).toContainText("Budget 750 W PSU supplies 750 W but the build needs 1237.5 W");
  await expect(check(page, "CPU socket")).toContainText("Pass");
  await expect(page.getByText("1 failure, 1 warning, 5 passed")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Name of part 5", { exact: true }).fill("EVGA SuperNOVA 1600 T2");
  await page.getByLabel("Unit price of EVGA SuperNOVA 1600 T2 in dollars", { exact: true }).fill("449");
  await page.getByLabel("Rated output (W) of EVGA SuperNOVA 1600 T2", { exact: true }).fill("1600");
  await expect(check(page, "PSU headroom")).toContainText("Pass");
  await expect(check(page, "PSU headroom")).toContainText("EVGA SuperNOVA 1600 T2 supplies 1600 W, covering 1237.5 W");
  // 589 + 299.99 + 8 × 199 + 3 × 699 + 449 + 139, to the cent.
  const total = "$5,165.99";
  await expect(page.getByRole("row", { name: /Build total/ })).toContainText(total);

  await page.getByRole("button", { name: "Create build" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/builds\/[0-9a-f-]{36}$/);
  await page.reload();
  await expect(page.getByLabel("Quantity of GTX 1080 Ti", { exact: true })).toHaveValue("3");
  await expect(page.getByLabel("Unit price of ASUS PRIME X299-A in dollars", { exact: true })).toHaveValue("299.99");
  await expect(page.getByRole("row", { name: /Build total/ })).toContainText(total);
  await expect(check(page, "PSU headroom")).toContainText("Pass");
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();
  await expectAccessible(page);

  // "What if we add a 4th GPU": the board takes three.
  await page.getByRole("button", { name: "Duplicate", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} (copy)` })).toBeVisible();
  await page.getByLabel("Quantity of GTX 1080 Ti", { exact: true }).fill("4");
  await expect(check(page, "GPU slots")).toContainText("Fail");
  await expect(check(page, "GPU slots")).toContainText("4 GPUs (4 × GTX 1080 Ti) need 4 x16 slots; ASUS PRIME X299-A has 3");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

  await page.goto("/builds");
  const copy = page.getByRole("article", { name: `${name} (copy)` });
  await expect(copy).toContainText("Planned");
  await expect(copy).toContainText("1 failure");
});

test("a stale save is refused with who saved it, and the latest version can be loaded", async ({ page, browser }) => {
  const name = `E2E clash ${Date.now().toString(36)}`;
  await createSmallBuild(page, name);
  const url = page.url();

  const other = await browser.newContext({ storageState: ACCOUNTS.admin.file });
  const otherPage = await other.newPage();
  await otherPage.goto(url);
  await otherPage.getByLabel("Notes", { exact: true }).fill("Changed in another window");
  await otherPage.getByRole("button", { name: "Save", exact: true }).click();
  await expect(otherPage.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  await other.close();

  await page.getByLabel("Quantity of NVIDIA GeForce GTX 1080 Ti", { exact: true }).fill("4");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You saved this build in another window at" })).toBeVisible();
  await page.getByRole("button", { name: /Load the latest version/ }).click();
  await expect(page.getByLabel("Notes", { exact: true })).toHaveValue("Changed in another window");
  await expect(page.getByLabel("Quantity of NVIDIA GeForce GTX 1080 Ti", { exact: true })).toHaveValue("3");
});

test.describe("as a member", () => {
  test.use({ storageState: ACCOUNTS.member.file });

  test("sees builds and their checks but cannot change them", async ({ page, browser }) => {
    const name = `E2E read ${Date.now().toString(36)}`;
    const admin = await browser.newContext({ storageState: ACCOUNTS.admin.file });
    await createSmallBuild(await admin.newPage(), name);
    await admin.close();

    await page.goto("/builds");
    await expect(page.getByRole("link", { name: "New build" })).toHaveCount(0);
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(check(page, "PSU headroom")).toContainText("Warning");
    await expect(page.getByRole("cell", { name: "NVIDIA GeForce GTX 1080 Ti" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add part" })).toHaveCount(0);
    await expectAccessible(page);
  });
});
