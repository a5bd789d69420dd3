import { describe, expect, test } from 'vitest';
import { buildVisibility } from '../../../src/site/articles.ts';
import { columnRoutes, pageAddress, siteRoutes, sitemapRoutes } from '../../../src/site/routes.ts';
import { site } from '../../../src/site.config.ts';
import { article } from '../fixtures.ts';

describe('pageAddress', () => {
  test('gives the address Astro builds a file of src/pages at', () => {
    expect(pageAddress('index.astro')).toBe('/');
    expect(pageAddress('laomo.astro')).toBe('/laomo/');
    expect(pageAddress('about.md')).toBe('/about/');
    expect(pageAddress('admin/index.astro')).toBe('/admin/');
    expect(pageAddress('404.astro')).toBe('/404.html');
    expect(pageAddress('robots.txt.ts')).toBe('/robots.txt');
    expect(pageAddress('column/[column]/rss.xml.ts')).toBeUndefined();
    expect(pageAddress('news/[slug].astro')).toBeUndefined();
    expect(pageAddress('_draft.astro')).toBeUndefined();
  });
});

describe('siteRoutes', () => {
  const column = site.columns[0]!;
  const visibility = buildVisibility(false, new Date('2030-01-01T00:00:00Z'));
  const entries = [
    article('older', { title: 'older', date: '2024-01-01', column: column.name }),
    article('newer', { title: 'newer', date: '2024-02-01', column: column.name }),
    article('draft', { title: 'draft', date: '2024-03-01', column: column.name, draft: true }),
    article('waiting', { title: 'waiting', column: column.name, awaitingText: true }, ''),
  ];
  const routes = siteRoutes(entries, { columns: [column], pageSize: 2 }, visibility, ['index.astro', 'search.astro']);

  test('lists pages, column pages and feeds, then entries newest first and those awaiting their text', () => {
    expect(routes.map((r) => `${r.kind} ${r.path}`)).toEqual([
      'page /',
      'page /search/',
      `column /column/${column.slug}/`,
      `column /column/${column.slug}/2/`,
      `feed /column/${column.slug}/rss.xml`,
      'article /news/newer/',
      'article /news/older/',
      'awaiting /news/waiting/',
      'sitemap /sitemap-1.xml',
    ]);
  });

  test('the sitemap leaves out search, feeds and entries awaiting their text', () => {
    expect(sitemapRoutes(routes).map((r) => r.path)).toEqual([
      '/',
      `/column/${column.slug}/`,
      `/column/${column.slug}/2/`,
      '/news/newer/',
      '/news/older/',
    ]);
  });

  test('a column page knows how many of its entries are published', () => {
    const pages = columnRoutes(entries, { columns: [column], pageSize: 2 }, visibility);
    expect(pages.map((p) => [p.page.number, p.page.items.map((a) => a.id), p.published])).toEqual([
      [1, ['newer', 'older'], 2],
      [2, ['waiting'], 2],
    ]);
  });
});
