// Signs in to a running portal through the demo IdP and saves full-page screenshots of the main
// pages, to look at them as a person would: `npx tsx scripts/screenshots.ts [baseUrl] [outDir]`.
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { findChromium, HOW_TO_GET_CHROMIUM } from "../e2e/browser";

const baseUrl = process.argv[2] ?? "http://localhost:3000";
const outDir = process.argv[3] ?? "screenshots";
const pages: Record<string, { account: string; paths: string[] }> = {
  admin: { account: "Ada Lindqvist", paths: ["/inventory", "/schedule", "/builds", "/savings", "/admin/queue", "/admin/quotas", "/capacity", "/admin/users", "/admin/audit", "/notifications", "/admin/jobs", "/admin/webhooks", "/admin/outbox"] },
  member: { account: "Alice Moreau", paths: ["/inventory", "/slices", "/slices/new", "/slices/need", "/savings", "/admin/users", "/notifications", "/profile/notifications"] },
  leadership: { account: "Lee Park", paths: ["/savings"] },
};

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  for (const [role, { account, paths }] of Object.entries(pages)) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${baseUrl}/sign-in`);
      if (role === "admin" && viewport.width > 1000) await page.screenshot({ path: `${outDir}/sign-in.png` });
      await page.getByRole("button", { name: /sign in with/i }).click();
      if (role === "admin" && viewport.width > 1000) await page.screenshot({ path: `${outDir}/demo-idp.png` });
      await page.getByRole("button", { name: new RegExp(account) }).click();
      await page.waitForURL(/\/inventory/);
      for (const path of paths) {
        await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
        // Streamed sections show skeletons (aria-busy) until their data arrives.
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 30_000 }).catch(() => {});
        const name = `${role}${path.replaceAll("/", "-")}${viewport.width < 500 ? "-mobile" : ""}.png`;
        await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
        console.log(`${outDir}/${name}`);
      }
      await page.close();
    }
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
