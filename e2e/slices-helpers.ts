import { expect, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./sign-in";

/** A unique word for this run, so each spec finds its own requests among everyone else's. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

/** A second browser signed in as someone else, through the real sign-in. */
export async function openAs(browser: Browser, who: { name: string }): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAs(page, who.name);
  await expect(page).toHaveURL(/\/inventory$/);
  return { page, close: () => context.close() };
}

/** Fills the request form: a machine by name, GPUs, a duration from now, and the purpose; then submits. */
export async function requestSlice(page: Page, request: { machine: string; gpus?: number; hours?: number; purpose: string }) {
  await page.goto("/slices/new");
  await expect(page.getByRole("heading", { level: 1, name: "Request a slice" })).toBeVisible();
  const option = page.locator("#machine option").filter({ hasText: new RegExp(`^${request.machine} `) });
  await page.getByLabel("Machine").selectOption((await option.getAttribute("value")) ?? "");
  await page.getByRole("combobox", { name: "GPUs", exact: true }).selectOption(String(request.gpus ?? 1));
  await page.getByLabel("Duration (hours)").fill(String(request.hours ?? 4));
  await page.getByLabel("Purpose").fill(request.purpose);
  await page.getByRole("button", { name: "Request slice" }).click();
}

/**
 * Waits for the request form to hand over to My slices. When it does not, the failure says what
 * the page shows (a refusal, a field's error), which the URL alone would not.
 */
export async function expectFiled(page: Page) {
  try {
    await expect(page).toHaveURL(/\/slices$/, { timeout: 20_000 });
  } catch (error) {
    const shown = await page.locator("main").innerText({ timeout: 2_000 }).catch(() => "(the page could not be read)");
    throw new Error(`The request was not filed. The page shows:\n${shown}`, { cause: error });
  }
}

/** My slices' item for a purpose, inside the group (Active, Upcoming, Pending, Past) it should be in. */
export function mySlice(page: Page, group: "Active" | "Upcoming" | "Pending" | "Past", purpose: string) {
  return page.getByRole("region", { name: new RegExp(`^${group}( \\(|$)`) }).getByRole("listitem").filter({ hasText: purpose });
}

/** The admin queue's card of a request, found by its purpose. */
export function queuedRequest(page: Page, purpose: string) {
  return page.getByRole("article").filter({ hasText: purpose });
}

/** Releases, cancels and withdraws everything the signed-in person has on a machine. */
export async function giveBack(page: Page, machine: string) {
  await page.goto("/slices");
  const steps = [
    { group: "Active", button: `Release slice on ${machine}`, confirm: "Release now" },
    { group: "Upcoming", button: `Cancel slice on ${machine}`, confirm: "Cancel slice" },
    { group: "Pending", button: `Withdraw request on ${machine}`, confirm: "Withdraw request" },
  ] as const;
  for (const step of steps) {
    const buttons = page.getByRole("region", { name: new RegExp(`^${step.group} \\(`) }).getByRole("button", { name: step.button });
    for (let left = await buttons.count(); left > 0; left--) {
      await buttons.first().click();
      await page.getByRole("dialog").getByRole("button", { name: step.confirm }).click();
      await expect(buttons).toHaveCount(left - 1);
    }
  }
}
