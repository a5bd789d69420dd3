import type { APIRoute } from 'astro';
import { siteCard } from '../lib/share-card.ts';
import { shareImage } from '../lib/share-image.ts';
import { site } from '../site.config.ts';

// The share card of every page that is not an article. `_site` cannot clash with a slug.
export const GET: APIRoute = async () => {
  const { png } = await shareImage('_site', siteCard(site));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
