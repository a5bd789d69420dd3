import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { parseFeed } from '@rowanmanning/feed-parser';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { absoluteUrl, articleUrl, attachmentUrl, columnUrl, feedUrl, shareImageUrl } from '../../src/site/urls.ts';
import { site } from '../../src/site.config.ts';
import { unstyledClasses, useBrowser } from './support/page.ts';
import { createTempSite, type TempSite } from '../support/temp-site.ts';

const fixture = (name: string): Promise<string> => readFile(join('tests/fixtures', name), 'utf8');
const column = site.columns.find((c) => c.name === '协会动态')!;
/** A small but real PDF for the attachment fixture. */
const PDF =
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n';
// The fixture site's feeds carry the other kind of item than the real site's, so builds try both.
const otherFeedContent = site.feedContent === 'full' ? 'summary' : 'full';

describe('a site with several articles in one column', () => {
  const browser = useBrowser();
  let temp: TempSite;
  let origin: string;
  let buildOutput = '';

  beforeAll(async () => {
    temp = await createTempSite();
    const config = await readFile(join(temp.dir, 'src/site.config.ts'), 'utf8');
    await temp.write(
      'src/site.config.ts',
      config
        .replace(`feedContent: '${site.feedContent}'`, `feedContent: '${otherFeedContent}'`)
        // Cards for the newest eight articles only, so the paging articles of 2020 share the site's.
        .replace(`pageSize: ${site.pageSize},`, `pageSize: ${site.pageSize},\n  shareCardLimit: 8,`),
    );
    for (const name of [
      'fixture-first.md',
      'fixture-second.md',
      'fixture-third.mdx',
      'fixture-notice.md',
      'fixture-draft.md',
      'fixture-scheduled.md',
    ])
      await temp.write(`content/articles/fixtures/${name}`, await fixture(`articles/${name}`));
    await temp.write('content/articles/fixtures/fixture-form.pdf', PDF);
    await temp.write('content/articles/fixtures/fixture-list.xlsx', 'x'.repeat(3000));
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
    const build = await temp.run('build', []);
    expect(build.code, build.output).toBe(0);
    buildOutput = build.output;
    origin = await temp.serve();
  }, 180_000);

  afterAll(() => temp?.remove());

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

  test('a notice lists its attachments with kind and size, and they download', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'fixture-notice' }));
    const list = page.getByRole('region', { name: '附件' });
    await expect(list.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      `培训报名表（PDF，${PDF.length} B）`,
      'fixture-list（Excel，2.9 KB）',
    ]);
    const href = await list.getByRole('link', { name: '培训报名表' }).getAttribute('href');
    expect(href).toBe(attachmentUrl({ id: 'fixture-notice' }, './fixture-form.pdf'));
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    await expect(response.text()).resolves.toBe(PDF);
  });

  test('every class its articles and column pages show has a rule in the stylesheet they link', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    for (const path of [
      ...['fixture-first', 'fixture-third', 'fixture-notice', 'fixture-cover'].map((id) => articleUrl({ id })),
      columnUrl(column, 2),
    ]) {
      await page.goto(path);
      expect(await unstyledClasses(page), path).toEqual([]);
    }
  });

  test('drafts and scheduled articles, and their share cards, stay out of the build, which names those waiting', async () => {
    expect(buildOutput).toMatch(/定时发布.*fixture-scheduled\.md（测试定时发布：协会将召开年会）将于 2099-01-01 09:00/);
    expect(buildOutput).toMatch(/草稿 1 篇，不发布.*fixture-draft\.md/);
    const page = await (await browser.context({ baseURL: origin })).newPage();
    for (const id of ['fixture-draft', 'fixture-scheduled']) {
      expect((await page.request.get(articleUrl({ id }))).status()).toBe(404);
      expect((await page.request.get(shareImageUrl({ id }))).status()).toBe(404);
    }
    expect((await page.request.get(shareImageUrl({ id: 'fixture-first' }))).status()).toBe(200);
    await page.goto(columnUrl(column));
    await expect(page.getByText(/测试草稿|测试定时发布/).count()).resolves.toBe(0);
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

  test("beyond the newest shareCardLimit articles, an article shares the site's card and none is drawn for it", async () => {
    const named = async (id: string) =>
      /<meta property="og:image" content="([^"]+)"/.exec(
        await readFile(join(temp.dir, 'dist', articleUrl({ id }), 'index.html'), 'utf8'),
      )?.[1];
    expect(await named('paging-1')).toBe(absoluteUrl(shareImageUrl(), site.url));
    await expect(readFile(join(temp.dir, 'dist', shareImageUrl({ id: 'paging-1' })))).rejects.toThrow();
    expect(await named('paging-20')).toBe(absoluteUrl(shareImageUrl({ id: 'paging-20' }), site.url));
    await expect(readFile(join(temp.dir, 'dist', shareImageUrl({ id: 'paging-20' })))).resolves.toBeTruthy();
    // A profile keeps its card whatever its age.
    expect(await named('laomo-liu-yi')).toBe(absoluteUrl(shareImageUrl({ id: 'laomo-liu-yi' }), site.url));
  });

  test('the meta line shows time, 来源 and 作者 when given', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'fixture-first' }));
    const meta = await page.locator('header p').first().innerText();
    expect(meta).toMatch(/发布时间：2023年3月1日 09:00\s+来源：测试来源\s+作者：测试作者/);
  });
});

