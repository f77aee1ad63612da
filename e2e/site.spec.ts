import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./sign-in";

test("the icons, the web manifest and the API viewer's files are served from public/", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  for (const [path, type] of [
    ["/icon.svg", "image/svg+xml"],
    ["/apple-touch-icon.png", "image/png"],
    ["/site.webmanifest", "application/manifest+json"],
    ["/vendor/swagger-ui/swagger-ui-bundle.js", "javascript"],
    ["/vendor/swagger-ui/swagger-ui.css", "text/css"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
  }
  const manifest = await (await request.get("/site.webmanifest")).json();
  for (const icon of manifest.icons as { src: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  // Nothing is read from node_modules at request time any more.
  expect((await request.get("/api/docs-assets/swagger-ui-bundle.js")).status()).toBe(404);

  await page.goto("/sign-in");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/site.webmanifest");
});

test.describe("/admin", () => {
  for (const [role, landing] of [
    ["admin", /\/admin\/queue$/],
    ["leadership", /\/admin\/audit$/],
  ] as const) {
    test(`opens the admin page ${role} uses most`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: ACCOUNTS[role].file });
      const page = await context.newPage();
      const response = await page.goto("/admin");
      expect(response?.status()).toBe(200);
      await expect(page).toHaveURL(landing);
      await context.close();
    });
  }

  test("tells a member it is not theirs", async ({ browser }) => {
    const context = await browser.newContext({ storageState: ACCOUNTS.member.file });
    const page = await context.newPage();
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "You don't have access to this page" })).toBeVisible();
    await context.close();
  });
});
