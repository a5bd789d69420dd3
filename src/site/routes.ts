// The route model: every address the site has, worked out once from the articles, the site
// config and the files of src/pages. The pages' getStaticPaths, the sitemap and the content
// checks' link check all read it, so a page added to src/pages (about.astro) is an address
// everywhere at once, and a column page or an attachment cannot exist for one and not another.
// In Vite (the build, the dev server, the unit tests) the files of src/pages are those the build
// integration read (__PAGE_FILES__); the content checks, run before Vite, read them themselves.
import type { Column, SiteConfig } from '../schemas/site.ts';
import { articlesInColumn, isPublished, listedArticles, type Listable, type Visibility } from './articles.ts';
import { paginate, type Page } from './pagination.ts';
import { adminUrl, articleUrl, attachmentUrl, columnUrl, feedUrl, searchUrl, sitemapUrl } from './urls.ts';

/** Addresses per sitemap: the limit of sitemaps.org (see sitemap.ts). */
export const SITEMAP_LIMIT = 50_000;

/** What the routes read of an entry: the publication fields and its attachments. */
export type Routable = Listable & { data: { attachments: readonly { file: string }[] } };

/** One page of a column, with the number of its published entries (the others await their text). */
export interface ColumnRoute<A> {
  column: Column;
  page: Page<A>;
  published: number;
}

/** The date of the newest published entry of `entries`, if one is published. */
function newestDate(entries: readonly Listable[], visibility: Visibility): Date | undefined {
  let newest: Date | undefined;
  for (const entry of entries)
    if (isPublished(entry, visibility) && entry.data.date && (!newest || entry.data.date > newest))
      newest = entry.data.date;
  return newest;
}

/** Every page of every column: newest first, then the entries awaiting their text; an empty column has its page. */
export function columnRoutes<A extends Listable>(
  all: A[],
  site: Pick<SiteConfig, 'columns' | 'pageSize'>,
  visibility: Visibility,
): ColumnRoute<A>[] {
  return site.columns.flatMap((column) => {
    const entries = articlesInColumn(all, column, visibility);
    const published = entries.filter((a) => isPublished(a, visibility)).length;
    return paginate(entries, site.pageSize).map((page) => ({ column, page, published }));
  });
}

/** The entries that get a page: published articles and the entries awaiting their text. */
export const articleRoutes = listedArticles;

/** The files attached to the entries that get a page, each with its entry. */
export function attachmentRoutes<A extends Routable>(
  all: A[],
  visibility: Visibility,
): { entry: A; attachment: A['data']['attachments'][number] }[] {
  return listedArticles(all, visibility).flatMap((entry) =>
    entry.data.attachments.map((attachment) => ({ entry, attachment })),
  );
}

/**
 * The address of a file of src/pages that is not a dynamic route (`[slug].astro`): `index.astro`
 * is `/`, `laomo.astro` is `/laomo/`, `404.astro` is `/404.html`, an endpoint `robots.txt.ts`
 * is `/robots.txt` (Astro's rules with `build.format: 'directory'`). Undefined for a dynamic
 * route or a file Astro does not route (a leading `_`).
 */
export function pageAddress(file: string): string | undefined {
  const path = file.replace(/\\/g, '/');
  if (/\[|(^|\/)_/.test(path)) return undefined;
  const endpoint = /^(.+\.[a-z0-9]+)\.(ts|js|mjs)$/i.exec(path);
  if (endpoint) return `/${endpoint[1]}`;
  const page = /^(.*?)(?:\/?index)?\.(astro|md|mdx|html)$/i.exec(path);
  if (!page) return undefined;
  if (page[1] === '404' || page[1] === '500') return `/${page[1]}.html`;
  return page[1] ? `/${page[1]}/` : '/';
}

/** What an address is: it decides whether the sitemap lists it. */
export type RouteKind = 'page' | 'column' | 'feed' | 'sitemap' | 'article' | 'awaiting' | 'attachment';

export interface Route {
  path: string;
  kind: RouteKind;
  /** An article's publication date; a column page's newest published article's. */
  date?: Date | undefined;
}

/**
 * Every address of a build, in this order: the pages of src/pages (`pageFiles`, relative to
 * it), each column's pages and feed, then each entry with a page followed by its attachments,
 * then the sitemaps the index at /sitemap.xml names (`sitemapRoutes` cut into `SITEMAP_LIMIT`).
 */
export function siteRoutes<A extends Routable>(
  all: A[],
  site: Pick<SiteConfig, 'columns' | 'pageSize'>,
  visibility: Visibility,
  pageFiles: readonly string[] = __PAGE_FILES__,
): Route[] {
  const routes: Route[] = pageFiles.flatMap((file) => {
    const path = pageAddress(file);
    return path ? [{ path, kind: path === feedUrl() ? ('feed' as const) : ('page' as const) }] : [];
  });
  for (const column of site.columns) {
    for (const { page } of columnRoutes(all, { columns: [column], pageSize: site.pageSize }, visibility))
      routes.push({ path: columnUrl(column, page.number), kind: 'column', date: newestDate(page.items, visibility) });
    routes.push({ path: feedUrl(column), kind: 'feed' });
  }
  for (const entry of articleRoutes(all, visibility)) {
    const published = isPublished(entry, visibility);
    routes.push({ path: articleUrl(entry), kind: published ? 'article' : 'awaiting', date: entry.data.date });
    for (const attachment of entry.data.attachments)
      routes.push({ path: attachmentUrl(entry, attachment.file), kind: 'attachment' });
  }
  const sitemaps = Math.max(1, Math.ceil(sitemapRoutes(routes).length / SITEMAP_LIMIT));
  for (let part = 1; part <= sitemaps; part++) routes.push({ path: sitemapUrl(part), kind: 'sitemap' });
  return routes;
}

/**
 * What a search engine should find: the pages of src/pages but search and the back office,
 * the column pages and the published articles; never an entry awaiting its text.
 */
export function sitemapRoutes(routes: readonly Route[]): Route[] {
  const unlisted = new Set([searchUrl(), adminUrl()]);
  return routes.filter(
    (r) =>
      (r.kind === 'page' && r.path.endsWith('/') && !unlisted.has(r.path)) ||
      r.kind === 'column' ||
      r.kind === 'article',
  );
}
