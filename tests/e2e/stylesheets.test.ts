// Article pages link a stylesheet of their own, built without the classes only other pages use
// (src/styles/article.css). Each page type is opened in Chromium, with what its scripts draw
// (the search panel, its results, the marks of ?hl=), and every class it shows must have a rule
// in the stylesheets it links: a class left out of article.css would leave part of a page bare.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { articleUrl, columnUrl, galleryUrl, homeUrl, searchUrl } from '../../src/site/urls.ts';
import { site } from '../../src/site.config.ts';
import { unstyledClasses, useBrowser } from './support/page.ts';

const browser = useBrowser();

/** Types `query` into the header search box and waits for the panel to list what it found. */
async function openPanel(page: Page, query: string): Promise<void> {
  await page.locator('#site-search').click();
  await page.keyboard.type(query);
  await expect.poll(() => page.locator('#search-panel-list').innerText()).not.toBe('');
}

describe('stylesheets', () => {
  test('article pages link a stylesheet of their own, smaller than the other pages’', async () => {
    const page = await (await browser.context()).newPage();
    const sheets = async (path: string) => {
      await page.goto(path);
      return page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    };
    const article = await sheets(articleUrl({ id: 'laomo-liu-yi' }));
    const home = await sheets(homeUrl());
    expect(article).toHaveLength(1);
    expect(home).toHaveLength(1);
    expect(article[0]).not.toBe(home[0]);
  });

  const pages: [string, string, ((page: Page) => Promise<void>)?][] = [
    ['the home page', homeUrl()],
    ['a column', columnUrl(site.columns[0]!)],
    ['the 劳模名录', galleryUrl()],
    ['the search page with results', searchUrl('西柳'), (page) => page.locator('#search-results li').first().waitFor()],
    ['the search page finding nothing', searchUrl('无此词语啊'), (page) => page.getByRole('status').first().waitFor()],
    ['the 404 page', '/no-such-page/'],
    [
      'the 刘毅 profile, with the search panel open',
      articleUrl({ id: 'laomo-liu-yi' }),
      (page) => openPanel(page, '刘毅'),
    ],
    [
      'an article with its words marked (?hl=)',
      `${articleUrl({ id: 'laomo-liu-yi' })}?hl=西柳`,
      (page) => page.locator('mark.search-hit').first().waitFor(),
    ],
    ['an article awaiting its text', articleUrl({ id: 'laomo-gu-dongzhao' })],
    ['a notice', articleUrl({ id: '2024-fuzhuang-fushi-bolanhui-qiuji-tongzhi' })],
  ];
  for (const [name, path, act] of pages)
    test(`${name}: every class it shows has a rule`, async () => {
      const page = await (await browser.context()).newPage();
      await page.goto(path);
      await act?.(page);
      expect(await unstyledClasses(page)).toEqual([]);
    });
});
