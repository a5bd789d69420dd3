import type { CollectionEntry } from 'astro:content';
import type { Column, SiteConfig } from '../schemas/site.ts';

/** What lib functions need of an entry; pages pass whole collection entries. */
export type Article = Pick<CollectionEntry<'articles'>, 'id' | 'data' | 'body' | 'filePath'>;

/** What the publication rule reads of an entry: a collection entry, or front matter as the checks read it. */
export type Publishable = { data: Pick<Article['data'], 'draft' | 'awaitingText' | 'date'> };

/** What the lists read of an entry: a collection entry, or front matter as the checks read it. */
export type Listable = Publishable & { id: string; data: Pick<Article['data'], 'title' | 'column'> };

/** A published article always has a date. */
export type PublishedArticle<A extends Publishable = Article> = A & { data: { date: Date } };

export interface Visibility {
  /** Include `draft: true` entries (only `astro dev` does). */
  drafts: boolean;
  /** Entries dated after this instant are scheduled, not yet published. */
  now: Date;
}

/** What a build does with an entry. */
export type Status = 'published' | 'awaiting' | 'draft' | 'scheduled';

/**
 * The publication rule, the one place it is written; the functions below derive from it. A
 * draft stays out (unless the build shows drafts: `astro dev`), an entry awaiting its text
 * (or with no date, which the schema allows only then) is listed with its mark, a date still
 * to come waits, the rest is published.
 */
export function statusOf(
  data: Publishable['data'],
  now: Date,
  { drafts }: Pick<Visibility, 'drafts'> = { drafts: false },
): Status {
  if (data.draft && !drafts) return 'draft';
  if (data.awaitingText || !data.date) return 'awaiting';
  if (data.date.getTime() > now.getTime()) return 'scheduled';
  return 'published';
}

/** Published: has its text, is not a draft (outside dev) and its date has come. */
export function isPublished<A extends Publishable>(article: A, visibility: Visibility): article is PublishedArticle<A> {
  return statusOf(article.data, visibility.now, visibility) === 'published';
}

/** Only the headline is known: listed with a clear mark, never in search, feeds or sitemap. */
export function isAwaitingText(article: Publishable, visibility: Visibility): boolean {
  return statusOf(article.data, visibility.now, visibility) === 'awaiting';
}

/** Newest first; equal dates fall back to the slug so the order is stable. */
export function byNewest(a: PublishedArticle<Listable>, b: PublishedArticle<Listable>): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);
}

/** Published articles, newest first. */
export function publishedArticles<A extends Listable>(all: A[], visibility: Visibility): PublishedArticle<A>[] {
  return all.filter((a): a is PublishedArticle<A> => isPublished(a, visibility)).sort(byNewest);
}

/**
 * What a column or catalogue lists: published articles newest first, then the entries
 * awaiting their text (undated, so they cannot be placed in time) by headline.
 */
export function listedArticles<A extends Listable>(all: A[], visibility: Visibility): A[] {
  const awaiting = all
    .filter((a) => isAwaitingText(a, visibility))
    .sort((a, b) => a.data.title.localeCompare(b.data.title, 'zh-Hans-CN'));
  return [...publishedArticles(all, visibility), ...awaiting];
}

/** The column an article belongs to (the schema guarantees it exists). */
export function columnOf(
  article: Pick<Article, 'id'> & { data: Pick<Article['data'], 'column'> },
  site: Pick<SiteConfig, 'columns'>,
): Column {
  const column = site.columns.find((c) => c.name === article.data.column);
  if (!column) throw new Error(`Unknown column ${article.data.column} in ${article.id}`);
  return column;
}

/** Columns in their configured order. */
export function sortedColumns(site: Pick<SiteConfig, 'columns'>): Column[] {
  return [...site.columns].sort((a, b) => a.order - b.order);
}

/** Entries of one column, as `listedArticles` orders them. */
export function articlesInColumn<A extends Listable>(all: A[], column: Column, visibility: Visibility): A[] {
  return listedArticles(
    all.filter((a) => a.data.column === column.name),
    visibility,
  );
}

export interface Neighbours<A> {
  /** 上一篇: the next older article of the same column. */
  previous: A | undefined;
  /** 下一篇: the next newer article of the same column. */
  next: A | undefined;
}

/** Each list `neighbours` was given, and where each article is in it. */
const positions = new WeakMap<readonly Article[], Map<string, number>>();

/**
 * 上一篇/下一篇 of a published article within its column's published list (newest first).
 * The list's positions are found once (a column of 20,000 articles, searched for each of
 * them, was 400 million comparisons).
 */
export function neighbours<A extends Article>(article: A, columnNewestFirst: A[]): Neighbours<A> {
  let index = positions.get(columnNewestFirst);
  if (!index) positions.set(columnNewestFirst, (index = new Map(columnNewestFirst.map((a, i) => [a.id, i]))));
  const at = index.get(article.id);
  if (at === undefined) return { previous: undefined, next: undefined };
  return { previous: columnNewestFirst[at + 1], next: columnNewestFirst[at - 1] };
}

/** The short headline for cards: drops a leading `栏目 |` label the headline repeats. */
export function shortTitle(title: string): string {
  return title.replace(/^[^|｜]{1,8}\s*[|｜]\s*/, '');
}

/**
 * Visibility of the current build: a build publishes what is dated up to now and not a
 * draft; `astro dev` previews everything, drafts and scheduled articles too, so editors can
 * see them before readers do.
 */
export function buildVisibility(dev: boolean, now = new Date()): Visibility {
  return dev ? { drafts: true, now: new Date(8.64e15) } : { drafts: false, now };
}

/** Why a preview shows an entry readers cannot see yet: a draft, or a date still to come. */
export function previewStatus(article: Publishable, now = new Date()): 'draft' | 'scheduled' | undefined {
  const status = statusOf(article.data, now);
  return status === 'draft' || status === 'scheduled' ? status : undefined;
}

/** 劳模风采 gallery: every visible profile (an entry naming its person), published first. */
export function profiles<A extends Article>(all: A[], visibility: Visibility): A[] {
  return listedArticles(
    all.filter((a) => a.data.person),
    visibility,
  );
}
