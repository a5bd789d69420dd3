import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildVisibility, columnOf, publishedArticles } from '../lib/articles.ts';
import { describe, paragraphsOf } from '../lib/text.ts';
import { absoluteUrl, articleUrl } from '../lib/urls.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const all = await getCollection('articles');
  const items = publishedArticles(all, buildVisibility(import.meta.env.DEV)).slice(0, site.feedLimit);
  return rss({
    title: site.name,
    description: site.description,
    site: site.url,
    customData: '<language>zh-cn</language>',
    items: items.map((article) => ({
      title: article.data.title,
      link: absoluteUrl(articleUrl(article), site.url),
      pubDate: article.data.date,
      description: article.data.summary ?? describe(paragraphsOf(article.body ?? ''), 200),
      categories: [columnOf(article, site).name],
      ...(article.data.author ? { author: article.data.author } : {}),
    })),
  });
};
