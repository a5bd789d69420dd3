import { describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import {
  SITEMAP_LIMIT,
  siteSitemapEntries,
  sitemapIndexXml,
  sitemapParts,
  sitemapXml,
  type SitemapEntry,
} from '../../../src/site/sitemap.ts';
import { buildVisibility } from '../../../src/site/articles.ts';
import { site } from '../../../src/site.config.ts';
import { adminUrl, columnUrl, galleryUrl, homeUrl, searchUrl } from '../../../src/site/urls.ts';
import { article } from '../fixtures.ts';

describe('sitemapXml', () => {
  test('writes a urlset with escaped locations and optional lastmod', () => {
    const xml = sitemapXml([
      { loc: 'https://example.org/?a=1&b=2' },
      { loc: 'https://example.org/n/', lastmod: '2022-07-12' },
    ]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain('<url><loc>https://example.org/?a=1&amp;b=2</loc></url>');
    expect(xml).toContain('<lastmod>2022-07-12</lastmod>');
  });
});

describe('the sitemap index', () => {
  // A generated route list the size of a site of 120,000 articles: more than two sitemaps hold.
  const routes: SitemapEntry[] = Array.from({ length: 120_000 }, (_, i) => ({
    loc: `https://example.org/news/2020/article-${i}/`,
    lastmod: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
  }));

  test('cuts 120,000 addresses into sitemaps of at most 50,000, in order, losing none', () => {
    const parts = sitemapParts(routes);
    expect(parts.map((p) => p.entries.length)).toEqual([50_000, 50_000, 20_000]);
    expect(parts.flatMap((p) => p.entries)).toEqual(routes);
    for (const part of parts) {
      const xml = sitemapXml(part.entries);
      // Counted, not parsed: an HTML parser takes most of the test's time at this size.
      expect(xml.match(/<url>/g)!.length).toBe(part.entries.length);
      expect(part.entries.length).toBeLessThanOrEqual(SITEMAP_LIMIT);
      expect(Buffer.byteLength(xml)).toBeLessThan(50 * 1024 * 1024);
    }
  }, 30_000);

  test("names each sitemap with its newest entry's date", () => {
    const parts = sitemapParts(routes);
    expect(parts.map((p) => p.lastmod)).toEqual([
      routes[49_999]!.lastmod,
      routes[99_999]!.lastmod,
      routes.at(-1)!.lastmod,
    ]);
    const xml = sitemapIndexXml(
      parts.map((p, i) => ({ loc: `https://example.org/sitemap-${i + 1}.xml`, lastmod: p.lastmod })),
    );
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const items = parse(xml).querySelectorAll('sitemap');
    expect(items.map((s) => s.querySelector('loc')!.text)).toEqual(
      [1, 2, 3].map((n) => `https://example.org/sitemap-${n}.xml`),
    );
    expect(items.map((s) => s.querySelector('lastmod')!.text)).toEqual(parts.map((p) => p.lastmod));
  });

  test('an empty site still has one sitemap, so the index is never empty', () => {
    expect(sitemapParts([])).toEqual([{ entries: [] }]);
  });
});

describe('siteSitemapEntries', () => {
  const visibility = buildVisibility(false, new Date('2024-01-01T00:00:00+08:00'));
  const column = site.columns[0]!;
  const all = [
    article('old', { title: '旧文', column: column.name, date: '2022-07-12' }),
    article('new', { title: '新文', column: column.name, date: '2023-03-01' }),
    article('draft', { title: '草稿', column: column.name, date: '2023-04-01', draft: true }),
    article('later', { title: '定时', column: column.name, date: '2025-01-01' }),
    article('awaiting', { title: '待补', column: column.name, awaitingText: true }),
  ];
  const entries = siteSitemapEntries(all, visibility, { ...site, url: 'https://example.org' });
  const locs = entries.map((e) => new URL(e.loc).pathname);

  test('lists home, gallery, column pages and published articles only', () => {
    expect(locs).toContain('/');
    expect(locs.filter((l) => l.startsWith('/news/'))).toHaveLength(2);
    for (const left of ['draft', 'later', 'awaiting']) expect(locs.some((l) => l.includes(left))).toBe(false);
  });

  test('takes the pages of src/pages from the route model: the gallery, never search or the back office', () => {
    expect(locs.slice(0, 2)).toEqual([homeUrl(), galleryUrl()]);
    expect(locs).not.toContain(searchUrl());
    expect(locs).not.toContain(adminUrl());
    for (const c of site.columns) expect(locs).toContain(columnUrl(c));
  });

  test('dates a list page by its newest article, and an article by its own date', () => {
    expect(entries[0]!.lastmod).toMatch(/^2023-03-01/);
    const columnPage = entries.find((e) => new URL(e.loc).pathname.startsWith(`/column/${column.slug}/`));
    expect(columnPage?.lastmod).toMatch(/^2023-03-01/);
    expect(entries.at(-1)!.lastmod).toMatch(/^2022-07-12/);
  });
});
