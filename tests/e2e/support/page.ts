import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChromium } from '../../support/browser.ts';

/** The served site's address, for `new URL(path, base)`. */
export const base = (): string => inject('baseUrl');

/** One Chromium per test file; each test opens pages in its own context. */
export function useBrowser(): { context: (options?: BrowserContextOptions) => Promise<BrowserContext> } {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser.close();
  });
  return {
    async context(options = {}) {
      const context = await browser.newContext({ baseURL: base(), locale: 'zh-CN', ...options });
      contexts.push(context);
      return context;
    },
  };
}
