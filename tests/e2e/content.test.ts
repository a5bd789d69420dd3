import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { articleUrl, columnUrl, galleryUrl } from '../../src/site/urls.ts';
import { site } from '../../src/site.config.ts';
import { sourceArticles } from './support/content.ts';
import { useBrowser } from './support/page.ts';
import { bindPunctuation } from '../../src/site/typesetting.ts';

const articles = sourceArticles();
const published = articles.filter((a) => a.published);
const awaiting = articles.filter((a) => a.awaitingText);
const browser = useBrowser();
let shared: Page | undefined;
/** One page reused across the per-article checks, which only read. */
async function sharedPage(): Promise<Page> {
  shared ??= await (await browser.context()).newPage();
  return shared;
}

describe('published articles', () => {
  test('the content holds the 刘毅 profile and the 14 other headlines awaiting their text', () => {
    expect(published.map((a) => a.id)).toContain('laomo-liu-yi');
    expect(awaiting).toHaveLength(14);
  });

  test('the 刘毅 page holds all 21 paragraphs of the source article, in order', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    const blocks = await page.locator('.article-body > p, .article-body > h2').allInnerTexts();
    const source = published.find((a) => a.id === 'laomo-liu-yi')!.paragraphs;
    expect(source).toHaveLength(21);
    // As typeset: a space before closing punctuation is a no-break space (site/typesetting.ts).
    expect(blocks.map((b) => b.trim())).toEqual(source.map(bindPunctuation));
    await expect(page.getByRole('heading', { level: 2, name: '二、商协会工作成效显著' }).count()).resolves.toBe(1);
  });

  test.each(published.map((a) => [a.id, a] as const))(
    '%s shows every paragraph of its source, in order',
    async (_, article) => {
      const page = await sharedPage();
      const response = await page.goto(articleUrl(article));
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(article.title);
      const text = (await page.locator('.article-body').innerText()).replace(/\s+/g, '');
      let from = 0;
      for (const paragraph of article.paragraphs) {
        const at = text.indexOf(paragraph.replace(/\s+/g, ''), from);
        expect(
          at,
          `${article.file}: paragraph missing or out of order: ${paragraph.slice(0, 30)}`,
        ).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
    },
  );
});

describe('entries awaiting their text', () => {
  test.each(awaiting.map((a) => [a.id, a] as const))('%s says its text is still to come', async (_, article) => {
    const page = await sharedPage();
    await page.goto(articleUrl(article));
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(article.title);
    await expect(page.getByRole('note').innerText()).resolves.toContain('全文正在整理中');
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
    // Search finds it by headline, column and person, marked as awaiting its text.
    await expect(page.locator('[data-pagefind-body][data-search-awaiting]').count()).resolves.toBe(1);
  });

  test('are marked 全文待补 in their column list', async () => {
    const page = await (await browser.context()).newPage();
    const column = site.columns.find((c) => c.name === '通知公告')!;
    await page.goto(columnUrl(column));
    const item = page
      .getByRole('listitem')
      .filter({ hasText: '关于辽宁组织参加2024中国国际服装服饰博览会(秋季)的通知' });
    await expect(item.innerText()).resolves.toContain('全文待补');
  });
});

describe('劳模风采 gallery', () => {
  test('shows every profiled model worker with name, honour and headline', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(galleryUrl());
    const names = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(names.sort()).toEqual(['刘毅', '吴琦', '张存', '王丹凤', '谷冬昭'].sort());
    const liu = page.getByRole('article').filter({ hasText: '刘毅' });
    await expect(liu.innerText()).resolves.toMatch(
      /全国纺织工业劳动模范[\s\S]*辽宁西柳服装商业管理集团有限公司[\s\S]*党群服务中心主任/,
    );
    await liu.getByRole('link', { name: '刘毅', exact: true }).click();
    await page.waitForURL(`**${articleUrl({ id: 'laomo-liu-yi' })}`);
  });
});
