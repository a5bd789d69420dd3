// The search's part of the build (src/build/integration.ts calls it): once the pages are built,
// a worker thread started with the build (index-worker.ts) reads every one marked `data-pagefind-body` and indexes it
// as pair tokens (see search/shared/tokens.ts) in Pagefind's format (index-writer.ts), while
// this bundles the browser code to /_search/. In `astro dev`, serves that code and the index
// of the last build.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import * as esbuild from 'esbuild';
// Loaded with the config: a module imported once the pages are built finds Vite's module
// runner closed.
import * as OpenCC from 'opencc-js/t2cn';
import type { IndexJob, IndexMessage, IndexStart } from './index-worker.ts';
import { shardPath } from '../shared/shards.ts';
import { contentType } from '../../build/mime.ts';
import { SEARCH_DIR, SEARCH_ENTRY, TRADITIONAL_TABLE } from '../../site/browser/constants.ts';

const CLIENT_ENTRY = fileURLToPath(new URL('../browser/client.ts', import.meta.url));
const INDEX_WORKER = new URL('./index-worker.ts', import.meta.url);

/** How many shards the index in `dist/pagefind/` has (1 when not split; 0 when none). */
export async function shardCount(dist: string): Promise<number> {
  let n = 0;
  while (existsSync(join(dist, shardPath(n), 'pagefind-entry.json'))) n++;
  return n;
}

/** The traditional → simplified character map, as pairs in one string, from OpenCC's tables. */
async function traditionalMap(): Promise<string> {
  const converters = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  let pairs = '';
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const ch = String.fromCodePoint(cp);
    const simple = converters.map((c) => c(ch)).find((s) => s !== ch && [...s].length === 1);
    if (simple) pairs += ch + simple;
  }
  return pairs;
}

/**
 * Bundles the browser code (one ES module) for an index of `shards` shards, and writes the
 * conversion table beside it.
 */
export async function buildClient(outDir: string, shards: number): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: { [SEARCH_ENTRY]: CLIENT_ENTRY },
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    outdir: outDir,
    legalComments: 'none',
    define: { __SEARCH_SHARDS__: String(Math.max(1, shards)) },
  });
  await writeFile(join(outDir, TRADITIONAL_TABLE), JSON.stringify(await traditionalMap()));
}

/** What indexing did, for the log and the build report. */
export interface SearchIndexed {
  pages: number;
  shards: number;
  /** From the start to the index written, ms. */
  ms: number;
}

/** The search's part of a build, under way (`prepareIndex`). */
export interface IndexRun {
  /** Every page read and the browser code bundled: from then on the pages may be rewritten. */
  read: Promise<void>;
  /** The index written. */
  done: Promise<SearchIndexed>;
  /** What the next build reuses saved: the build must wait for it before it ends. */
  saved: Promise<void>;
}

/**
 * The search's part of a build: a worker thread started now, as the build starts, that opens
 * what the last build kept; `start` then indexes the built pages into `dist` (at most
 * `shardPages` a shard) and bundles the browser code beside them once the worker has read
 * the pages and planned the shards. A failure rejects every promise of the run.
 */
export function prepareIndex(
  project: string,
  shardPages: number,
): { start(dist: string, logger: AstroIntegrationLogger): IndexRun } {
  const worker = new Worker(INDEX_WORKER, { workerData: { project, shardPages } satisfies IndexJob });
  // Until it starts, it does not keep the process alive: a build that fails leaves nothing waiting on it.
  worker.unref();
  let read!: (shards: number) => void;
  let done!: (indexed: { pages: number; shards: number }) => void;
  let saved!: () => void;
  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const planned = Promise.race([new Promise<number>((resolve) => (read = resolve)), failed]);
  const written = Promise.race([new Promise<{ pages: number; shards: number }>((resolve) => (done = resolve)), failed]);
  const kept = Promise.race([new Promise<void>((resolve) => (saved = resolve)), failed]);
  // A thread that fails before the build starts it is reported then, not as unhandled now.
  for (const promise of [planned, written, kept]) promise.catch(() => undefined);
  worker.on('message', (message: IndexMessage) => {
    if ('read' in message) read(message.read.shards);
    else if ('done' in message) done(message.done);
    else if ('saved' in message) saved();
    else fail(new Error(`搜索索引 / search index: ${message.error}`));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`搜索索引的线程退出了 / the search index's thread exited (${code})`)));
  return {
    start(dist, logger) {
      const started = performance.now();
      worker.ref();
      worker.postMessage({ dist } satisfies IndexStart);
      const run: IndexRun = {
        read: planned.then((shards) => buildClient(join(dist, SEARCH_DIR), shards)),
        done: written.then(({ pages, shards }) => {
          const ms = performance.now() - started;
          logger.info(
            `搜索索引：${pages} 篇文章 / indexed ${pages} pages` +
              (shards > 1 ? ` in ${shards} shards` : '') +
              ` in ${Math.round(ms)} ms`,
          );
          return { pages, shards, ms };
        }),
        saved: kept,
      };
      // Whichever the build awaits first reports a failure; the others must not crash the process.
      for (const promise of [run.read, run.done, run.saved]) promise.catch(() => undefined);
      return run;
    },
  };
}

/** In `astro dev`: serves the browser code (bundled on first use) and the index of the last build. */
export function serveSearch(server: ViteDevServer, project: string): void {
  const dist = join(project, 'dist');
  const devClient = join(project, '.astro/search-dev');
  let bundled: Promise<void> | null = null;
  server.watcher.on('change', (file) => {
    if (file.includes(`${sep}src${sep}`)) bundled = null;
  });
  server.middlewares.use((req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const send = async (file: string, type: string): Promise<void> => {
      res.setHeader('Content-Type', type);
      res.end(await readFile(file));
    };
    if (path.startsWith(SEARCH_DIR)) {
      bundled ??= shardCount(dist).then((shards) => buildClient(devClient, shards));
      void bundled.then(() => send(join(devClient, path.slice(SEARCH_DIR.length)), contentType(path))).catch(next);
      return;
    }
    if (path.startsWith('/pagefind/')) {
      const file = join(dist, path);
      if (!existsSync(file) || path.endsWith('/')) {
        res.statusCode = 404;
        res.end('搜索索引还没有生成：请先运行 npm run build / no search index yet: run npm run build');
        return;
      }
      void send(file, contentType(file)).catch(next);
      return;
    }
    next();
  });
}