describe('a mistake in an article', () => {
  test.each([
    ['missing-title.md', /missing-title\.md:2\n\s*title：缺少标题 title/],
    ['misspelt-field.md', /misspelt-field\.md:2\n\s*tilte：未知字段：tilte。请检查拼写/],
    ['unknown-column.md', /unknown-column\.md:4\n\s*column：栏目「协会新闻」不存在/],
    ['impossible-date.md', /impossible-date\.md:3\n\s*日期「2024-02-30」不存在/],
    ['raw-script.mdx', /raw-script\.mdx:9\n\s*正文里不能直接写 <script>/],
    ['missing-image.md', /missing-image\.md:9\n\s*找不到图片文件「\.\/huichang\.jpg」/],
    ['image-without-alt.md', /image-without-alt\.md:9\n\s*图片「\/favicon\.svg」缺少说明文字/],
    ['mdx-syntax-error.mdx', /mdx-syntax-error\.mdx:9\n\s*标签 <div> 没有闭合/],
    ['unknown-component.mdx', /unknown-component\.mdx:9\n\s*组件 <Gallery> 不存在/],
    [
      'import-code.mdx',
      /import-code\.mdx:7\n\s*文章里不能写 import 或 export[\s\S]*import-code\.mdx:10\n\s*MDX 把花括号里的「\{host\}」当作代码/,
    ],
    ['expression-script.mdx', /expression-script\.mdx:9\n\s*MDX 把花括号里的「\{<script>/],
    ['set-html.mdx', /set-html\.mdx:9\n\s*「set:html」不能用在文章里/],
    ['expression-attribute.mdx', /expression-attribute\.mdx:9\n\s*标签里的「href=\{…\}」是代码/],
    ['image-module.md', /image-module\.md:9\n\s*图片「\.\/evil\.mjs」不是图片文件/],
    [
      'raw-object.md',
      /raw-object\.md:9\n\s*正文里不能直接写 <object>[\s\S]*raw-object\.md:11\n\s*正文里不能直接写 <embed>/,
    ],
    ['broken-link.md', /broken-link\.md:7\n\s*站内链接「\/news\/liu-yi\/」指向的页面不存在/],
    ['missing-attachment.md', /missing-attachment\.md:6\n\s*找不到附件文件「\.\/baomingbiao\.docx」/],
  ])(
    '%s stops the build, naming the file, the line and the fix, in Chinese and English',
    async (name, message) => {
      const temp = await createTempSite();
      try {
        await temp.write(`content/articles/${name}`, await fixture(`bad/${name}`));
        const { code, output } = await temp.run('astro', ['build']);
        expect(code).not.toBe(0);
        expect(output).toContain(`content/articles/${name}`);
        expect(output).toMatch(message);
        // The English beneath the Chinese.
        expect(output).toMatch(new RegExp(`${name.replace('.', '\\.')}:\\d+\\n.*\\n\\s+[A-Z\`a-z]`));
        // Our report alone: no "unhandled error" wrapper, no stack trace.
        expect(output).toContain('网站没有构建');
        expect(output).not.toMatch(/unhandled error|Location:|^\s+at /m);
      } finally {
        await temp.remove();
      }
    },
    120_000,
  );

  test('a mistake only Astro finds (a damaged picture) is told in Chinese, without a stack trace', async () => {
    const temp = await createTempSite({ withContent: false });
    try {
      await temp.write(
        'content/articles/bad/index.md',
        '---\ntitle: 坏图片\ndate: 2023-03-01\ncolumn: 协会动态\n---\n\n![会场](./bad.png)\n',
      );
      await temp.write('content/articles/bad/bad.png', 'not a picture at all');
      const { code, output } = await temp.run('build', []);
      expect(code).not.toBe(0);
      expect(output).toMatch(/图片「content\/articles\/bad\/bad\.png」已损坏或不是真正的图片/);
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      await temp.remove();
    }
  }, 120_000);

  test('a mistake only its page would show, in a draft, is reported but does not stop the build', async () => {
    const temp = await createTempSite();
    try {
      const text = (await fixture('bad/broken-link.md')).replace('column: 协会动态', 'column: 协会动态\ndraft: true');
      await temp.write('content/articles/broken-link.md', text);
      const { code, output } = await temp.run('astro', ['build']);
      expect(code, output).toBe(0);
      expect(output).toMatch(
        /草稿中有 1 处错误，发布前请改正[\s\S]*broken-link\.md:8\n\s*站内链接「\/news\/liu-yi\/」/,
      );
    } finally {
      await temp.remove();
    }
  }, 120_000);

  test('a failed build leaves the last good site in dist/', async () => {
    const temp = await createTempSite();
    try {
      const good = await temp.run('build', []);
      expect(good.code, good.output).toBe(0);
      const before = await readFile(join(temp.dir, 'dist/index.html'), 'utf8');
      await temp.write('content/articles/missing-title.md', await fixture('bad/missing-title.md'));
      const bad = await temp.run('build', []);
      expect(bad.code).not.toBe(0);
      expect(bad.output).toContain('dist/ 仍是上一次成功构建的网站');
      await expect(readFile(join(temp.dir, 'dist/index.html'), 'utf8')).resolves.toBe(before);
      await expect(readFile(join(temp.dir, 'dist/pagefind/pagefind-entry.json'), 'utf8')).resolves.toContain('zh');
      // A good build after a good one replaces the site, and the old one is deleted in the background.
      await rm(join(temp.dir, 'content/articles/missing-title.md'));
      const again = await temp.run('build', []);
      expect(again.code, again.output).toBe(0);
      const leftovers = async () => (await readdir(temp.dir)).filter((name) => name.startsWith('.dist-'));
      await expect.poll(leftovers, { timeout: 20_000 }).toEqual([]);
    } finally {
      await temp.remove();
    }
  }, 240_000);

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

describe('share cards', () => {
  /** A page of its own naming the share picture at `src`. */
  const pageNaming = (src: string): string =>
    `---\nimport BaseLayout from '../layouts/BaseLayout.astro';\nimport { SHARE_IMAGE } from '../share-card/card.ts';\n---\n\n` +
    `<BaseLayout title="测试" image={{ src: '${src}', ...SHARE_IMAGE, alt: '测试' }}><p>测试</p></BaseLayout>\n`;

  test('a page naming a card no article has stops the build; one the plan lacks is drawn then; the build warns of characters the font lacks', async () => {
    const temp = await createTempSite({ withContent: false });
    try {
      await temp.write('content/articles/fixture-draft.md', await fixture('articles/fixture-draft.md'));
      await temp.write(
        'content/articles/thread.md',
        `---\ntitle: 纺织🧵\ndate: 2020-01-01\ncolumn: 协会动态\n---\n\n正文。\n`,
      );
      await temp.write('src/pages/names-draft.astro', pageNaming(shareImageUrl({ id: 'fixture-draft' })));
      await temp.write('src/pages/names-nothing.astro', pageNaming(shareImageUrl({ id: 'no-such-article' })));
      const { code, output } = await temp.run('astro', ['build']);
      expect(code).not.toBe(0);
      expect(output).toContain(`drawing a card no plan had: ${shareImageUrl({ id: 'fixture-draft' })}`);
      expect(output).toMatch(
        /1 page\(s\) name a share picture that is not there:\n\/names-nothing\/ → \/news\/no-such-article\/share\.png/,
      );
      expect(output).not.toContain('/names-draft/ →');
      expect(output).toContain('分享图缺少字形：🧵（thread），这些字在分享图上会显示为方框。');
    } finally {
      await temp.remove();
    }
  }, 120_000);
});

describe('npm run check:content', () => {
  test('reports every mistake the build would stop on, and Chinese punctuation hints, without building', async () => {
    const temp = await createTempSite();
    try {
      const bad = ['missing-title.md', 'broken-link.md', 'mdx-syntax-error.mdx', 'missing-image.md'];
      for (const name of bad) await temp.write(`content/articles/${name}`, await fixture(`bad/${name}`));
      await temp.write(
        'content/articles/hints.md',
        '---\ntitle: 标点提示\ndate: 2023-03-01\ncolumn: 协会动态\n---\n\n会议在沈阳召开,共三项议程。。\n',
      );
      const { code, output } = await temp.run('check-content', []);
      expect(code).toBe(1);
      for (const name of bad) expect(output).toContain(`错误 / error  content/articles/${name}:`);
      expect(output).toMatch(/提示 \/ hint {3}content\/articles\/hints\.md:7:8\n\s*中文之间用了半角逗号/);
      expect(output).toMatch(/hints\.md:7:14\n\s*标点重复「。。」/);
      expect(output).toMatch(/4 处错误（会让构建停止）/);
      await expect(readFile(join(temp.dir, 'dist/index.html'), 'utf8')).rejects.toThrow();

      for (const name of bad) await rm(join(temp.dir, 'content/articles', name));
      const fixed = await temp.run('check-content', ['--fix']);
      expect(fixed.code, fixed.output).toBe(0);
      expect(fixed.output).toContain('已修改 / fixed 2: content/articles/hints.md');
      await expect(readFile(join(temp.dir, 'content/articles/hints.md'), 'utf8')).resolves.toContain(
        '会议在沈阳召开，共三项议程。\n',
      );
    } finally {
      await temp.remove();
    }
  }, 120_000);
});
