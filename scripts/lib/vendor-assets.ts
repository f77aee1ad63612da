import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Third-party files the browser loads from public/, copied from their npm packages rather than
 * committed: the pinned version in package-lock.json stays their only source, and an upgrade
 * cannot leave a stale copy behind. `npm ci` (postinstall) and scripts/start.ts copy them.
 */
const VENDOR = [{ pkg: "swagger-ui-dist", files: ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"], to: "public/vendor/swagger-ui" }];

/** Copies the files whose copy is missing or differs; returns how many it copied. */
export function copyVendorAssets(root = process.cwd()): number {
  let copied = 0;
  for (const { pkg, files, to } of VENDOR) {
    const target = join(root, to);
    mkdirSync(target, { recursive: true });
    for (const file of files) {
      const from = join(root, "node_modules", pkg, file);
      const dest = join(target, file);
      if (existsSync(dest) && readFileSync(dest).equals(readFileSync(from))) continue;
      copyFileSync(from, dest);
      copied += 1;
    }
  }
  return copied;
}
