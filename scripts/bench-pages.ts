// `npm run bench:pages [-- --no-build]`: how fast the main pages show, on the demo dataset.
// Starts the production build the way `npm start` does (embedded PostgreSQL, demo IdP, demo data)
// in a temporary folder, signs in through the demo IdP as the admin (who may see every page) with
// Chromium, then loads /inventory, /schedule and /savings BENCH_PAGE_RUNS times each in a fresh
// browser context (empty cache, the session kept) and reads the Largest Contentful Paint. Next to
// it, the first-load JavaScript of each route, gzip-sized: from the build's manifests, and what
// Chromium actually fetched. No network throttling (localhost). Ports 3870-3872.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { findChromium, HOW_TO_GET_CHROMIUM } from "../e2e/browser";
import { DIST_DIR, ensureBuild, loadAverage, startApp, type AppServer } from "./bench/app-server";

const PORT = Number(process.env.BENCH_PAGES_PORT ?? 3870);
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
const ROUTES = [
  { path: "/inventory", manifest: "(app)/inventory/page" },
  { path: "/schedule", manifest: "(app)/schedule/page" },
  { path: "/savings", manifest: "(app)/savings/page" },
];
const ADMIN = "Ada Lindqvist";
const GOAL_KB = 200;

const gzipKb = (file: string) => gzipSync(readFileSync(join(DIST_DIR, file))).length / 1024;

/**
 * The JavaScript a first visit needs: the framework's root chunks plus every entry chunk the
 * route's client-reference manifest lists (root and group layouts, their loading and error
 * boundaries, the page).
 */
function manifestFirstLoad(route: string): string[] {
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; run it in a sandbox.
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(join(DIST_DIR, "server", "app", `${route}_client-reference-manifest.js`), "utf8"), sandbox);
  const entry = sandbox.__RSC_MANIFEST?.[`/${route}`];
  if (!entry) throw new Error(`no client-reference manifest for /${route} in ${DIST_DIR}`);
  const build = JSON.parse(readFileSync(join(DIST_DIR, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return [...new Set([...build.rootMainFiles, ...Object.values(entry.entryJSFiles).flat()])];
}

async function signIn(browser: Browser, app: AppServer) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole("button", { name: /sign in with/i }).click();
  await page.getByRole("button", { name: new RegExp(ADMIN) }).click();
  await page.waitForURL(/\/inventory/, { timeout: 60_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

/**
 * Runs in the page: the last Largest Contentful Paint entry (buffered, so the one already
 * reported) and the navigation's time to first byte. A string, so the bundler's helpers
 * (tsx adds __name to functions) never reach the browser.
 */
const READ_LCP = `new Promise((resolve) => {
  const nav = performance.getEntriesByType("navigation")[0];
  const done = (lcp, element) => resolve({ lcp, ttfb: nav ? nav.responseStart : NaN, element });
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1);
    if (last) done(last.startTime, last.element ? last.element.tagName.toLowerCase() + ' "' + (last.element.textContent || "").trim().slice(0, 30) + '"' : "?");
  }).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => done(NaN, "no LCP entry"), 5000);
})`;

interface Visit {
  lcp: number;
  ttfb: number;
  element: string;
  scripts: Set<string>;
}

async function visit(browser: Browser, app: AppServer, storageState: Awaited<ReturnType<typeof signIn>>, path: string): Promise<Visit> {
  const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (response.request().resourceType() === "script" && url.pathname.startsWith("/_next/static/")) scripts.add(url.pathname.slice("/_next/".length));
  });
  await page.goto(`${app.url}${path}`, { waitUntil: "load", timeout: 60_000 });
  if (!page.url().endsWith(path)) throw new Error(`${path} redirected to ${page.url()}`);
  await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => undefined);
  const timing = (await page.evaluate(READ_LCP)) as { lcp: number; ttfb: number; element: string };
  await context.close();
  return { ...timing, scripts };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main() {
  ensureBuild(process.argv.includes("--no-build") ? "never" : "always");
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const dataDir = mkdtempSync(join(tmpdir(), "rigshare-pages-"));
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => void cleanup().finally(() => process.exit(130)));
  try {
    console.error("starting the app with the demo data (the first start seeds years of history)...");
    app = await startApp({ port: PORT, dataDir, pgPort: PORT + 2, logFile: join(dataDir, "app.log"), demo: true });
    browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const storageState = await signIn(browser, app);
    const loadBefore = loadAverage();
    const rows = [];
    for (const route of ROUTES) {
      const visits: Visit[] = [];
      for (let i = 0; i < RUNS; i++) visits.push(await visit(browser, app, storageState, route.path));
      const manifestKb = manifestFirstLoad(route.manifest).reduce((sum, file) => sum + gzipKb(file), 0);
      const fetched = visits[0]!.scripts;
      const fetchedKb = [...fetched].reduce((sum, file) => sum + gzipKb(file), 0);
      rows.push({ route: route.path, first: visits[0]!.lcp, lcp: median(visits.map((v) => v.lcp)), ttfb: median(visits.map((v) => v.ttfb)), element: visits.at(-1)!.element, manifestKb, fetchedKb, files: fetched.size });
    }
    console.log(`\nLCP over ${RUNS} cold-cache visits per page (signed in as ${ADMIN}, demo data, no throttling); load average ${loadBefore} -> ${loadAverage()}.`);
    console.log(`First-load JS gzip-sized with node:zlib (level 6) from ${DIST_DIR}; goal < ${GOAL_KB} KB per route, from the build output (manifest).`);
    console.log(`"fetched" is everything Chromium downloaded until the network was idle, lazily loaded chunks included.\n`);
    const header = `${"route".padEnd(11)} ${"LCP median".padStart(10)} ${"LCP 1st".padStart(8)} ${"TTFB".padStart(6)} ${"JS (manifest)".padStart(14)} ${"JS (fetched)".padStart(13)} ${"goal".padStart(5)}  LCP element`;
    console.log(header);
    console.log("-".repeat(header.length + 20));
    for (const r of rows) {
      const kb = (n: number) => `${n.toFixed(0)} KB`;
      console.log(
        `${r.route.padEnd(11)} ${`${r.lcp.toFixed(0)} ms`.padStart(10)} ${`${r.first.toFixed(0)} ms`.padStart(8)} ${`${r.ttfb.toFixed(0)}`.padStart(6)} ${kb(r.manifestKb).padStart(14)} ${`${kb(r.fetchedKb)} /${r.files}`.padStart(13)} ${(r.manifestKb < GOAL_KB ? "ok" : "over").padStart(5)}  ${r.element}`,
      );
    }
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
