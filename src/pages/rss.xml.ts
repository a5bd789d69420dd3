import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildVisibility, publishedArticles } from '../lib/articles.ts';
import { feedOptions } from '../lib/feed.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const published = publishedArticles(await getCollection('articles'), buildVisibility(__PREVIEW_UNPUBLISHED__));
  return rss(feedOptions(site, site.name, site.description, published));
};
