import type { SiteConfig } from '../schemas/site.ts';
import { columnUrl, homeUrl } from './urls.ts';

export interface NavLink {
  label: string;
  href: string;
  /** Matches the `current` prop of a page: a column slug, or 'home'. */
  key: string;
}

/** The header navigation: 首页, then the configured items, columns resolved to their pages. */
export function navigation(site: Pick<SiteConfig, 'nav' | 'columns'>): NavLink[] {
  const items = site.nav.map((item): NavLink => {
    if ('href' in item) return { label: item.label, href: item.href, key: item.href };
    const column = site.columns.find((c) => c.slug === item.column);
    if (!column) throw new Error(`Unknown column in nav: ${item.column}`);
    return { label: column.name, href: columnUrl(column), key: column.slug };
  });
  return [{ label: '首页', href: homeUrl(), key: 'home' }, ...items];
}
