// Page metadata read by search engines (JSON-LD, schema.org) and by government portals
// (the 政府网站 article meta tags), built from entries by pure functions.
import type { Article } from './articles.ts';
import type { Column, SiteConfig } from '../schemas/site.ts';
import { formatDateTime, formatIsoBeijing } from './dates.ts';
import { absoluteUrl, articleUrl, columnUrl, homeUrl, searchUrl } from './urls.ts';

type Json = Record<string, unknown>;

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the tag. */
export function jsonLdText(data: Json | Json[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/**
 * The association as an article's publisher: what search engines read of a publisher (name,
 * web address, logo), and an `@id` that joins it to the whole entry on the home page, so every
 * article page does not carry the address, telephone and e-mail again.
 */
const publisher = (site: SiteConfig): Json => ({
  '@type': 'Organization',
  '@id': `${absoluteUrl(homeUrl(), site.url)}#organization`,
  name: site.name,
  url: absoluteUrl(homeUrl(), site.url),
  logo: absoluteUrl('/favicon.svg', site.url),
});

/** The association in full, on the home page. */
const organization = (site: SiteConfig): Json => ({
  ...publisher(site),
  address: { '@type': 'PostalAddress', streetAddress: site.footer.address, addressCountry: 'CN' },
  telephone: site.footer.phone,
  email: site.footer.email,
});

/** The home page: the association and the site, with a search action. */
export function homeJsonLd(site: SiteConfig): Json[] {
  return [
    { '@context': 'https://schema.org', ...organization(site) },
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: site.name,
      url: absoluteUrl(homeUrl(), site.url),
      inLanguage: 'zh-CN',
      potentialAction: {
        '@type': 'SearchAction',
        target: absoluteUrl(searchUrl(), site.url) + '?q={search_term_string}',
        'query-input': 'required name=search_term_string',
      },
    },
  ];
}

/** 首页 > 栏目 > 标题 as a BreadcrumbList. */
export function breadcrumbJsonLd(site: SiteConfig, trail: { name: string; path: string }[]): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: '首页', path: homeUrl() }, ...trail].map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: absoluteUrl(item.path, site.url),
    })),
  };
}

/** A published article as a NewsArticle; a profile names its person. */
export function articleJsonLd(
  article: Article & { data: { date: Date } },
  column: Column,
  site: SiteConfig,
  description: string,
  image?: string,
): Json[] {
  const { data } = article;
  const person = data.person && {
    '@type': 'Person',
    name: data.person.name,
    award: data.person.honour,
    ...(data.person.position ? { jobTitle: data.person.position } : {}),
    ...(data.person.organisation ? { worksFor: { '@type': 'Organization', name: data.person.organisation } } : {}),
  };
  const news: Json = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    description,
    datePublished: formatIsoBeijing(data.date),
    dateModified: formatIsoBeijing(data.date),
    inLanguage: 'zh-CN',
    articleSection: column.name,
    mainEntityOfPage: absoluteUrl(articleUrl(article), site.url),
    author: data.author
      ? { '@type': 'Person', name: data.author }
      : { '@type': 'Organization', name: data.source ?? site.defaultSource },
    publisher: publisher(site),
    ...(data.tags.length ? { keywords: data.tags.join(',') } : {}),
    ...(image ? { image: absoluteUrl(image, site.url) } : {}),
    ...(person ? { about: person } : {}),
  };
  return [
    news,
    breadcrumbJsonLd(site, [
      { name: column.name, path: columnUrl(column) },
      { name: data.title, path: articleUrl(article) },
    ]),
  ];
}

/** The 政府网站 meta tags portals read from an article page. */
export function portalMeta(
  article: Article & { data: { date: Date } },
  column: Column,
  site: SiteConfig,
): Record<string, string> {
  const { data } = article;
  const when = formatDateTime(data.date);
  return {
    ArticleTitle: data.title,
    PubDate: when.length === 10 ? `${when} 00:00` : when,
    ContentSource: data.source ?? site.defaultSource,
    ColumnName: column.name,
    ...(data.author ? { Author: data.author } : {}),
    ...(data.tags.length ? { Keywords: data.tags.join(',') } : {}),
  };
}
