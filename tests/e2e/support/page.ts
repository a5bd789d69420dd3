import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
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

/** The class names the page's stylesheets have rules for, in layers, media and supports blocks. */
const definedClasses = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const names = new Set<string>();
    const visit = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule)
          for (const m of rule.selectorText.matchAll(/\.((?:\\.|[\w-])+)/g)) names.add(m[1]!.replace(/\\(.)/g, '$1'));
        if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of document.styleSheets) visit(sheet.cssRules);
    return [...names];
  });

/** Every class of every element on the page now. */
const shownClasses = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...new Set([...document.querySelectorAll('[class]')].flatMap((e) => [...e.classList]))]);

/** The classes the page shows that no rule of its stylesheets names. */
export async function unstyledClasses(page: Page): Promise<string[]> {
  const defined = new Set(await definedClasses(page));
  return (await shownClasses(page)).filter((c) => !defined.has(c));
}
