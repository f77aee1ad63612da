import { expect, test, type Browser, type Page } from "@playwright/test";
import { COMPANY_ACCOUNTS, type CompanyAccount } from "../../test/idp/accounts";
import { expectAccessible } from "../axe";

const [grace, ken, noam, fei] = COMPANY_ACCOUNTS as [CompanyAccount, CompanyAccount, CompanyAccount, CompanyAccount];

/** Saves a screenshot when E2E_SCREENSHOTS names a folder (to look at pages, never committed). */
async function snap(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}

const accountMenu = (page: Page, account: CompanyAccount) => page.getByRole("button", { name: new RegExp(`${account.name}.*account menu`) });

/** The portal's button, the company IdP's password page, back to the portal. */
async function signInWithPassword(page: Page, account: CompanyAccount) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Corp SSO" }).click();
  await expect(page.getByRole("heading", { name: "Corp SSO" })).toBeVisible();
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await landedSignedIn(page, account);
}

/** Home redirects to the inventory once rendered: wait for that, or the next step races it. */
async function landedSignedIn(page: Page, account: CompanyAccount) {
  await expect(page).toHaveURL(/\/inventory$/);
  await expect(accountMenu(page, account)).toBeVisible();
  await page.waitForLoadState("networkidle");
}

async function newPerson(browser: Browser, account: CompanyAccount) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithPassword(page, account);
  return { context, page };
}

test("a fresh start without demo data: the first admin's checklist, and Savings priced from the reference catalog", async ({ page }) => {
  await signInWithPassword(page, grace);
  const checklist = page.getByRole("region", { name: "Set up Rigshare" });
  await expect(checklist).toContainText("0 of 5 done");
  await snap(page, "setup-checklist");
  await expectAccessible(page);

  await checklist.getByRole("link", { name: /Add a GPU model/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "GPU models" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const modelForm = page.getByRole("form", { name: "Add a GPU model" });
  await modelForm.getByLabel("Name").fill("RTX 4090");
  await modelForm.getByLabel("VRAM (GB)").fill("24");
  await modelForm.getByLabel("Board power (W)").fill("450");
  await modelForm.getByRole("button", { name: "Add model" }).click();
  await expect(page.getByRole("row", { name: /RTX 4090/ })).toContainText("gcp-a100-40gb");

  await page.goto("/inventory/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Hostname").fill("corp-gpu-01");
  await page.getByLabel("Location").fill("Server room B");
  await page.getByLabel("CPU model").fill("AMD Ryzen Threadripper 7960X");
  await page.getByRole("spinbutton", { name: "Cores", exact: true }).fill("24");
  await page.getByRole("spinbutton", { name: "Threads", exact: true }).fill("48");
  await page.getByRole("spinbutton", { name: "RAM (GB)", exact: true }).fill("256");
  await page.getByLabel("In service since").fill("2025-01-15");
  await page.getByLabel("Count").fill("2");
  await page.getByLabel("GPU model").selectOption({ label: "RTX 4090 (24 GB)" });
  await page.getByRole("button", { name: "Add machine" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /corp-gpu-01/ })).toBeVisible();

  await page.goto("/savings/prices");
  await expect(page.getByText("Reference default").first()).toBeVisible();
  await expect(page.getByRole("article", { name: "gcp-a100-40gb" })).toContainText("$2.93");

  await page.goto("/savings");
  await expect(page.getByRole("heading", { level: 1, name: "Savings" })).toBeVisible();
  await expect(page.getByText("The savings cannot be computed")).toHaveCount(0);
  await expect(page.getByRole("article", { name: "Savings to date" }).getByTestId("kpi-value")).toHaveText(/\$[\d,]+\.\d{2}/);
  await snap(page, "savings-fresh-start");

  await page.goto("/inventory");
  await expect(page.getByRole("region", { name: "Set up Rigshare" })).toContainText("3 of 5 done");
});

test("roles and teams come from the company IdP's groups", async ({ browser, page }) => {
  for (const [account, team, role] of [
    [ken, "Unassigned", "Leadership"],
    [noam, "NLP Research", "Member"],
    [fei, "Vision Lab", "Member"],
  ] as const) {
    const person = await newPerson(browser, account);
    await person.page.goto("/profile");
    const main = person.page.getByRole("main");
    await expect(main.getByText(team, { exact: true })).toBeVisible();
    await expect(main.getByText(role, { exact: true }).first()).toBeVisible();
    if (account === noam) {
      await expect(main.getByRole("listitem").filter({ hasText: "This browser" })).toContainText(/Chrome on (Linux|Windows|macOS)/);
      await expect(person.page.getByLabel("Linux user name")).toHaveValue("noam_chomsky");
      await snap(person.page, "profile-sessions");
      await expectAccessible(person.page);
    }
    await person.context.close();
  }

  await signInWithPassword(page, grace);
  await page.goto("/admin/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in" })).toBeVisible();
  const recent = page.getByRole("table", { name: /last 20 sign-ins/ });
  await expect(recent.getByRole("row", { name: /fei\.li@corp\.test/ }).first()).toContainText("ds-vision");
  await expect(recent.getByRole("row", { name: /fei\.li@corp\.test/ }).first()).toContainText("Vision Lab");
  await expect(recent.getByRole("row", { name: /ken\.thompson@corp\.test/ }).first()).toContainText("Leadership");
  await snap(page, "admin-sign-in");
  await expectAccessible(page);

  await page.goto("/admin/users");
  await expect(page.getByRole("row", { name: /Noam Chomsky/ })).toContainText("NLP Research");
});

test("sign-out ends the portal session and the IdP session: a saved cookie is refused, and the password is asked again", async ({ browser }) => {
  const { context, page } = await newPerson(browser, noam);
  // While the IdP session lives, signing in again needs no password: forget only the portal's cookies.
  await context.clearCookies({ domain: "localhost" });
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Corp SSO" }).click();
  await landedSignedIn(page, noam);
  const saved = await context.storageState();

  await accountMenu(page, noam).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign out of Corp SSO?" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, sign out" }).click();
  await expect(page).toHaveURL(/\/signed-out$/);
  await expect(page.getByRole("heading", { level: 1, name: "You are signed out" })).toBeVisible();
  await snap(page, "signed-out");
  await expectAccessible(page);

  const thief = await browser.newContext({ storageState: saved });
  const stolen = await thief.newPage();
  await stolen.goto("/profile");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await thief.close();

  await page.getByRole("link", { name: "Sign in again" }).click();
  await page.getByRole("button", { name: "Sign in with Corp SSO" }).click();
  await expect(page.getByLabel("Password")).toBeVisible();
  await context.close();
});
