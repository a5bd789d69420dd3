// A worker thread of the share card pool (see integration.ts): finds each card it is sent in
// the cache or draws it there, and answers with the file and how long that took. Run by Node
// itself (type stripping), not by Vite: it imports only plain modules.
import { parentPort } from 'node:worker_threads';
import type { ShareCard } from './card.ts';
import { shareImageFile } from './image.ts';

export interface CardJob {
  name: string;
  card: ShareCard;
  cacheDir: string;
}

export type CardAnswer =
  { name: string; file: string; missing: string[]; cached: boolean; ms: number } | { name: string; error: string };

parentPort?.on('message', (job: CardJob) => {
  const started = performance.now();
  shareImageFile(job.name, job.card, job.cacheDir).then(
    (done) => parentPort!.postMessage({ name: job.name, ...done, ms: performance.now() - started } as CardAnswer),
    (error: unknown) =>
      parentPort!.postMessage({
        name: job.name,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } as CardAnswer),
  );
});
