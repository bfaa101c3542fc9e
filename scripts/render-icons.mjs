// Renders assets/icon.svg to public/icon/<size>.png, the sizes Chrome, Firefox and the
// stores ask for. WXT picks up public/icon/<size>.png as the manifest's icons, so the
// PNGs are committed and a normal build needs no browser.
//
//   node scripts/render-icons.mjs                   writes public/icon/{16,32,48,96,128}.png
//   node scripts/render-icons.mjs --preview FILE    also writes a sheet of the small sizes
//                                                   on light and dark toolbars, at 1x and 2x
//
// Uses Debian's Chromium (CHROMIUM_PATH overrides) through playwright-core.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const previewIndex = process.argv.indexOf('--preview');
const previewPath = previewIndex > 0 ? process.argv[previewIndex + 1] : undefined;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const outDir = join(root, 'public', 'icon');
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    // deviceScaleFactor 1: each PNG is rasterized at its own size, not downscaled, so
    // the 16px icon gets the browser's own anti-aliasing at 16px.
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
  if (previewPath) await renderPreview(previewPath);
} finally {
  await browser.close();
}

/** Light and dark toolbars with the rendered PNGs at 1x, then the same enlarged 8x. */
async function renderPreview(path) {
  const page = await browser.newPage({ viewport: { width: 760, height: 420 }, deviceScaleFactor: 1 });
  const png = (size) => `data:image/png;base64,${readFileSync(join(root, 'public', 'icon', `${size}.png`)).toString('base64')}`;
  const bar = (bg) => `
    <div style="background:${bg};padding:10px;display:flex;gap:14px;align-items:center">
      ${[16, 32, 48].map((s) => `<img src="${png(s)}" width="${s}" height="${s}">`).join('')}
      <img src="${png(16)}" width="128" height="128" style="image-rendering:pixelated">
      <img src="${png(32)}" width="128" height="128" style="image-rendering:pixelated">
      <img src="${png(128)}" width="128" height="128">
    </div>`;
  await page.setContent(`<html><body style="margin:0">${bar('#f1f3f4')}${bar('#202124')}${bar('#3c3c3c')}</body></html>`);
  await page.screenshot({ path, fullPage: true });
  await page.close();
  console.log(path);
}
