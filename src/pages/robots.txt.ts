import type { APIRoute } from 'astro';
import { absoluteUrl, searchUrl, sitemapUrl } from '../site/urls.ts';
import { site } from '../site/published-site.ts';

// The search page itself may be found; its result addresses (/search/?q=…) are endless
// and thin, so crawlers are kept off them.
export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\nDisallow: ${searchUrl()}?\n\nSitemap: ${absoluteUrl(sitemapUrl(), site.url)}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
