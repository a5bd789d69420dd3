// The dev preview forgives an editor's mistakes: it starts and keeps serving with a broken
// article, shows the checks' Chinese report on that article's page and a banner on every
// page, and clears it when the file is fixed, without a restart.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempSite, type TempSite } from '../support/temp-site.ts';
import { articleUrl } from '../../src/site/urls.ts';
import { startDev, stopDev } from './support/dev.ts';
import { useBrowser } from './support/page.ts';

const GOOD = '---\ntitle: 协会召开理事会\ndate: 2023-03-01\ncolumn: 协会动态\n---\n\n理事会在沈阳召开。\n';

describe('the dev preview with broken articles', () => {
  const browser = useBrowser();
  const children: ChildProcess[] = [];
  let temp: TempSite;
  let origin: string;
  let output: () => string;
  const page = async (path: string) => {
    const response = await fetch(`${origin}${path}`);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    temp = await createTempSite({ withContent: false });
    await temp.write('content/articles/good.md', GOOD);
    // A full-width colon on line 2: this stopped `npm run dev` from starting.
    await temp.write('content/articles/colon.md', GOOD.replace('title: ', 'title：'));
    // Ordinary text that MDX reads as a tag and as code.
    await temp.write(
      'content/articles/plain-text.mdx',
      '---\ntitle: 返修率下降\ndate: 2023-03-02\ncolumn: 行业资讯\n---\n\n返修率降到<1%以下。\n\n产量达到{120万件}。\n',
    );
    const dev = await startDev(temp.dir);
    children.push(dev.child);
    ({ origin, output } = dev);
  }, 120_000);

  afterAll(async () => {
    await stopDev(children);
    await temp?.remove();
  });

  test('starts, and every page carries a banner naming the broken articles', async () => {
    const home = await page('/');
    expect(home.status, output()).toBe(200);
    expect(home.html).toContain('有 2 篇文章有错误，正式构建会停止');
    expect(home.html).toContain('content/articles/colon.md');
    expect(home.html).toContain('content/articles/plain-text.mdx');
    expect(output()).not.toMatch(/client:only|^\s+at /m);
  });

  test("a broken article's page shows the report: line, cause and fix, in Chinese with the English beneath", async () => {
    const colon = await page(articleUrl({ id: 'colon' }));
    expect(colon.status).toBe(200);
    expect(colon.html).toMatch(/这篇文章有 1 处错误[\s\S]*第 2 行：[\s\S]*title 后面的冒号是中文全角冒号/);
    expect(colon.html).toContain('The colon after title is a full-width colon');

    const mdx = await page(articleUrl({ id: 'plain-text' }));
    expect(mdx.html).toMatch(
      /这篇文章有 2 处错误[\s\S]*第 7 行：[\s\S]*「&lt;」在 MDX 文件里表示标签开始[\s\S]*第 9 行：[\s\S]*「\{」在 MDX 文件里表示代码/,
    );
  });

  test('fixing the file clears the report without a restart; breaking an open page shows it', async () => {
    await temp.write('content/articles/colon.md', GOOD.replaceAll('理事会', '常务理事会'));
    await expect
      .poll(async () => (await page(articleUrl({ id: 'colon' }))).html, { timeout: 20_000 })
      .toContain('常务理事会在沈阳召开。');
    expect((await page(articleUrl({ id: 'colon' }))).html).not.toContain('这篇文章有');

    await temp.write('content/articles/good.md', GOOD.replace('column: 协会动态', 'column: 协会新闻'));
    await expect
      .poll(async () => (await page(articleUrl({ id: 'good' }))).html, { timeout: 20_000 })
      .toMatch(/第 4 行：[\s\S]*栏目「协会新闻」不存在/);
  });

  test('the report reads well on a phone', async () => {
    const tab = await (await browser.context({ baseURL: origin, viewport: { width: 360, height: 800 } })).newPage();
    await tab.goto(articleUrl({ id: 'plain-text' }));
    const report = tab.getByRole('alert', { name: '文章错误' }).last();
    await expect.poll(() => report.isVisible()).toBe(true);
    await tab.screenshot({ path: 'test-results/dev-preview-report-360.png', fullPage: true });
  });
});
