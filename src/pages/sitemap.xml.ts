import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { articlesInColumn, buildVisibility, publishedArticles } from '../site/articles.ts';
import { formatIsoBeijing } from '../site/dates.ts';
import { paginate } from '../site/pagination.ts';
import { sitemapXml } from '../site/sitemap.ts';
import { absoluteUrl, articleUrl, columnUrl, galleryUrl, homeUrl } from '../site/urls.ts';
import { site } from '../site.config.ts';

// Lists every page a reader should find through a search engine: home, the gallery,
// every column page and every published article. Entries awaiting their text are left out.
export const GET: APIRoute = async () => {
  const all = await getCollection('articles');
  const visibility = buildVisibility(__PREVIEW_UNPUBLISHED__);
  const paths = [homeUrl(), galleryUrl()].map((p) => ({ loc: absoluteUrl(p, site.url) }));
  const columns = site.columns.flatMap((column) =>
    paginate(articlesInColumn(all, column, visibility), site.pageSize).map((page) => ({
      loc: absoluteUrl(columnUrl(column, page.number), site.url),
    })),
  );
  const articles = publishedArticles(all, visibility).map((article) => ({
    loc: absoluteUrl(articleUrl(article), site.url),
    lastmod: formatIsoBeijing(article.data.date),
  }));
  return new Response(sitemapXml([...paths, ...columns, ...articles]), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
