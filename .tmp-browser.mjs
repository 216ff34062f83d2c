import { chromium } from '@playwright/test';
const [url] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
for (let i = 0; i < 3; i++) {
  const t = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const loaded = Date.now() - t;
  // Hydrated: React attaches its props key to the form element.
  if (process.env.NOFORM) { console.log(JSON.stringify({ loadMs: loaded })); continue; }
  await page.waitForFunction(() => { const f = document.querySelector('form'); return !!f && Object.keys(f).some((k) => k.startsWith('__reactProps')); }, null, { timeout: 60000 });
  console.log(JSON.stringify({ loadMs: loaded, hydratedMs: Date.now() - t }));
}
await browser.close();
