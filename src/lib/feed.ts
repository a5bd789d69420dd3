import type { RSSOptions } from '@astrojs/rss';
import type { PublishedArticle } from './articles.ts';
import { columnOf } from './articles.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { describe, paragraphsOf } from './text.ts';
import { absoluteUrl, articleUrl } from './urls.ts';

/**
 * An RSS feed of the newest `site.feedLimit` articles: each item with its summary (or the
 * opening sentences), publication date (RSS writes RFC 822) and column as category.
 */
export function feedOptions(
  site: SiteConfig,
  title: string,
  description: string,
  newestFirst: PublishedArticle[],
): RSSOptions {
  return {
    title,
    description,
    site: site.url,
    customData: '<language>zh-cn</language>',
    items: newestFirst.slice(0, site.feedLimit).map((article) => ({
      title: article.data.title,
      link: absoluteUrl(articleUrl(article), site.url),
      pubDate: article.data.date,
      description: article.data.summary ?? describe(paragraphsOf(article.body ?? ''), 200),
      categories: [columnOf(article, site).name],
      ...(article.data.author ? { author: article.data.author } : {}),
    })),
  };
}
