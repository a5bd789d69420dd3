// Head metadata of the built pages: what search engines, share cards and portals read.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { absoluteUrl, articleUrl, homeUrl } from '../../src/site/urls.ts';
import { site } from '../../src/site.config.ts';
import { sourceArticles } from './support/content.ts';

const page = async (path: string) => parse(await readFile(join('dist', path, 'index.html'), 'utf8'));
const jsonLd = (root: ReturnType<typeof parse>): Record<string, unknown>[] =>
  root
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.rawText) as Record<string, unknown>);
const metaName = (root: ReturnType<typeof parse>, name: string) =>
  root.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
const metaProperty = (root: ReturnType<typeof parse>, name: string) =>
  root.querySelector(`meta[property="${name}"]`)?.getAttribute('content');

describe('article pages', () => {
  test.each(
    sourceArticles()
      .filter((a) => a.published)
      .map((a) => [a.id, a] as const),
  )('%s carries canonical, Open Graph, JSON-LD and portal meta', async (_, article) => {
    const root = await page(articleUrl(article));
    const url = absoluteUrl(articleUrl(article), site.url);
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(metaProperty(root, 'og:title')).toBe(article.title);
    expect(metaProperty(root, 'og:type')).toBe('article');
    expect(metaProperty(root, 'og:url')).toBe(url);
    expect(metaName(root, 'description')?.length).toBeGreaterThan(10);
    expect(metaName(root, 'ArticleTitle')).toBe(article.title);
    expect(metaName(root, 'PubDate')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(metaName(root, 'ContentSource')).toBeTruthy();
    expect(metaName(root, 'ColumnName')).toBe(article.column);
    const [news, crumbs] = jsonLd(root);
    expect(news).toMatchObject({ '@type': 'NewsArticle', headline: article.title, mainEntityOfPage: url });
    expect(String(news!['datePublished'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
    expect(news!['publisher']).toMatchObject({ '@type': 'Organization', name: site.name });
    // The publisher names the home page's full entry instead of repeating its address.
    const [org] = jsonLd(await page(homeUrl()));
    expect((news!['publisher'] as Record<string, unknown>)['@id']).toBe(org!['@id']);
    expect(org!['@id']).toMatch(/#organization$/);
    expect(news!['publisher']).not.toHaveProperty('telephone');
    expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList' });
  });

  test('the 刘毅 profile names its person and its date', async () => {
    const root = await page(articleUrl({ id: 'laomo-liu-yi' }));
    const [news] = jsonLd(root);
    expect(news).toMatchObject({
      datePublished: '2022-07-12T00:00:00+08:00',
      about: { '@type': 'Person', name: '刘毅', award: '全国纺织工业劳动模范', jobTitle: '党群服务中心主任' },
    });
    expect(metaName(root, 'PubDate')).toBe('2022-07-12 00:00');
    expect(metaName(root, 'ContentSource')).toBe('辽宁省纺织服装协会');
  });

  test('pages awaiting their text carry no article metadata', async () => {
    const awaiting = sourceArticles().find((a) => a.awaitingText)!;
    const root = await page(articleUrl(awaiting));
    expect(jsonLd(root)).toEqual([]);
    expect(metaName(root, 'ArticleTitle')).toBeUndefined();
  });
});

describe('home page', () => {
  test('describes the association and the site search', async () => {
    const [org, website] = jsonLd(await page(homeUrl()));
    expect(org).toMatchObject({ '@type': 'Organization', name: site.name, telephone: site.footer.phone });
    expect(website).toMatchObject({
      '@type': 'WebSite',
      potentialAction: {
        '@type': 'SearchAction',
        target: `${absoluteUrl('/search/', site.url)}?q={search_term_string}`,
      },
    });
  });
});
