import { describe, expect, test } from 'vitest';
import { pageFiles } from '../../../src/build/files.ts';
import { statusOf } from '../../../src/site/articles.ts';
import { feedUrl, galleryUrl, homeUrl, searchUrl, sitemapUrl } from '../../../src/site/urls.ts';
import {
  checkArticle,
  duplicateAddresses,
  internalPath,
  readArticle,
  siteAddresses,
  type CheckContext,
} from '../../../src/content-checks/article-checks.ts';

const FILE = 'content/articles/2024/a.md';
const front = (fields = 'title: 标题\ndate: 2024-02-01\ncolumn: 协会动态') => `---\n${fields}\n---\n`;

const context = (files: string[] = [], addresses: string[] = ['/', '/news/other/']): CheckContext => ({
  exists: (path) => files.includes(path),
  addresses: new Set(addresses),
  siteUrl: 'https://www.example.org',
});

/** `line: first words` of each problem, for compact expectations. */
const found = (text: string, ctx = context(), file = FILE) =>
  checkArticle({ file, text }, ctx).map((p) => `${p.line}: ${p.message.slice(0, 16)}`);

describe('checkArticle: front matter', () => {
  test('finds an impossible date that YAML would roll over, with its line', () => {
    const [problem, ...rest] = checkArticle(
      { file: FILE, text: front('title: 标题\ndate: 2024-02-30\ncolumn: 协会动态') + '正文' },
      context(),
    );
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      file: FILE,
      line: 3,
      message: expect.stringMatching(/日期「2024-02-30」不存在.*not a real date/),
    });
  });

  test('names a Chinese field name and a misspelt one in the same report', () => {
    const text = front('title：标题\ndate: 2024-02-01\ncolumn: 协会动态\n作者: 张三\ntag: [西柳]') + '正文。';
    expect(checkArticle({ file: FILE, text }, context()).map((p) => [p.line, p.message.split(' / ')[0]])).toEqual([
      [2, expect.stringMatching(/全角冒号|：/)],
      [5, '字段名要用英文：「作者」请写成 author，如 author: …。'],
      [6, 'tag：未知字段：tag。请检查拼写：tag 是不是要写成 tags？'],
    ]);
  });

  test('accepts a correct article, real dates quoted or with a time', () => {
    expect(found(front() + '正文。')).toEqual([]);
    expect(found(front("title: 标题\ndate: '2024-02-29 09:30'\ncolumn: 协会动态") + '正文。')).toEqual([]);
  });

  test('names the line of a missing, misspelt or unknown field', () => {
    expect(found(front('date: 2024-02-01\ncolumn: 协会动态'))).toEqual(['2: title：缺少标题 title']);
    expect(found(front('tilte: 标题\ndate: 2024-02-01\ncolumn: 协会动态'))).toEqual([
      '2: title：缺少标题 title',
      '2: tilte：未知字段：tilte',
    ]);
    expect(found(front('title: 标题\ndate: 2024-02-01\ncolumn: 协会新闻'))).toEqual(['4: column：栏目「协会新闻」不']);
    expect(
      found(front('title: 标题\ndate: 2024-02-01\ncolumn: 劳模风采\nperson:\n  name: 刘毅\n  honor: 劳模')),
    ).toEqual(['5: person.honour：荣誉', '7: person.honor：未知字']);
  });

  test('explains broken YAML and a missing front matter block', () => {
    expect(found(front('title: 标题: 副标题\ndate: 2024-02-01\ncolumn: 协会动态'))).toEqual([
      '2: 内容里有英文冒号加空格「: 」，',
    ]);
    expect(found('正文，没有文章信息。')).toEqual(['1: 文件开头缺少文章信息：第一行写 ']);
  });

  test('finds cover, portrait and attachment files that are not beside the article', () => {
    const text = front(
      'title: 标题\ndate: 2024-02-01\ncolumn: 通知公告\ncover: ./cover.jpg\ncoverAlt: 会场\nattachments:\n  - ./报名表.docx\n  - file: ./通知.pdf\n    title: 通知原文',
    );
    expect(found(text, context(['content/articles/2024/cover.jpg', 'content/articles/2024/通知.pdf']))).toEqual([
      '8: 找不到附件文件「./报名表.do',
    ]);
    expect(found(text, context(['content/articles/2024/通知.pdf']))).toEqual([
      '5: 找不到封面图文件「./cover',
      '8: 找不到附件文件「./报名表.do',
    ]);
  });

  test('accepts only known attachment types beside the article', () => {
    expect(
      found(front('title: 标题\ndate: 2024-02-01\ncolumn: 通知公告\nattachments: [../x/a.pdf, ./run.exe]')),
    ).toEqual(['5: attachments.0.fi', '5: attachments.1.fi']);
  });
});

