import { describe, expect, test } from 'vitest';
import { articleUrl, columnUrl, homeUrl, searchUrl } from '../../src/site/urls.ts';
import { site } from '../../src/site.config.ts';
import { useBrowser } from './support/page.ts';

const browser = useBrowser();
const profileColumn = site.columns.find((c) => c.slug === site.profileColumn)!;

describe('reading the site', () => {
  test('home → column → article, with breadcrumb and meta line', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(homeUrl());
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '劳模风采' }).click();
    await page.waitForURL(`**${columnUrl(profileColumn)}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('劳模风采');
    await expect(page.getByText(/共 5 篇/).count()).resolves.toBe(1);
    await page.getByRole('link', { name: /刘毅:不忘初心抓主业/ }).click();
    await page.waitForURL(`**${articleUrl({ id: 'laomo-liu-yi' })}`);
    const crumbs = page.getByRole('navigation', { name: '当前位置' });
    await expect(crumbs.innerText()).resolves.toMatch(
      /当前位置：\s*首页\s*>\s*劳模风采\s*>\s*劳模风采 \| 全国纺织工业劳动模范——刘毅/,
    );
    await expect(page.getByText('发布时间：2022年7月12日').count()).resolves.toBe(1);
    await expect(page.getByText('来源：辽宁省纺织服装协会').count()).resolves.toBe(1);
  });

  test('the home page leads with the 刘毅 profile and links every column', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(homeUrl());
    await expect(page.getByRole('link', { name: /阅读全文/ }).getAttribute('href')).resolves.toBe(
      articleUrl({ id: 'laomo-liu-yi' }),
    );
    for (const column of site.columns)
      await expect(page.getByRole('heading', { level: 2, name: column.name, exact: true }).count()).resolves.toBe(1);
  });

  test('related news of the 刘毅 profile lists the other model workers first', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    const related = page.getByRole('region', { name: '相关新闻' });
    const titles = await related.getByRole('listitem').allInnerTexts();
    expect(titles.length).toBeGreaterThanOrEqual(4);
    for (const name of ['张存', '王丹凤', '谷冬昭', '吴琦']) expect(titles.join('\n')).toContain(name);
  });

  test('an unknown address shows the helpful 404 page', async () => {
    const page = await (await browser.context()).newPage();
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('页面不存在');
    await expect(page.getByRole('main').getByRole('searchbox').count()).resolves.toBe(1);
    await expect(page.getByRole('main').getByRole('link', { name: '劳模风采' }).count()).resolves.toBe(1);
  });
});

describe('article tools', () => {
  test('字号 大 enlarges the text and is remembered on the next page', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    const size = (): Promise<number> =>
      page
        .locator('.article-body p')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const normal = await size();
    await page.getByRole('button', { name: '大号字' }).click();
    await expect(page.getByRole('button', { name: '大号字' }).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await size()).toBeGreaterThan(normal);
    await page.goto(homeUrl());
    await expect(page.locator('html').getAttribute('data-font')).resolves.toBe('l');
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    expect(await size()).toBeGreaterThan(normal);
    await page.getByRole('button', { name: '中号字' }).click();
    expect(await size()).toBe(normal);
  });

  test('关怀模式 gives large, high-contrast text and is remembered with no flash', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    await page.getByRole('button', { name: '关怀模式' }).click();
    await expect(page.getByRole('button', { name: '关怀模式' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const style = (): Promise<{ size: number; leading: number; color: string }> =>
      page
        .locator('.article-body p')
        .first()
        .evaluate((p) => {
          const s = getComputedStyle(p);
          return {
            size: parseFloat(s.fontSize),
            leading: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
            color: s.color,
          };
        });
    const care = await style();
    expect(care.size).toBeGreaterThanOrEqual(18);
    expect(care.leading).toBeGreaterThanOrEqual(1.8);
    expect(care.color).toBe('rgb(0, 0, 0)');
    // The <head> script sets the mode before the body is parsed: no flash of the normal page.
    await page.goto(homeUrl());
    await expect(page.evaluate(() => document.documentElement.dataset['care'])).resolves.toBe('on');
    await page.getByRole('button', { name: '关怀模式' }).click();
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    expect((await style()).size).toBeLessThan(care.size);
  });

  test('the skip link is the first stop of the keyboard and jumps to the content', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(homeUrl());
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(skip.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  });

  test('honours a request for more contrast', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    const muted = (): Promise<string> =>
      page.getByText('来源：辽宁省纺织服装协会').evaluate((el) => getComputedStyle(el).color);
    const normal = await muted();
    await page.emulateMedia({ contrast: 'more' });
    expect(await muted()).not.toBe(normal);
    expect(await muted()).toBe('rgb(51, 56, 62)');
  });

  test('prints the article only', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    const left = [
      page.getByRole('banner'),
      page.getByRole('contentinfo'),
      page.getByRole('region', { name: '相关新闻' }),
      page.getByRole('button', { name: '打印' }),
    ];
    // Each is on the screen first: hidden in print must not pass for an element renamed or gone.
    for (const element of left) await expect(element.isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('contentinfo').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('region', { name: '相关新闻' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '打印' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.article-body').isVisible()).resolves.toBe(true);
  });

  test('打印 opens the print dialog', async () => {
    const context = await browser.context();
    await context.addInitScript(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', 'yes');
    });
    const page = await context.newPage();
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    await page.getByRole('button', { name: '打印' }).click();
    await expect(page.locator('html').getAttribute('data-printed')).resolves.toBe('yes');
  });
});

describe('header search box', () => {
  test('without JavaScript the form opens the results page with the query', async () => {
    const page = await (await browser.context({ javaScriptEnabled: false })).newPage();
    await page.goto(articleUrl({ id: 'laomo-liu-yi' }));
    await page.getByRole('searchbox', { name: '搜索本站文章' }).fill('西柳');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(`**${searchUrl('西柳')}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('搜索结果');
  });
});
