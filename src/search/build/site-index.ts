// The search index of a built site: reads every page marked `data-pagefind-body` and writes
// the index of their records (index-writer.ts) into dist/pagefind/. Run in a worker thread of
// its own during a build (index-worker.ts); plain modules only, as Node loads it there itself.
import { extname, join } from 'node:path';
import { FragmentCache } from './fragment-cache.ts';
import { RecordCache, type CachedPage } from './record-cache.ts';
import { IndexWriter, pageWords, pagefindAssets, type PagefindAssets } from './index-writer.ts';
import { planShards, shardPath } from '../shared/shards.ts';
import { filesNow, inLanes } from '../../build/files.ts';
import { addressOfFile } from '../../build/dist-files.ts';
import { adminUrl } from '../../site/urls.ts';

/** The built pages that may hold an indexed body (not 404, not the back office), as files and URLs. */
function builtPages(dist: string): { file: string; url: string }[] {
  const pages: { file: string; url: string }[] = [];
  for (const file of filesNow(dist)) {
    const url = addressOfFile(dist, file);
    if (extname(file) === '.html' && url !== '/404.html' && !url.startsWith(adminUrl())) pages.push({ file, url });
  }
  return pages;
}

/**
 * The pages that hold an indexed body, with their search records, in the order of `pages`:
 * read a few at a time, as one read after another left the process waiting on the disk for
 * most of 3 s at 10,000 pages.
 */
async function readPages(pages: { file: string; url: string }[], cache: RecordCache): Promise<CachedPage[]> {
  const read: (CachedPage | null)[] = new Array(pages.length).fill(null);
  await inLanes([...pages.keys()], async (i) => {
    read[i] = await cache.pageAt(pages[i]!.file, pages[i]!.url);
  });
  return read.filter((page) => page !== null);
}

/**
 * Indexes a built site into `dist/pagefind/`, with what the last build left
 * (`SiteIndexer.open`, before the pages are built): the records and words of pages
 * unchanged since then (record-cache.ts) and their fragments (fragment-cache.ts).
 */
export class SiteIndexer {
  private readonly records: RecordCache;
  private readonly fragments: FragmentCache;
  private readonly assets: Promise<PagefindAssets>;
  /** The words the last index held, for `save`. */
  private words = 0;

  private constructor(records: RecordCache, fragments: FragmentCache, assets: Promise<PagefindAssets>) {
    this.records = records;
    this.fragments = fragments;
    this.assets = assets;
  }

  /** The indexer of `project`'s builds; one that keeps nothing without a project. */
  static async open(project?: string): Promise<SiteIndexer> {
    const assets = pagefindAssets();
    assets.catch(() => undefined); // reported when awaited
    return new SiteIndexer(await RecordCache.open(project), FragmentCache.open(project), assets);
  }

  /**
   * Indexes the built pages of `dist`: one index up to `limit` pages, else shards, each
   * holding only its index: the browser code and WebAssembly of the first serve them all.
   * Pages are numbered newest first either way (see search/shared/shards.ts). `onRead` is
   * told the number of shards once every page has been read: from then on the pages may change.
   */
  async index(
    dist: string,
    limit: number,
    onRead?: (shards: number) => void,
  ): Promise<{ pages: number; shards: number }> {
    const read = await readPages(builtPages(dist), this.records);
    const shards = planShards(
      read.map((page) => ({ url: page.record.url, date: page.record.date, page })),
      limit,
    );
    onRead?.(shards.length);
    const vocabulary = this.records.vocabulary;
    let count = 0;
    for (const [n, pages] of shards.entries()) {
      const index = new IndexWriter(vocabulary);
      for (const { page } of pages) index.add(page.record, (page.words ??= pageWords(page.record, vocabulary)));
      await index.write(join(dist, shardPath(n)), n, await this.assets, this.fragments);
      count += index.count;
      this.words += index.wordCount;
    }
    return { pages: count, shards: shards.length };
  }

  /** Keeps what this build's index read and wrote for the next. */
  async save(): Promise<void> {
    this.fragments.prune();
    await this.records.save(this.words);
  }
}