describe('checkArticle: body', () => {
  test('reports an MDX syntax error with its line, in Chinese and English', () => {
    const [problem] = checkArticle({ file: 'a.mdx', text: front() + '\n第一段。\n\n<div>\n没有闭合\n' }, context());
    expect(problem?.line).toBe(9);
    expect(problem?.message).toMatch(/^标签 <div> 没有闭合：.* \/ The tag <div> is not closed/);
  });

  test("refuses imports, and components that are not the site's own, even when imported", () => {
    const text =
      front() +
      "import Figure from '../../components/Figure.astro';\n\n<Figure />\n\n<Gallery images={[]} />\n\n<Signoff>协会</Signoff>\n";
    expect(found(text, context(), 'a.mdx')).toEqual([
      '6: 文章里不能写 import 或 ',
      '8: 组件 <Figure> 不存在：',
      '10: 组件 <Gallery> 不存在',
    ]);
  });

  test('reports images without alt text or without their file, in Markdown, HTML and MDX', () => {
    const text = front() + '\n![](./a.jpg)\n\n![会场](./b.jpg)\n\n<img src="./a.jpg">\n\n![徽标](/logo.svg)\n';
    const files = ['content/articles/2024/a.jpg', 'public/logo.svg'];
    expect(found(text, context(files))).toEqual([
      '7: 图片「./a.jpg」缺少说明文',
      '9: 找不到图片文件「./b.jpg」',
      '11: 图片「./a.jpg」缺少说明文',
    ]);
    expect(found(front() + '\n<img src="./a.jpg" />\n', context(files), 'content/articles/2024/a.mdx')).toEqual([
      '7: 图片「./a.jpg」缺少说明文',
    ]);
  });

  test('says how to write an image path with backslashes, as Windows writes it', () => {
    const [problem] = checkArticle({ file: FILE, text: front() + '\n![会场](.\\images\\a.png)\n' }, context());
    expect(problem).toMatchObject({ line: 7, message: expect.stringMatching(/反斜杠.*请写成 \.\/images\/a\.png/) });
  });

  test('warns of a picture over 3 MB, in the text and as the cover', () => {
    const text =
      front('title: 标题\ndate: 2024-02-01\ncolumn: 协会动态\ncover: ./big.png\ncoverAlt: 会场') +
      '\n![会场](./big.png)\n';
    const ctx = { ...context(['content/articles/2024/big.png']), size: () => 32 * 1024 * 1024 };
    expect(checkArticle({ file: FILE, text }, ctx)).toEqual([
      expect.objectContaining({
        line: 5,
        warning: true,
        message: expect.stringMatching(/^图片「\.\/big\.png」有 32\.0 MB/),
      }),
      expect.objectContaining({
        line: 9,
        warning: true,
        message: expect.stringMatching(/^图片「\.\/big\.png」有 32\.0 MB/),
      }),
    ]);
  });

  test('gives a file named in Chinese, with spaces, a pinyin address and no problem', () => {
    const file = 'content/articles/2024/会员大会 新闻稿.md';
    const text = front('title: 协会召开会员大会\ndate: 2024-02-01\ncolumn: 协会动态') + '正文';
    expect(checkArticle({ file, text }, context())).toEqual([]);
    expect(readArticle({ file, text }).entry?.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  test('reports a file that is not UTF-8 first', () => {
    const problems = checkArticle(
      { file: FILE, text: front() + '正文', encodingProblem: '文件是 GBK / GBK' },
      context(),
    );
    expect(problems).toEqual([{ file: FILE, line: 1, message: '文件是 GBK / GBK' }]);
  });

  test('reports internal links to pages the build will not have', () => {
    const text =
      front() +
      '\n[有](/news/other/) [首页](https://www.example.org/) [外站](https://gov.cn/x) [邮件](mailto:a@b.cn) [段落](#a)\n\n' +
      '[无](/news/missing/) [少斜杠](/news/other) [相对](../b/) <a href="https://www.example.org/news/gone/">旧</a>\n';
    const problems = checkArticle({ file: FILE, text }, context()).map((p) => p.message.slice(0, 20));
    expect(problems).toEqual([
      '站内链接「/news/missing/」',
      '站内链接「/news/other」末尾少',
      '链接「../b/」是相对地址，发布后会失',
      '站内链接「https://www.exa',
    ]);
  });

  test('reports raw script and iframe tags outside code blocks', () => {
    const text =
      front() +
      '\n<iframe src="https://v.example"></iframe>\n\n```html\n<script>ok()</script>\n```\n\n<SCRIPT>bad()</SCRIPT>';
    expect(found(text)).toEqual(['7: 正文里不能直接写 <iframe', '13: 正文里不能直接写 <script']);
  });
});

describe('internalPath', () => {
  test('reads links to the site itself as decoded paths, others as undefined', () => {
    expect(internalPath('https://www.example.org/news/a/?x=1#b', 'https://www.example.org')).toBe('/news/a/');
    expect(internalPath('/news/t/%E9%99%84%E4%BB%B6.pdf', 'https://www.example.org')).toBe('/news/t/附件.pdf');
    expect(internalPath('//cdn.example/x', 'https://www.example.org')).toBeUndefined();
    expect(internalPath('https://gov.cn/', 'https://www.example.org')).toBeUndefined();
  });
});

describe('siteAddresses', () => {
  const now = new Date('2024-06-01T00:00:00Z');
  const entries = [
    {
      file: 'content/articles/a.md',
      text: front('title: 甲\ndate: 2024-01-01\ncolumn: 通知公告\nattachments: [./表.xlsx]'),
    },
    { file: 'content/articles/b.md', text: front('title: 乙\ndate: 2024-01-01\ncolumn: 协会动态\ndraft: true') },
    { file: 'content/articles/c/index.md', text: front('title: 丙\ndate: 2025-01-01\ncolumn: 协会动态') },
    { file: 'content/articles/d.md', text: front('title: 丁\ncolumn: 协会动态\nawaitingText: true') },
  ].map((a) => readArticle(a).entry!);
  const site = { columns: [{ name: '协会动态', slug: 'xh', description: '.', order: 1 }], pageSize: 1 };

  test('holds what a build publishes: articles, attachments, column pages, public files', () => {
    const built = siteAddresses(entries, site, { now, dev: false, publicFiles: ['favicon.svg'], pageFiles: [] });
    expect([...built].filter((a) => /news|column|favicon/.test(a))).toEqual([
      '/column/xh/',
      '/column/xh/rss.xml',
      '/news/a/',
      '/news/a/表.xlsx',
      '/news/d/',
      '/favicon.svg',
    ]);
    const dev = siteAddresses(entries, site, { now, dev: true, publicFiles: [], pageFiles: [] });
    expect([...dev].filter((a) => /news|column/.test(a))).toContain('/column/xh/3/');
    expect(dev).toContain('/news/b/');
    expect(dev).toContain('/news/c/');
  });

  test('holds the pages of src/pages, at the addresses urls.ts builds for them', async () => {
    const built = siteAddresses(entries, site, { now, dev: false, publicFiles: [], pageFiles: await pageFiles('.') });
    for (const address of [homeUrl(), galleryUrl(), searchUrl(), feedUrl(), sitemapUrl(), '/robots.txt'])
      expect(built, address).toContain(address);
  });

  test('a page added to src/pages makes editor links to it valid: about.astro is /about/', async () => {
    const text = front() + '\n请看[协会简介](/about/)。\n';
    const pages = await pageFiles('.');
    expect(pages).not.toContain('about.astro');
    const linkProblems = (files: string[]) => {
      const addresses = siteAddresses(entries, site, { now, dev: false, publicFiles: [], pageFiles: files });
      return checkArticle({ file: FILE, text }, { ...context(), addresses }).map((p) => p.message);
    };
    expect(linkProblems(pages)).toEqual([expect.stringContaining('站内链接「/about/」')]);
    expect(linkProblems([...pages, 'about.astro'])).toEqual([]);
  });

  test('statusOf tells drafts, scheduled and awaiting entries apart', () => {
    expect(entries.map((e) => statusOf(e.data, now))).toEqual(['published', 'draft', 'scheduled', 'awaiting']);
  });
});

describe('duplicateAddresses', () => {
  test('names files that would share one address', () => {
    const [problem] = duplicateAddresses(['2022/liu-yi.md', '2023/liu-yi.mdx', 'other.md']);
    expect(problem?.message).toMatch(/\/news\/liu-yi\/：2022\/liu-yi\.md、2023\/liu-yi\.mdx/);
    expect(duplicateAddresses(['a.md', 'b/index.mdx'])).toEqual([]);
  });
});
