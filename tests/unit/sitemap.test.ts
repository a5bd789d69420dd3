import { describe, expect, test } from 'vitest';
import { sitemapXml } from '../../src/site/sitemap.ts';

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
