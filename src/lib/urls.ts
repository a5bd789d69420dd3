// Every URL of the site is built here and nowhere else: pages, feeds, sitemap and tests
// all call these functions, so an address can change in one place.
import type { Column } from '../schemas/site.ts';

/** `/`: the home page. */
export const homeUrl = (): string => '/';

/** `/column/xiehui-dongtai/`, and `/column/xiehui-dongtai/2/` for later pages. */
export function columnUrl(column: Pick<Column, 'slug'>, page = 1): string {
  return page <= 1 ? `/column/${column.slug}/` : `/column/${column.slug}/${page}/`;
}

/** `/news/laomo-liu-yi/`: an article, by its slug. */
export const articleUrl = (article: { id: string }): string => `/news/${article.id}/`;

/** `/news/tongzhi/报名表.docx`: a file attached to an article (`./报名表.docx` beside it). */
export function attachmentUrl(article: { id: string }, file: string): string {
  return `${articleUrl(article)}${file.replace(/^.*[/\\]/, '')}`;
}

/** `/laomo/`: the 劳模风采 gallery. */
export const galleryUrl = (): string => '/laomo/';

/** `/search/`, with `?q=` when a query is given. */
export function searchUrl(query?: string): string {
  return query ? `/search/?q=${encodeURIComponent(query)}` : '/search/';
}

/** `/rss.xml`: the site feed; `/column/xiehui-dongtai/rss.xml`: a column's. */
export function feedUrl(column?: Pick<Column, 'slug'>): string {
  return column ? `/column/${column.slug}/rss.xml` : '/rss.xml';
}

/** `/sitemap.xml`. */
export const sitemapUrl = (): string => '/sitemap.xml';

/** A site path made absolute against the configured site address. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
