import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, test } from 'vitest';
import { absoluteUrl, articleUrl, feedUrl, searchUrl, sitemapUrl } from '../../src/site/urls.ts';
import { site } from '../../src/site.config.ts';
import { sourceArticles } from './support/content.ts';
import { base } from './support/page.ts';
import { bindPunctuation } from '../../src/site/typesetting.ts';

const articles = sourceArticles();
const url = (a: { id: string }): string => absoluteUrl(articleUrl(a), site.url);

async function get(path: string): Promise<{ type: string; body: string }> {
  const response = await fetch(new URL(path, base()));
  expect(response.status).toBe(200);
  return { type: response.headers.get('content-type') ?? '', body: await response.text() };
}

describe('RSS feeds', () => {
  test('the site feed parses and lists exactly the published articles, with dates and columns', async () => {
    const feed = parseFeed((await get(feedUrl())).body);
    expect(feed.title).toBe(site.name);
    expect(feed.language).toBe('zh-cn');
    const links = feed.items.map((i) => i.url);
    expect(links.sort()).toEqual(
      articles
        .filter((a) => a.published)
        .map(url)
        .sort(),
    );
    const liu = feed.items.find((i) => i.url === url({ id: 'laomo-liu-yi' }))!;
    expect(liu.published?.toISOString()).toBe('2022-07-11T16:00:00.000Z');
    expect(liu.categories.map((c) => c.label)).toEqual(['劳模风采']);
  });

  test('items carry the whole article, with absolute addresses, or only its summary, as the site says', async () => {
    const { body } = await get(feedUrl());
    const feed = parseFeed(body);
    const liu = feed.items.find((i) => i.url === url({ id: 'laomo-liu-yi' }))!;
    const source = articles.find((a) => a.id === 'laomo-liu-yi')!;
    expect(liu.description).toMatch(/^7月12日,全国纺织工业/);
    if (site.feedContent === 'summary') {
      expect(body).not.toContain('<content:encoded>');
      return;
    }
    const html = liu.content ?? '';
    expect(html).toContain('<h2');
    const text = html.replace(/<[^>]+>/g, '');
    for (const paragraph of source.paragraphs) expect(text).toContain(bindPunctuation(paragraph));
    expect(html).not.toMatch(/\s(?:href|src)="\/(?!\/)/);
  });

  test.each(site.columns.map((c) => [c.name, c] as const))(
    'the %s feed lists exactly its published articles',
    async (_, column) => {
      const feed = parseFeed((await get(feedUrl(column))).body);
      const expected = articles.filter((a) => a.published && a.column === column.name).map(url);
      expect(feed.items.map((i) => i.url).sort()).toEqual(expected.sort());
    },
  );

  test('pages name their feeds for autodiscovery', async () => {
    const { body } = await get(articleUrl({ id: 'laomo-liu-yi' }));
    expect(body).toContain(`type="application/rss+xml" title="${site.name} RSS" href="${feedUrl()}"`);
    expect(body).toContain(`href="${feedUrl(site.columns.find((c) => c.name === '劳模风采')!)}"`);
  });
});

describe('sitemap', () => {
  const all = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
  test('is an index of sitemaps that list every published article and nothing awaiting its text', async () => {
    const { type, body } = await get(sitemapUrl());
    expect(type).toContain('xml');
    expect(body).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const sitemaps = all(body);
    expect(sitemaps).toEqual([absoluteUrl(sitemapUrl(1), site.url)]);
    const locs: string[] = [];
    for (const sitemap of sitemaps) {
      const part = await get(new URL(sitemap).pathname);
      expect(part.type).toContain('xml');
      expect(part.body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
      expect(body).toMatch(new RegExp(`<loc>${sitemap}</loc><lastmod>\\d{4}-\\d\\d-\\d\\d`));
      locs.push(...all(part.body));
    }
    for (const a of articles) expect(locs.includes(url(a)), a.file).toBe(a.published);
    expect(locs).toContain(absoluteUrl('/', site.url));
  });

  test('is named in robots.txt', async () => {
    const { body } = await get('/robots.txt');
    expect(body).toContain(`Sitemap: ${absoluteUrl(sitemapUrl(), site.url)}`);
  });

  test('robots.txt keeps crawlers off search results but not off the search page', async () => {
    const { body } = await get('/robots.txt');
    const disallowed = [...body.matchAll(/^Disallow: (.*)$/gm)].map((m) => m[1]!);
    expect(disallowed).toEqual([`${searchUrl()}?`]);
    const page = await get(searchUrl());
    expect(page.body).not.toMatch(/<meta name="robots"/);
  });
});
