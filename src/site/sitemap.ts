import { escapeHtml } from './text.ts';

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  /** Last modification, as an ISO date. */
  lastmod?: string | undefined;
}

/** A sitemaps.org `urlset` document. */
export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries
    .map((e) => `<url><loc>${escapeHtml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
