import { chromium } from "@playwright/test";
import { findChromium } from "./e2e/browser";

const base = "http://localhost:3510";
async function main() {
  const browser = await chromium.launch({ executablePath: findChromium()!, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const shots: [string, string, string][] = [
    ["Ada Lindqvist", "/inventory", "inventory-admin"],
    ["Ada Lindqvist", "MACHINE:atlas", "machine-atlas-admin"],
    ["Ada Lindqvist", "/savings", "savings-admin"],
    ["Alice Moreau", "/slices", "slices-member"],
    ["Alice Moreau", "MACHINE:zeus", "machine-zeus-member"],
  ];
  for (const [account, path, name] of shots) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(90_000);
    await page.goto(`${base}/sign-in`);
    await page.getByRole("button", { name: /sign in with/i }).click();
    await page.getByRole("button", { name: new RegExp(account) }).click();
    await page.waitForURL(/\/inventory/);
    if (path.startsWith("MACHINE:")) {
      await page.getByRole("link", { name: path.slice(8), exact: true }).click();
      await page.waitForTimeout(4000);
    } else await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
    await page.waitForTimeout(2000);
    await page.screenshot({ path: `/tmp/i14-shots/${name}.png`, fullPage: true });
    await page.close();
  }
  await browser.close();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
