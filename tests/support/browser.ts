import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium (apt-get install chromium); CHROMIUM_PATH overrides it.
const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium to drive: CHROMIUM_PATH, else Debian's; an error in Chinese and English when there is none. */
export function chromiumPath(): string {
  const path = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!path)
    throw new Error('找不到 Chromium：请安装（apt-get install chromium）或设置 CHROMIUM_PATH / Chromium not found');
  return path;
}

/** Launches headless Chromium with the flags this machine needs (no sandbox as root, no network chatter). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
