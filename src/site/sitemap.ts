import type { SiteConfig } from '../schemas/site.ts';
import { profiles, publishedArticles, type Article, type Visibility } from './articles.ts';
import { formatIsoBeijing } from './dates.ts';
import { SITEMAP_LIMIT, siteRoutes, sitemapRoutes } from './routes.ts';
import { escapeHtml } from './text.ts';
import { absoluteUrl, galleryUrl, homeUrl, sitemapUrl } from './urls.ts';

// Search engines read at most 50,000 addresses (and 50 MB) from one sitemap, so the site
// publishes a sitemap index at /sitemap.xml naming sitemaps of at most 50,000 addresses each
// (/sitemap-1.xml, /sitemap-2.xml, …), at every size: one shape to test, and a site that
// grows past 50,000 articles needs no change of address in robots.txt or a search console.

export { SITEMAP_LIMIT };

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  /** Last modification, as an ISO date. */
  lastmod?: string | undefined;
}

/** A sitemaps.org `urlset` document. */
export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries
    .map((e) => `<url><loc>${escapeHtml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** A sitemaps.org `sitemapindex` document; each entry's `loc` is a sitemap. */
export function sitemapIndexXml(sitemaps: SitemapEntry[]): string {
  const items = sitemaps
    .map(
      (e) => `<sitemap><loc>${escapeHtml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</sitemap>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</sitemapindex>\n`;
}

/** The newest of some ISO dates (they compare as text when written alike), if any. */
export function newest(dates: (string | undefined)[]): string | undefined {
  let latest: string | undefined;
  for (const date of dates) if (date && (!latest || Date.parse(date) > Date.parse(latest))) latest = date;
  return latest;
}

/**
 * The site's addresses cut into sitemaps of at most `limit` each, in order; never none, so
 * the index always names at least one sitemap. Each part's `lastmod` is its newest entry's.
 */
export function sitemapParts(
  entries: SitemapEntry[],
  limit = SITEMAP_LIMIT,
): { entries: SitemapEntry[]; lastmod?: string }[] {
  const parts: { entries: SitemapEntry[]; lastmod?: string }[] = [];
  for (let start = 0; start === 0 || start < entries.length; start += limit) {
    const slice = entries.slice(start, start + limit);
    const lastmod = newest(slice.map((e) => e.lastmod));
    parts.push(lastmod ? { entries: slice, lastmod } : { entries: slice });
  }
  return parts;
}

/**
 * Every page a reader should find through a search engine, in the route model's order
 * (`sitemapRoutes`): the pages of src/pages but search and the back office, every column page
 * and every published article (entries awaiting their text are left out). A list page's
 * `lastmod` is its newest article's date: a column page's from the route model, the home page's
 * and the gallery's from what they list.
 */
export function siteSitemapEntries(
  all: Article[],
  visibility: Visibility,
  site: Pick<SiteConfig, 'columns' | 'pageSize' | 'url'>,
): SitemapEntry[] {
  const newest = (list: Article[]): Date | undefined => publishedArticles(list, visibility)[0]?.data.date;
  const listed = new Map([
    [homeUrl(), newest(all)],
    [galleryUrl(), newest(profiles(all, visibility))],
  ]);
  return sitemapRoutes(siteRoutes(all, site, visibility)).map((route) => {
    const loc = absoluteUrl(route.path, site.url);
    const date = route.kind === 'page' ? listed.get(route.path) : route.date;
    return date ? { loc, lastmod: formatIsoBeijing(date) } : { loc };
  });
}

/** The `<loc>` addresses a sitemap or sitemap index names, unescaped. */
export function sitemapLocs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
    m[1]!
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&'),
  );
}

/**
 * Every page address of a site's sitemaps, as paths, read through `read` (a file of dist/
 * or a fetch, by site path): the index at /sitemap.xml, then each sitemap it names.
 */
export async function sitemapPages(read: (path: string) => Promise<string>): Promise<string[]> {
  const index = await read(sitemapUrl());
  const sitemaps = sitemapLocs(index).map((loc) => new URL(loc).pathname);
  const pages = await Promise.all(sitemaps.map(async (path) => sitemapLocs(await read(path))));
  return pages.flat().map((loc) => new URL(loc).pathname);
}
