import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { buildVisibility, publishedArticles } from '../../../site/articles.ts';
import { feedOptions } from '../../../site/feed.ts';
import { articleHtml } from '../../../site/article-html.ts';
import type { Column } from '../../../schemas/site.ts';
import { site } from '../../../site/published-site.ts';

export const getStaticPaths = (() =>
  site.columns.map((column) => ({ params: { column: column.slug }, props: { column } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ column: Column }> = async ({ props: { column } }) => {
  const all = await getCollection('articles', (a) => a.data.column === column.name);
  const published = publishedArticles(all, buildVisibility(__PREVIEW_UNPUBLISHED__));
  return rss(await feedOptions(site, `${column.name} - ${site.name}`, column.description, published, articleHtml));
};
