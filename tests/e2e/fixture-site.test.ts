import { readFile, writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic } from '../../scripts/serve.ts';
import { absoluteUrl, articleUrl, columnUrl, feedUrl, shareImageUrl } from '../../src/lib/urls.ts';
import { site } from '../../src/site.config.ts';
import { useBrowser } from './support/page.ts';
import { createTempSite, type TempSite } from '../../scripts/temp-site.ts';

const fixture = (name: string): Promise<string> => readFile(join('tests/fixtures', name), 'utf8');
const column = site.columns.find((c) => c.name === '协会动态')!;
// The fixture site's feeds carry the other kind of item than the real site's, so builds try both.
const otherFeedContent = site.feedContent === 'full' ? 'summary' : 'full';

describe('a site with several articles in one column', () => {
  const browser = useBrowser();
  let temp: TempSite;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    temp = await createTempSite();
    const config = await readFile(join(temp.dir, 'src/site.config.ts'), 'utf8');
    await temp.write(
      'src/site.config.ts',
      config.replace(`feedContent: '${site.feedContent}'`, `feedContent: '${otherFeedContent}'`),
    );
    for (const name of ['fixture-first.md', 'fixture-second.md', 'fixture-third.mdx'])
      await temp.write(`content/articles/fixtures/${name}`, await fixture(`articles/${name}`));
    // An article with a cover, in another column: it shares its cover instead of a drawn card.
    const cover = new PNG({ width: 1600, height: 1000 });
    cover.data.fill(180);
    await writeFile(join(temp.dir, 'content/articles/fixtures/fixture-cover.png'), PNG.sync.write(cover));
    await temp.write(
      'content/articles/fixtures/fixture-cover.md',
      `---\ntitle: 测试封面文章\ndate: 2019-01-01\ncolumn: 行业资讯\ncover: ./fixture-cover.png\ncoverAlt: 灰色的测试封面\n---\n\n有封面的文章。\n`,
    );
    // Enough articles in one column for a second page.
    for (let n = 1; n <= site.pageSize; n++)
      await temp.write(
        `content/articles/fixtures/paging-${n}.md`,
        `---\ntitle: 测试分页文章${n}\ndate: 2020-01-${String(n).padStart(2, '0')}\ncolumn: 协会动态\n---\n\n分页测试。\n`,
      );
    const build = await temp.run('astro', ['build']);
    expect(build.code, build.output).toBe(0);
    server = await serveStatic(join(temp.dir, 'dist'), 0);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 180_000);

  afterAll(async () => {
    server?.close();
    await temp?.remove();
  });

  test('column → article → 下一篇 → 上一篇 walks the column in date order', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(columnUrl(column));
    const titles = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(titles.slice(0, 3)).toEqual([
      '测试文章三：协会召开第三次会议',
      '测试文章二：协会召开第二次会议',
      '测试文章一：协会召开第一次会议',
    ]);
    await page.getByRole('link', { name: '测试文章二：协会召开第二次会议' }).click();
    await page.waitForURL(`**${articleUrl({ id: 'fixture-second' })}`);
    const around = page.getByRole('navigation', { name: '上一篇和下一篇' });
    await expect(around.innerText()).resolves.toMatch(/上一篇：测试文章一[\s\S]*下一篇：测试文章三/);
    await around.getByRole('link', { name: /测试文章三/ }).click();
    await page.waitForURL(`**${articleUrl({ id: 'fixture-third' })}`);
    await expect(page.getByRole('navigation', { name: '上一篇和下一篇' }).innerText()).resolves.toMatch(
      /上一篇：测试文章二[\s\S]*下一篇：没有了/,
    );
    await page
      .getByRole('link', { name: /测试文章二/ })
      .first()
      .click();
    await page.waitForURL(`**${articleUrl({ id: 'fixture-second' })}`);
  });

  test('a long column is split into numbered pages with its total count', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(columnUrl(column));
    const total = site.pageSize + 3 + 1; // the paging articles, the three fixtures, the real one awaiting text
    await expect(page.getByText(`共 ${total} 篇`).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { level: 2 }).count()).resolves.toBe(site.pageSize);
    const pages = page.getByRole('navigation', { name: '分页' });
    await pages.getByRole('link', { name: '第 2 页' }).click();
    await page.waitForURL(`**${columnUrl(column, 2)}`);
    await expect(page.getByRole('heading', { level: 2 }).count()).resolves.toBe(4);
    await expect(
      page.getByRole('navigation', { name: '分页' }).locator('[aria-current="page"]').innerText(),
    ).resolves.toMatch(/2/);
    await page.getByRole('link', { name: '上一页' }).click();
    await page.waitForURL(`**${columnUrl(column)}`);
  });

  test('an external link in an article opens safely and prints its address', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'fixture-first' }));
    const link = page.locator('.article-body a[href^="https://openstd"]');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await page.emulateMedia({ media: 'print' });
    await expect(link.evaluate((a) => getComputedStyle(a, '::after').content)).resolves.toContain(
      'https://openstd.samr.gov.cn/',
    );
  });

  test(`the feed follows the site's feedContent setting (${otherFeedContent} here)`, async () => {
    const xml = await readFile(join(temp.dir, 'dist', feedUrl(column)), 'utf8');
    const item = parseFeed(xml).items.find(
      (i) => i.url === absoluteUrl(articleUrl({ id: 'fixture-first' }), site.url),
    )!;
    expect(item.description).toBe(
      '这是测试用的第一篇文章，只在测试的临时站点中构建。第二段落，用来检查段落顺序。参见国家标准全文公开系统。',
    );
    if (otherFeedContent === 'summary') {
      expect(xml).not.toContain('<content:encoded>');
    } else {
      expect(item.content).toContain('<p>第二段落，用来检查段落顺序。参见<a href="https://openstd.samr.gov.cn/"');
    }
  });

  test('an article with a cover shares the cover, cut to 1200×630, and gets no drawn card', async () => {
    const html = await readFile(join(temp.dir, 'dist', articleUrl({ id: 'fixture-cover' }), 'index.html'), 'utf8');
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(image).toMatch(/\/_astro\/fixture-cover\.[^/]+\.jpe?g$/);
    expect(html).toContain('<meta property="og:image:alt" content="灰色的测试封面">');
    const jpeg = await readFile(join(temp.dir, 'dist', new URL(image).pathname));
    const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect([jpeg.readUInt16BE(frame + 7), jpeg.readUInt16BE(frame + 5)]).toEqual([1200, 630]);
    await expect(readFile(join(temp.dir, 'dist', shareImageUrl({ id: 'fixture-cover' })))).rejects.toThrow();
    await expect(readFile(join(temp.dir, 'dist', shareImageUrl({ id: 'fixture-first' })))).resolves.toBeTruthy();
  });

  test('the meta line shows time, 来源 and 作者 when given', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'fixture-first' }));
    const meta = await page.locator('header p').first().innerText();
    expect(meta).toMatch(/发布时间：2023-03-01 09:00\s+来源：测试来源\s+作者：测试作者/);
  });
});

