import { getRssString } from '@astrojs/rss';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, test } from 'vitest';
import type { PublishedArticle } from '../../../src/site/articles.ts';
import { absoluteLinks, feedOptions } from '../../../src/site/feed.ts';
import { site } from '../../../src/site.config.ts';
import { article } from '../fixtures.ts';

const articles = [
  article('newer', { title: '新闻', date: '2023-01-01', column: '协会动态', summary: '新闻的摘要。' }),
  article('older', { title: '旧闻', date: '2022-01-01', column: '行业资讯' }, '旧闻的第一句。第二句。'),
] as PublishedArticle[];
const html = async (a: PublishedArticle): Promise<string> =>
  `<h2 id="a">${a.data.title}</h2><p>正文<a href="/news/other/">另一篇</a><a href="#a">本节</a></p><img src="/_astro/x.webp" srcset="/_astro/x-720.webp 720w, /_astro/x-1080.webp 1080w">`;

async function parsed(feedContent: 'full' | 'summary') {
  const options = await feedOptions({ ...site, feedContent }, site.name, site.description, articles, html);
  const xml = await getRssString(options);
  return Object.assign(parseFeed(xml), { xml });
}

describe('feedOptions', () => {
  test('full: each item carries the whole article with absolute addresses, and its summary', async () => {
    const feed = await parsed('full');
    expect(feed.items.map((i) => i.title)).toEqual(['新闻', '旧闻']);
    const [newer, older] = feed.items;
    expect(newer!.description).toBe('新闻的摘要。');
    expect(older!.description).toBe('旧闻的第一句。第二句。');
    expect(newer!.content).toContain('<h2 id="a">新闻</h2>');
    expect(newer!.content).toContain(`href="${site.url}/news/other/"`);
    expect(newer!.content).toContain(`href="${site.url}/news/newer/#a"`);
    expect(newer!.content).toContain(`src="${site.url}/_astro/x.webp"`);
    expect(newer!.content).toContain(
      `srcset="${site.url}/_astro/x-720.webp 720w, ${site.url}/_astro/x-1080.webp 1080w"`,
    );
    expect(newer!.categories.map((c) => c.label)).toEqual(['协会动态']);
    expect(feed.xml).toContain('<content:encoded>');
  });

  test('summary: items carry only the summary or the opening sentences', async () => {
    const feed = await parsed('summary');
    expect(feed.items.map((i) => i.description)).toEqual(['新闻的摘要。', '旧闻的第一句。第二句。']);
    expect(feed.xml).not.toContain('content:encoded');
    expect(feed.xml).not.toContain('正文');
  });

  test('the site setting defaults to full content and refuses anything else', async () => {
    const { siteSchema } = await import('../../../src/schemas/site.ts');
    const { feedContent: _, ...rest } = site;
    expect(siteSchema.parse(rest).feedContent).toBe('full');
    expect(() => siteSchema.parse({ ...rest, feedContent: 'all' })).toThrow(/feedContent 只能是 full/);
  });
});

describe('absoluteLinks', () => {
  test('leaves addresses that are already absolute alone', () => {
    const links =
      '<a href="https://example.org/x">x</a><a href="mailto:a@b.cn">m</a><img src="data:image/png;base64,AA">';
    expect(absoluteLinks(links, 'https://site.org/news/a/')).toBe(links);
  });
  test('resolves relative addresses against the page', () => {
    expect(absoluteLinks('<img src="./p.jpg"><a href="/b/">b</a>', 'https://site.org/news/a/')).toBe(
      '<img src="https://site.org/news/a/p.jpg"><a href="https://site.org/b/">b</a>',
    );
  });
});
