// The worker thread that builds the search index (see integration.ts `prepareIndex`):
// started as the build starts, it opens what the last build kept, then indexes the pages once
// they are built. Indexing takes one core for 7–20 s at 10,000 articles; the deploy stage
// prepares the pages on the other meanwhile. Run by Node itself (type stripping), not by
// Vite: plain modules only.
import { parentPort, workerData } from 'node:worker_threads';
import { SiteIndexer } from './site-index.ts';

/** What the worker is started with; it is then sent `IndexStart` once the pages are built. */
export interface IndexJob {
  project: string;
  shardPages: number;
}

export interface IndexStart {
  dist: string;
}

/**
 * What the worker tells: every page read (the shards planned), the index written, what it
 * keeps for the next build saved, or a failure.
 */
export type IndexMessage =
  { read: { shards: number } } | { done: { pages: number; shards: number } } | { saved: true } | { error: string };

const job = workerData as IndexJob;
const tell = (message: IndexMessage): void => parentPort!.postMessage(message);
// Opened while Astro renders: the caches take about a second to read at 10,000 articles.
const indexer = SiteIndexer.open(job.project);
indexer.catch(() => undefined); // reported once the index starts
parentPort!.once('message', ({ dist }: IndexStart) => {
  void (async () => {
    const site = await indexer;
    tell({ done: await site.index(dist, job.shardPages, (shards) => tell({ read: { shards } })) });
    await site.save();
    tell({ saved: true });
  })().catch((error: unknown) =>
    tell({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
