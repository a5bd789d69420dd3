// The search index of a built site: reads every page marked `data-pagefind-body` and writes
// the index of their records (index-writer.ts) into dist/pagefind/. Run in a worker thread of
// its own during a build (index-worker.ts); plain modules only, as Node loads it there itself.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { FragmentCache } from './fragment-cache.ts';
import { RecordCache, type CachedPage } from './record-cache.ts';
import { IndexWriter, pageWords, pagefindAssets } from './index-writer.ts';
import { planShards, shardPath } from '../shared/shards.ts';
import { files, inLanes } from '../../build/files.ts';
import { addressOfFile } from '../../build/dist-files.ts';
import { adminUrl } from '../../site/urls.ts';

/** The built pages that may hold an indexed body (not 404, not the back office), as files and URLs. */
async function builtPages(dist: string): Promise<{ file: string; url: string }[]> {
  const pages: { file: string; url: string }[] = [];
  for await (const file of files(dist)) {
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
    read[i] = cache.page(await readFile(pages[i]!.file, 'utf8'), pages[i]!.url);
  });
  return read.filter((page) => page !== null);
}

/**
 * Indexes the built pages into `dist/pagefind/`: one index up to the shard limit, else
 * shards, each holding only its index: the browser code and WebAssembly of the first serve
 * them all. Pages are numbered newest first either way (see search/shared/shards.ts). With
 * `project`, the records and words of pages unchanged since its last build come from its
 * cache (record-cache.ts), and so do their fragments (fragment-cache.ts). `onRead` is told
 * the number of shards once every page has been read: from then on the pages may change.
 */
export async function buildIndex(
  dist: string,
  limit: number,
  project?: string,
  onRead?: (shards: number) => void,
): Promise<{ pages: number; shards: number }> {
  const assets = pagefindAssets();
  assets.catch(() => undefined); // reported when awaited
  const cache = await RecordCache.open(project);
  const read = await readPages(await builtPages(dist), cache);
  const shards = planShards(
    read.map((page) => ({ url: page.record.url, date: page.record.date, page })),
    limit,
  );
  onRead?.(shards.length);
  const fragments = FragmentCache.open(project);
  let count = 0;
  let words = 0;
  for (const [n, pages] of shards.entries()) {
    const index = new IndexWriter(cache.vocabulary);
    for (const { page } of pages) index.add(page.record, (page.words ??= pageWords(page.record, cache.vocabulary)));
    await index.write(join(dist, shardPath(n)), n, await assets, fragments);
    count += index.count;
    words += index.wordCount;
  }
  fragments.prune();
  await cache.save(words);
  return { pages: count, shards: shards.length };
}
