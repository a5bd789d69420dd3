// Splits a large site's search index into shards, newest pages first, and names and orders
// the pages of each. Shards were made for Pagefind's indexer, whose memory grew about 0.4 GB
// per 1,000 of our token pages; our index writer holds only the postings, so the limit now
// stands for the reader: the metadata of one index lists every page, and a reader fetches
// it before the first search. A site up to the limit keeps one index: every shard costs the
// reader one more metadata file and more index chunks on the first search.

/** Pages per index before the site is split (measured for readers up to here, not beyond). */
export const SHARD_PAGES = 15_000;

/** Where shard `n` (0 = the newest pages) lives: Pagefind's own folder, then subfolders of it. */
export function shardPath(n: number): string {
  return n === 0 ? '/pagefind/' : `/pagefind/shard-${n}/`;
}

/**
 * Groups pages into shards of at most `limit`, as even as possible, newest first (by their
 * YYYY-MM-DD date, then URL): shard 0 holds the newest pages, so the newest-first order of
 * a search is shard 0's order, then shard 1's, and so on. One index is in the same order: its
 * pages are numbered newest first, so the date order in the metadata every first search
 * fetches is a run of numbers that compresses to almost nothing (in the file system's order
 * it was 20 of the 50 KB at 10,000 articles), and the index is the same wherever it is built.
 */
export function planShards<T extends { url: string; date: string }>(pages: T[], limit = SHARD_PAGES): T[][] {
  const sorted = [...pages].sort((a, b) => b.date.localeCompare(a.date) || a.url.localeCompare(b.url));
  if (sorted.length <= limit) return [sorted];
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

const NAME = /^[0-9a-f]{8}(\d+)[-_]([0-9a-z]+)$/;

/**
 * Where a page stands newest first across the whole index, from its name (see pageName):
 * shard 0 holds the newest pages and each shard numbers its pages newest first (planShards),
 * so a newest-first search needs no date order from the index. Lower is newer.
 */
export function newestPlace(name: string): number {
  const [, shard = '', number = ''] = NAME.exec(name) ?? [];
  return Number(shard) * 2 ** 32 + parseInt(number, 36);
}

/** True when a page's name marks an entry awaiting its text (its result id in the browser). */
export function isAwaiting(name: string): boolean {
  return name.includes(AWAITING_JOIN);
}
