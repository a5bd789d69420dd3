import type { RSSOptions } from '@astrojs/rss';
import type { PublishedArticle } from './articles.ts';
import { columnOf } from './articles.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { describe, paragraphsOf } from './article-text.ts';
import { absoluteUrl, articleUrl } from './urls.ts';

/**
 * An RSS feed of the newest `site.feedLimit` articles: each item with its summary (or the
 * opening sentences), publication date (RSS writes RFC 822) and column as category, and,
 * when `site.feedContent` is `full`, the whole article as HTML from `renderHtml`, its links
 * and pictures made absolute so they work in a feed reader.
 */
export async function feedOptions<A extends PublishedArticle>(
  site: SiteConfig,
  title: string,
  description: string,
  newestFirst: A[],
  renderHtml: (article: A) => Promise<string>,
): Promise<RSSOptions> {
  const items = newestFirst.slice(0, site.feedLimit).map(async (article) => {
    const link = absoluteUrl(articleUrl(article), site.url);
    return {
      title: article.data.title,
      link,
      pubDate: article.data.date,
      description: article.data.summary ?? describe(paragraphsOf(article.body ?? '', article.filePath), 200),
      ...(site.feedContent === 'full' ? { content: absoluteLinks(await renderHtml(article), link) } : {}),
      categories: [columnOf(article, site).name],
      ...(article.data.author ? { author: article.data.author } : {}),
    };
  });
  return {
    title,
    description,
    site: site.url,
    customData: '<language>zh-cn</language>',
    items: await Promise.all(items),
  };
}

/**
 * HTML with every `href`, `src` and `srcset` address resolved against `base` (the page it
 * comes from): a feed reader shows it away from the site, where `/news/…` would lead nowhere.
 */
export function absoluteLinks(html: string, base: string): string {
  const resolve = (address: string): string => {
    try {
      return new URL(address, base).href;
    } catch {
      return address;
    }
  };
  return html
    .replace(
      /(\s(?:href|src)=")([^"]*)"/g,
      (_, attribute: string, address: string) => `${attribute}${resolve(address)}"`,
    )
    .replace(
      /(\ssrcset=")([^"]*)"/g,
      (_, attribute: string, list: string) =>
        `${attribute}${list
          .split(',')
          .map((candidate) => candidate.trim().replace(/^\S+/, resolve))
          .join(', ')}"`,
    );
}
