// Renders public/icon.svg into the raster icons browsers and phones ask for: favicon.ico (16, 32
// and 48 px PNGs in one ICO), apple-touch-icon.png (180 px, opaque: iOS rounds the corners
// itself) and the web manifest's 192 and 512 px icons. Run it after changing the SVG:
// `npx tsx scripts/render-icons.ts`; the results are committed.
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { findChromium, HOW_TO_GET_CHROMIUM } from "../e2e/browser";

const svg = readFileSync("public/icon.svg", "utf8");

/** An ICO file holding PNG images (Windows Vista and every current browser read PNG entries). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const render = async (size: number, opaque = false) => {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // Opaque icons fill the square (the platform applies its own mask); the SVG's corners are cut away.
    const body = opaque ? svg.replace('rx="14"', 'rx="0"') : svg;
    await page.setContent(`<html><body style="margin:0;background:transparent">${body.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
    const png = await page.screenshot({ omitBackground: !opaque });
    await page.close();
    return png;
  };
  writeFileSync("public/favicon.ico", ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await render(size) })))));
  writeFileSync("public/apple-touch-icon.png", await render(180, true));
  writeFileSync("public/icon-192.png", await render(192));
  writeFileSync("public/icon-512.png", await render(512, true));
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
