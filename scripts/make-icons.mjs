// Draws the app's icons from app/icon.svg (our own drawing) with the Chromium
// the e2e tests use: app/apple-icon.png (180×180, on a full square: iOS rounds
// the corners itself) and app/favicon.ico (16, 32 and 48 px PNGs in one ICO).
// Run by hand after changing app/icon.svg: `node scripts/make-icons.mjs`.
// No network: the SVG is inlined into a data: page.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('app/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });

async function render(size, { square = false } = {}) {
  // The apple icon has no transparent corners: fill the square with the background colour.
  const body = square ? svg.replace('rx="6"', 'rx="0"') : svg;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${body.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

writeFileSync('app/apple-icon.png', await render(180, { square: true }));

// ICO with embedded PNGs (supported by every current browser): a 6-byte header, a 16-byte entry per image, then the images.
const sizes = [16, 32, 48];
const images = [];
for (const size of sizes) images.push(await render(size));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map((png, i) => {
  const e = Buffer.alloc(16);
  const size = sizes[i] ?? 0;
  e.writeUInt8(size, 0);
  e.writeUInt8(size, 1);
  e.writeUInt8(0, 2);
  e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4);
  e.writeUInt16LE(32, 6);
  e.writeUInt32LE(png.length, 8);
  e.writeUInt32LE(offset, 12);
  offset += png.length;
  return e;
});
writeFileSync('app/favicon.ico', Buffer.concat([header, ...entries, ...images]));
await browser.close();
console.log('app/apple-icon.png and app/favicon.ico written');
