import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The Chromium to drive: CHROMIUM_PATH, then Debian's package, then a browser Playwright
 * downloaded itself. Undefined when there is none.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", safePlaywrightPath()];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const HOW_TO_GET_CHROMIUM = `No Chromium found for the end-to-end tests. Get one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium
  - anywhere with internet access:  npx playwright install chromium
  - or point CHROMIUM_PATH at an existing Chromium/Chrome binary.`;
