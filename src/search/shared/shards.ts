// Splits a large site's search index into shards, so that Pagefind, whose memory grows with
// the pages of one index (about 0.4 GB per 1,000 of our token pages), can index 50,000 of
// them one shard at a time. A site up to the limit keeps one index: every shard costs the
// reader one more metadata file and more index chunks on the first search.

/** Pages per index before the site is split: Pagefind then stays near 6 GB. */
export const SHARD_PAGES = 15_000;

/** Where shard `n` (0 = the newest pages) lives: Pagefind's own folder, then subfolders of it. */
export function shardPath(n: number): string {
  return n === 0 ? '/pagefind/' : `/pagefind/shard-${n}/`;
}

/** The filter naming each page's shard, so the newest-first order can be kept across shards. */
export const SHARD_FILTER = '分片';

/**
 * Groups pages into shards of at most `limit`, as even as possible, newest first (by their
 * YYYY-MM-DD date, then URL): shard 0 holds the newest pages, so the newest-first order of
 * a search is shard 0's order, then shard 1's, and so on.
 */
export function planShards<T extends { url: string; date: string }>(pages: T[], limit = SHARD_PAGES): T[][] {
  if (pages.length <= limit) return [pages];
  const sorted = [...pages].sort((a, b) => b.date.localeCompare(a.date) || a.url.localeCompare(b.url));
  const count = Math.ceil(sorted.length / limit);
  const edge = (i: number): number => Math.floor((i * sorted.length) / count);
  return Array.from({ length: count }, (_, i) => sorted.slice(edge(i), edge(i + 1)));
}

/** Joins a page's index tag and number in its name (see search/build/index-writer.ts). */
const NAME_JOIN = '-';
/** Joins them instead for an entry awaiting its text, so that ranking knows it before its fragment. */
const AWAITING_JOIN = '_';

/** A page's short name: the index tag and the page's number (base 36), joined by what it is. */
export function pageName(tag: string, n: number, awaiting = false): string {
  return tag + (awaiting ? AWAITING_JOIN : NAME_JOIN) + n.toString(36);
}

/** True when a page's name marks an entry awaiting its text (its result id in the browser). */
export function isAwaiting(name: string): boolean {
  return name.includes(AWAITING_JOIN);
}
