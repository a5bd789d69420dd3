import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildVisibility, publishedArticles } from '../site/articles.ts';
import { feedOptions } from '../site/feed.ts';
import { articleHtml } from '../site/article-html.ts';
import { site } from '../site/published-site.ts';

export const GET: APIRoute = async () => {
  const published = publishedArticles(await getCollection('articles'), buildVisibility(__PREVIEW_UNPUBLISHED__));
  return rss(await feedOptions(site, site.name, site.description, published, articleHtml));
};
