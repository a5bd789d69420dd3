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
  return `${articleUrl(article)}${attachmentName(file)}`;
}

/** `报名表.docx` of `./报名表.docx`: an attachment's name, the last segment of its address. */
export const attachmentName = (file: string): string => file.replace(/^.*[/\\]/, '');

/** `/news/laomo-liu-yi/share.png`: an article's share card; `/share.png`: the site's. */
export function shareImageUrl(article?: { id: string }): string {
  return article ? `${articleUrl(article)}share.png` : '/share.png';
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

/** `/sitemap.xml`, the sitemap index; `/sitemap-2.xml`, one of the sitemaps it names. */
export function sitemapUrl(part?: number): string {
  return part ? `/sitemap-${part}.xml` : '/sitemap.xml';
}

/** The back office (编辑后台): linked from no page, kept out of the sitemap, search and feeds. */
export const adminUrl = (): string => '/admin/';

/** A site path made absolute against the configured site address. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

// The share pages of other services: plain links, so no script of theirs runs on ours.

/**
 * A query value as `encodeURIComponent` writes it, but with the characters beyond ASCII (汉字,
 * full-width punctuation) left as they are: a browser encodes them as UTF-8 when it follows the
 * link, and a headline of 20 characters takes 60 bytes of the page instead of 180. `:`, `/` and
 * `@` stay too, as a query may hold them (RFC 3986): a shared address reads as one. The rest of
 * ASCII (with `&`, `=`, `#`, `%`, spaces), C1 controls, noncharacters and surrogates are still
 * encoded, so the link is a valid URL and reads back the same value.
 */
export const encodeQueryValue = (value: string): string =>
  value.replace(/[\0-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]+/g, (run) =>
    encodeURIComponent(run).replace(/%3A|%2F|%40/g, decodeURIComponent),
  );
const encode = encodeQueryValue;

/** Weibo's share page for an absolute link and its headline. */
export function weiboShareUrl(url: string, title: string): string {
  return `https://service.weibo.com/share/share.php?url=${encode(url)}&title=${encode(title)}`;
}

/** QQ空间's share page for an absolute link, its headline and summary. */
export function qzoneShareUrl(url: string, title: string, summary: string): string {
  return `https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=${encode(url)}&title=${encode(title)}&summary=${encode(summary)}`;
}

/**
 * A new e-mail with the headline as subject and the link in the body (`%20`, never `+`, for
 * spaces; `/` encoded, as a mailto: value may not hold it, RFC 6068).
 */
export function mailShareUrl(url: string, title: string): string {
  const mail = (value: string) => encode(value).replaceAll('/', '%2F');
  return `mailto:?subject=${mail(title)}&body=${mail(`${title}\n${url}`)}`;
}
