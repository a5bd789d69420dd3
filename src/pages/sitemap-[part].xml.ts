import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { buildVisibility } from '../site/articles.ts';
import { siteSitemapEntries, sitemapParts, sitemapXml } from '../site/sitemap.ts';
import { site } from '../site/published-site.ts';

// One sitemap of at most 50,000 addresses, named by the index at /sitemap.xml.
export const getStaticPaths = (async () => {
  const entries = siteSitemapEntries(await getCollection('articles'), buildVisibility(__PREVIEW_UNPUBLISHED__), site);
  return sitemapParts(entries).map((part, i) => ({
    params: { part: String(i + 1) },
    props: { entries: part.entries },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(sitemapXml((props as { entries: Parameters<typeof sitemapXml>[0] }).entries), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
