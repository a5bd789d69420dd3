// Screenshots pages of a running site at phone and desktop width, for looking at them.
// Usage: node tools/screenshot.ts [--base http://localhost:4321] [--out .tmp/shots] /path/ ...
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/support/browser.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: 'http://localhost:4321' },
    out: { type: 'string', default: '.tmp/shots' },
    full: { type: 'boolean', default: false },
  },
});
await mkdir(values.out, { recursive: true });
const browser = await launchChromium();
for (const [name, width] of [
  ['phone', 360],
  ['desktop', 1440],
] as const) {
  const page = await browser.newPage({ viewport: { width, height: name === 'phone' ? 780 : 900 } });
  for (const path of positionals.length ? positionals : ['/']) {
    await page.goto(new URL(path, values.base).href);
    const file = `${values.out}/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${name}.png`;
    await page.screenshot({ path: file, fullPage: values.full });
    console.log(file);
  }
  await page.close();
}
await browser.close();
