import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { buildVisibility, columnOf, publishedArticles, type PublishedArticle } from '../../../lib/articles.ts';
import { articleCard, drawsShareCard } from '../../../lib/share-card.ts';
import { shareImage } from '../../../lib/share-image.ts';
import { site } from '../../../site.config.ts';

// The share card of each published article that has no cover of its own.
export const getStaticPaths = (async () => {
  const published = publishedArticles(await getCollection('articles'), buildVisibility(__PREVIEW_UNPUBLISHED__));
  return published.filter(drawsShareCard).map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: PublishedArticle }> = async ({ props: { article } }) => {
  const { png, missing } = await shareImage(article.id, articleCard(article, columnOf(article, site), site));
  if (missing.length)
    console.warn(
      `分享图缺少字形：${missing.join(' ')}（${article.id}），这些字在分享图上会显示为方框。\n` +
        `Share image of ${article.id}: the font has no glyph for ${missing.join(' ')}.`,
    );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
