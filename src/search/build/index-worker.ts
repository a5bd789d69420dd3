// The worker thread that builds the search index (see integration.ts `startIndex`): indexing
// takes one core for 10–20 s at 10,000 articles, and the deploy stage prepares the pages on
// the other meanwhile. Run by Node itself (type stripping), not by Vite: plain modules only.
import { parentPort, workerData } from 'node:worker_threads';
import { buildIndex } from './site-index.ts';

export interface IndexJob {
  dist: string;
  shardPages: number;
  project: string;
}

/** What the worker tells: every page read (the shards planned), the index written, or a failure. */
export type IndexMessage =
  { read: { shards: number } } | { done: { pages: number; shards: number } } | { error: string };

const job = workerData as IndexJob;
const tell = (message: IndexMessage): void => parentPort!.postMessage(message);
buildIndex(job.dist, job.shardPages, job.project, (shards) => tell({ read: { shards } })).then(
  (done) => tell({ done }),
  (error: unknown) => tell({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
