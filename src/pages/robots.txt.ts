import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapUrl } from '../lib/urls.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\nDisallow: /search/\n\nSitemap: ${absoluteUrl(sitemapUrl(), site.url)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