describe('a mistake in an article', () => {
  test.each([
    ['missing-title.md', /^\s*title: 缺少标题 title/m],
    ['unknown-column.md', /^\s*column: 栏目「协会新闻」不存在/m],
    ['impossible-date.md', /impossible-date\.md:3\n\s*日期「2024-02-30」不存在/],
    ['raw-script.mdx', /raw-script\.mdx:9\n\s*正文里不能直接写 <script>/],
  ])(
    '%s stops the build, naming the file and the field or line',
    async (name, message) => {
      const temp = await createTempSite();
      try {
        await temp.write(`content/articles/${name}`, await fixture(`bad/${name}`));
        const { code, output } = await temp.run('astro', ['build']);
        expect(code).not.toBe(0);
        expect(output).toContain(`content/articles/${name}`);
        expect(output).toMatch(message);
      } finally {
        await temp.remove();
      }
    },
    120_000,
  );

  test('two files with the same address stop the build', async () => {
    const temp = await createTempSite();
    try {
      const text = await fixture('articles/fixture-first.md');
      await temp.write('content/articles/2023/same-name.md', text);
      await temp.write('content/articles/2024/same-name.md', text);
      const { code, output } = await temp.run('astro', ['build']);
      expect(code).not.toBe(0);
      expect(output).toMatch(
        /同一个网址 \/news\/same-name\/：content\/articles\/2023\/same-name\.md|2023\/same-name\.md、2024\/same-name\.md/,
      );
    } finally {
      await temp.remove();
    }
  }, 120_000);
});
