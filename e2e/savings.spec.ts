import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS } from "./sign-in";

/** "$625,290.90" or "-$0.50" as micro-dollars. */
function shownMicros(text: string): bigint {
  const match = /^(-)?\$([\d,]+)\.(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not an amount: ${text}`);
  const micros = BigInt(match[2]!.replaceAll(",", "")) * 1_000_000n + BigInt(match[3]!) * 10_000n;
  return match[1] ? -micros : micros;
}

/** "625290.903512" (a CSV money cell, every micro-dollar) as micro-dollars, exactly. */
function csvMicros(text: string): bigint {
  const match = /^(-)?(\d+)\.(\d{6})$/.exec(text);
  if (!match) throw new Error(`not a CSV amount: ${text}`);
  const micros = BigInt(match[2]!) * 1_000_000n + BigInt(match[3]!);
  return match[1] ? -micros : micros;
}

const abs = (n: bigint) => (n < 0n ? -n : n);
/** A figure shown in cents agrees with the exact CSV figure when they differ by at most half a cent. */
const HALF_CENT = 5_000n;
/** Teams and weeks round their own buckets, so their fleet total may differ from the machines' by a few micro-dollars more. */
const ANOTHER_GROUPING = HALF_CENT + 1_000n;

async function kpi(page: Page, name: string): Promise<bigint> {
  return shownMicros(await page.getByRole("article", { name }).getByTestId("kpi-value").innerText());
}

/** Clicks a CSV button and reads the file: its name, and its rows as objects keyed by the header row. */
async function downloadCsv(page: Page, what: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: `Download CSV of ${what}` }).click()]);
  const text = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  expect(text.endsWith("\r\n")).toBe(true);
  const [header, ...lines] = text.trimEnd().split("\r\n").map((line) => line.split(","));
  const rows = lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ""])));
  return { fileName: download.suggestedFilename(), header: header!, rows };
}

test.describe("leadership", () => {
  test.use({ storageState: ACCOUNTS.leadership.file });

  test("reads the dashboard, changes the window and downloads tables whose totals match the figures", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/savings");
    await expect(page.getByRole("heading", { level: 1, name: "Savings" })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Line chart of cumulative cloud-equivalent/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Bar chart of GPU-hours held per team/ })).toBeVisible();
    await expectAccessible(page);
    const savingsToDate = await kpi(page, "Savings to date");

    // All time: the per-machine CSV adds up to the "savings to date" figure, to the cent.
    const allTime = await downloadCsv(page, "savings by machine");
    expect(allTime.fileName).toMatch(/^rigshare-savings-by-machine-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(allTime.header).toEqual([
      "Machine", "GPU-hours", "Utilization (%)", "Cloud-equivalent (USD)", "Capex (USD)", "Energy (USD)", "Maintenance (USD)", "On-prem cost (USD)", "Savings (USD)", "Break-even (UTC)",
    ]);
    const machines = allTime.rows.filter((r) => r.Machine !== "All machines");
    const total = allTime.rows.find((r) => r.Machine === "All machines")!;
    expect(machines.map((r) => r.Machine)).toEqual(expect.arrayContaining(["zeus", "atlas", "hermes"]));
    const machineSum = machines.reduce((sum, r) => sum + csvMicros(r["Savings (USD)"]!), 0n);
    expect(machineSum).toBe(csvMicros(total["Savings (USD)"]!));
    expect(abs(machineSum - savingsToDate)).toBeLessThanOrEqual(HALF_CENT);
    expect(machines.find((r) => r.Machine === "zeus")!["Break-even (UTC)"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    // This year, per week: the page says so, and the window's CSVs carry its dates and totals.
    await page.getByRole("combobox", { name: "Window" }).selectOption({ label: "This year" });
    await page.getByRole("group", { name: "Per" }).getByText("Week", { exact: true }).click();
    await expect(page.getByRole("radio", { name: "Week" })).toBeChecked();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/window=year&bucket=week/);
    const year = new Date().getUTCFullYear();
    const today = new Date().toISOString().slice(0, 10);
    await expect(page.getByText(new RegExp(`^This year: 1 Jan ${year} – `))).toBeVisible();
    const byTeam = await downloadCsv(page, "savings by team");
    expect(byTeam.fileName).toBe(`rigshare-savings-by-team-${year}-01-01-to-${today}.csv`);
    const teamTotal = byTeam.rows.find((r) => r.Team === "All teams")!;
    const teams = byTeam.rows.filter((r) => r.Team !== "All teams");
    expect(teams.map((r) => r.Team)).toContain("Idle capacity");
    expect(teams.reduce((sum, r) => sum + csvMicros(r["Savings (USD)"]!), 0n)).toBe(csvMicros(teamTotal["Savings (USD)"]!));
    const windowSavings = shownMicros(await page.locator("dt", { hasText: "Savings in this window" }).locator("xpath=following-sibling::dd").innerText());
    expect(abs(csvMicros(teamTotal["Savings (USD)"]!) - windowSavings)).toBeLessThanOrEqual(ANOTHER_GROUPING);
    const weeks = await downloadCsv(page, "fleet figures per week");
    expect(weeks.fileName).toBe(`rigshare-savings-by-week-${year}-01-01-to-${today}.csv`);
    expect(weeks.rows[0]!["Period start (UTC)"]).toBe(`${year}-01-01T00:00:00.000Z`);
    expect(abs(csvMicros(weeks.rows.at(-1)!["Cumulative savings (USD)"]!) - windowSavings)).toBeLessThanOrEqual(HALF_CENT);
    await expectAccessible(page);

    // Daily figures over all time are more than the server computes: its message is shown.
    await page.getByRole("combobox", { name: "Window" }).selectOption({ label: "All time" });
    await page.getByRole("group", { name: "Per" }).getByText("Day", { exact: true }).click();
    await expect(page.getByRole("radio", { name: "Day" })).toBeChecked();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "daily buckets may span at most three years" })).toBeVisible();
  });
});

test.describe("admin", () => {
  test.use({ storageState: ACCOUNTS.admin.file });

  test("changes a machine's electricity price and the savings change by its energy cost", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/savings");
    const readAt = Date.now();
    const before = await kpi(page, "Savings to date");
    const zeusBefore = (await downloadCsv(page, "savings by machine")).rows.find((r) => r.Machine === "zeus")!;

    await page.getByRole("link", { name: "Cost settings of zeus" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cost settings of zeus" })).toBeVisible();
    await expectAccessible(page);
    const kwh = page.getByLabel("Electricity price (USD per kWh)");
    const original = await kwh.inputValue();
    expect(original).toBe("0.13");
    await kwh.fill("0.1x");
    await page.getByRole("button", { name: "Save cost settings" }).click();
    await expect(page.getByText("must be an amount in dollars")).toBeVisible();
    await kwh.fill("0.26");
    await page.getByRole("button", { name: "Save cost settings" }).click();
    await expect(page).toHaveURL(/\/savings$/);
    await expect(page.getByText("Cost settings of zeus saved")).toBeVisible();

    // Energy cost is proportional to $/kWh: doubling it doubles zeus's energy, and savings drop by that much.
    const zeusAfter = (await downloadCsv(page, "savings by machine")).rows.find((r) => r.Machine === "zeus")!;
    const energyBefore = csvMicros(zeusBefore["Energy (USD)"]!);
    const energyAfter = csvMicros(zeusAfter["Energy (USD)"]!);
    // Seconds pass between the reads (more on a loaded machine): allow what the fleet accrues
    // meanwhile, well under a cent a second, and at least 5 cents.
    const drift = () => BigInt(Math.max(50_000, Math.ceil((Date.now() - readAt) / 1000) * 10_000));
    expect(abs(energyAfter - 2n * energyBefore)).toBeLessThanOrEqual(drift());
    const after = await kpi(page, "Savings to date");
    expect(abs(before - after - (energyAfter - energyBefore))).toBeLessThanOrEqual(drift());

    // Put the demo back as it was.
    await page.getByRole("link", { name: "Cost settings of zeus" }).click();
    await page.getByLabel("Electricity price (USD per kWh)").fill(original);
    await page.getByRole("button", { name: "Save cost settings" }).click();
    await expect(page).toHaveURL(/\/savings$/);
  });

  test("adds a price to the catalog and deletes it with a reason", async ({ page }) => {
    const sku = `e2e-${Date.now().toString(36)}`;
    await page.goto("/savings/prices");
    await expect(page.getByRole("heading", { level: 1, name: "Price catalog" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Add a price" }).click();
    const add = page.getByRole("dialog", { name: "Add a price" });
    await add.getByLabel("SKU").fill(sku);
    await add.getByLabel("Provider").fill("E2E cloud");
    await add.getByLabel(/^Price/).fill("0.1234567");
    await add.getByRole("button", { name: "Add price" }).click();
    await expect(add.getByText("must have at most 6 decimals")).toBeVisible();
    await add.getByLabel(/^Price/).fill("1,234.000001");
    await add.getByLabel("Source").fill("E2E test price");
    await expectAccessible(page);
    await add.getByRole("button", { name: "Add price" }).click();
    await expect(add).toBeHidden();

    const card = page.getByRole("article", { name: sku });
    await expect(card).toContainText("$1,234.000001");
    await expect(card).toContainText("E2E test price");
    await card.getByRole("button", { name: new RegExp(`^Delete ${sku} at`) }).click();
    const remove = page.getByRole("dialog", { name: "Delete this price?" });
    await remove.getByLabel("Reason").fill("Added by the e2e test");
    await remove.getByRole("button", { name: "Delete price" }).click();
    await expect(card).toBeHidden();
  });
});

test.describe("member", () => {
  test.use({ storageState: ACCOUNTS.member.file });

  test("sees their own and their team's usage, not the fleet's savings", async ({ page }) => {
    await page.goto("/inventory");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Usage" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your usage" })).toBeVisible();
    await expect(page.getByRole("article", { name: "You" })).toContainText("Cloud-equivalent");
    await expect(page.getByRole("article", { name: /^Team / })).toContainText("Savings");
    await expect(page.getByRole("article", { name: "Savings to date" })).toHaveCount(0);
    await expectAccessible(page);
  });
});
