import { describe, expect, test } from 'vitest';
import { absoluteUrl, articleUrl, feedUrl, sitemapUrl } from '../../src/lib/urls.ts';
import { site } from '../../src/site.config.ts';
import { sourceArticles } from './support/content.ts';
import { base } from './support/page.ts';

const articles = sourceArticles();
const url = (a: { id: string }): string => absoluteUrl(articleUrl(a), site.url);
const all = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

async function get(path: string): Promise<{ type: string; body: string }> {
  const response = await fetch(new URL(path, base()));
  expect(response.status).toBe(200);
  return { type: response.headers.get('content-type') ?? '', body: await response.text() };
}

describe('RSS feed', () => {
  test('lists every published article and nothing awaiting its text', async () => {
    const { body } = await get(feedUrl());
    expect(body).toMatch(/^<\?xml/);
    const links = all(body, 'link');
    for (const a of articles) expect(links.includes(url(a)), a.file).toBe(a.published);
    expect((body.match(/<item>/g) ?? []).length).toBe(articles.filter((a) => a.published).length);
    expect(body).toContain('<category>劳模风采</category>');
  });
});

describe('sitemap', () => {
  test('lists every published article and nothing awaiting its text', async () => {
    const { type, body } = await get(sitemapUrl());
    expect(type).toContain('xml');
    const locs = all(body, 'loc');
    for (const a of articles) expect(locs.includes(url(a)), a.file).toBe(a.published);
    expect(locs).toContain(absoluteUrl('/', site.url));
  });

  test('is named in robots.txt', async () => {
    const { body } = await get('/robots.txt');
    expect(body).toContain(`Sitemap: ${absoluteUrl(sitemapUrl(), site.url)}`);
  });
});
