import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ACCOUNTS, signInAs } from "./sign-in";
import { expectFiled, giveBack, uniqueTag } from "./slices-helpers";

// The browser is in Kolkata (UTC+5:30, no DST): its hours start at :30 UTC, so a page that shows
// or reads UTC anywhere it should not is caught by the minutes. Runtimes name the zone by its
// older IANA alias, Asia/Calcutta.
test.use({ timezoneId: "Asia/Kolkata", storageState: { cookies: [], origins: [] } });

const MACHINE = "hermes";

async function signIn(page: Page) {
  await signInAs(page, ACCOUNTS.member.name);
  await expect(page).toHaveURL(/\/inventory$/);
}

/** "14:05" now in a zone. */
const clock = (zone: string, at = Date.now()) => new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);

test("pages show times in the browser's zone, named, with UTC on hover; the schedule's hours are the zone's", async ({ page }) => {
  await signIn(page);
  await page.goto("/schedule");
  await expect(page.getByText(/Times are in Asia\/(Kolkata|Calcutta) \(GMT\+5:30\), your browser's zone/)).toBeVisible();
  const label = await page.getByText(/^Now \d{2}:\d{2}$/).textContent();
  expect([clock("Asia/Kolkata"), clock("Asia/Kolkata", Date.now() - 60_000), clock("Asia/Kolkata", Date.now() - 120_000)]).toContain(label!.slice(4));
  await expect(page.getByText("GPU · times in GMT+5:30")).toBeVisible();
  await expectAccessible(page);

  // The list view names windows in Kolkata time with the UTC times in the title.
  await page.goto("/schedule?view=list");
  const first = page.locator("table time").first();
  await expect(first).toContainText("GMT+5:30");
  await expect(first).toHaveAttribute("title", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC → \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);

  // A click on a free stretch asks from a whole Kolkata hour, which is :30 in UTC.
  await page.goto("/schedule");
  const row = page.getByRole("group", { name: `GPU 1 of ${MACHINE}` });
  const box = (await row.boundingBox())!;
  await row.click({ position: { x: box.width - 20, y: box.height / 2 } });
  await expect(page).toHaveURL(/\/slices\/new\?/);
  expect(new URL(page.url()).searchParams.get("start")).toMatch(/T\d{2}:30:00\.000Z$/);
  await expect(page.getByLabel(/^Start time \(Asia\/(Kolkata|Calcutta)\)$/)).toHaveValue(/T\d{2}:00$/);
});

test("a time chosen on the profile wins over the browser's; forms read it and store UTC", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  try {
    await page.goto("/profile");
    await chooseZone(page, "America/New_York");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByText("Times are now shown in America/New_York")).toBeVisible();
    await expectAccessible(page);

    await page.goto("/slices/new");
    await expect(page.getByText("Times are in America/New_York")).toContainText("as set on your profile");
    const purpose = `Zone check ${uniqueTag()}`;
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const option = page.locator("#machine option").filter({ hasText: new RegExp(`^${MACHINE} `) });
    await page.getByLabel("Machine").selectOption((await option.getAttribute("value")) ?? "");
    await page.getByRole("radio", { name: "At a set time" }).first().check();
    await page.getByLabel("Start time (America/New_York)").fill(`${day}T10:00`);
    await page.getByLabel("Duration (hours)").fill("2");
    await page.getByLabel("Purpose").fill(purpose);
    await page.getByRole("button", { name: "Request slice" }).click();
    await expectFiled(page);

    // 10:00 in New York is 15:00 UTC in winter and 14:00 UTC in summer.
    const item = page.getByRole("listitem").filter({ hasText: purpose });
    const window = item.locator("time").first();
    await expect(window).toContainText("10:00 → 12:00");
    const offset = new Date(`${day}T12:00:00Z`).toLocaleString("en-US", { timeZone: "America/New_York", timeZoneName: "short" }).endsWith("EDT") ? 4 : 5;
    await expect(window).toHaveAttribute("title", `${day} ${String(10 + offset).padStart(2, "0")}:00 UTC → ${day} ${String(12 + offset).padStart(2, "0")}:00 UTC`);
  } finally {
    await page.goto("/profile");
    // The server renders the saved choice: reset it only if the test got as far as saving one.
    if ((await page.getByLabel("Show times in").inputValue()) !== "") {
      await chooseZone(page, "");
      await page.getByRole("button", { name: "Save time zone" }).click();
      await expect(page.getByText("Times now follow your browser's zone")).toBeVisible();
    }
    await giveBack(page, MACHINE);
  }
});

test("the audit log filters whole days of the viewer's zone", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ACCOUNTS.admin.file, timezoneId: "Asia/Kolkata" });
  const page = await context.newPage();
  await page.goto("/admin/audit");
  await expect(page.getByText(/Times are in Asia\/(Kolkata|Calcutta)/)).toBeVisible();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(Date.now());
  await page.goto(`/admin/audit?from=${today}&to=${today}`);
  await expect(page.getByText(/Times are in Asia\/(Kolkata|Calcutta)/)).toBeVisible();
  const times = page.locator("tbody time");
  if ((await times.count()) > 0) {
    for (const text of await times.allTextContents()) expect(text).toMatch(/GMT\+5:30$/);
    const titles = await times.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("datetime")!));
    const start = Date.parse(`${today}T00:00:00+05:30`);
    for (const iso of titles) expect(Date.parse(iso)).toBeGreaterThanOrEqual(start);
  }
  await expectAccessible(page);
  await context.close();
});

/**
 * A choice made before the form has hydrated is reset by React to the server's value (and the
 * save button stays disabled): choose again until the form has taken it.
 */
async function chooseZone(page: Page, zone: string) {
  await expect(async () => {
    await page.getByLabel("Show times in").selectOption(zone);
    await expect(page.getByRole("button", { name: "Save time zone" })).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
