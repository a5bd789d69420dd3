import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildVisibility } from '../site/articles.ts';
import { formatIsoBeijing } from '../site/dates.ts';
import { siteRoutes, sitemapRoutes } from '../site/routes.ts';
import { sitemapXml } from '../site/sitemap.ts';
import { absoluteUrl } from '../site/urls.ts';
import { pageFiles } from '../build/files.ts';
import { site } from '../site.config.ts';

// Lists every page a reader should find through a search engine: home, the gallery,
// every column page and every published article. Entries awaiting their text are left out.
export const GET: APIRoute = async () => {
  const all = await getCollection('articles');
  const routes = siteRoutes(all, site, buildVisibility(__PREVIEW_UNPUBLISHED__), await pageFiles(process.cwd()));
  const entries = sitemapRoutes(routes).map((route) => ({
    loc: absoluteUrl(route.path, site.url),
    lastmod: route.kind === 'article' && route.date ? formatIsoBeijing(route.date) : undefined,
  }));
  return new Response(sitemapXml(entries), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
