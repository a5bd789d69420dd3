import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildVisibility } from '../site/articles.ts';
import { siteSitemapEntries, sitemapIndexXml, sitemapParts } from '../site/sitemap.ts';
import { absoluteUrl, sitemapUrl } from '../site/urls.ts';
import { site } from '../site/published-site.ts';

// The sitemap index: names /sitemap-1.xml, /sitemap-2.xml, … (see site/sitemap.ts).
export const GET: APIRoute = async () => {
  const entries = siteSitemapEntries(await getCollection('articles'), buildVisibility(__PREVIEW_UNPUBLISHED__), site);
  const parts = sitemapParts(entries).map((part, i) => ({
    loc: absoluteUrl(sitemapUrl(i + 1), site.url),
    lastmod: part.lastmod,
  }));
  return new Response(sitemapIndexXml(parts), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
