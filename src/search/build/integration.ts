// The search's part of the build (src/build/integration.ts calls it): once the pages are built,
// reads every one marked `data-pagefind-body`, indexes it as pair tokens (see
// search/shared/tokens.ts) in Pagefind's format (search/build/index-writer.ts), and bundles
// the browser code to /_search/. In `astro dev`, serves
// that code and the index of the last build.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import * as esbuild from 'esbuild';
// Loaded with the config: a module imported once the pages are built finds Vite's module
// runner closed.
import * as OpenCC from 'opencc-js/t2cn';
import type { SearchRecord } from './record.ts';
import { RecordCache } from './record-cache.ts';
import { IndexWriter, pagefindAssets } from './index-writer.ts';
import { planShards, shardPath } from '../shared/shards.ts';
import { files, inLanes } from '../../build/files.ts';
import { addressOfFile } from '../../build/dist-files.ts';
import { contentType } from '../../build/mime.ts';
import { buildOptions } from '../../build/options.ts';
import { adminUrl } from '../../site/urls.ts';
import { SEARCH_DIR, SEARCH_ENTRY, TRADITIONAL_TABLE } from '../../site/browser/constants.ts';

const CLIENT_ENTRY = fileURLToPath(new URL('../browser/client.ts', import.meta.url));

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
 * The search records of pages, in the order of `pages`: read a few at a time, as one read after
 * another left the process waiting on the disk for most of 3 s at 10,000 pages.
 */
async function readRecords(pages: { file: string; url: string }[], cache: RecordCache): Promise<SearchRecord[]> {
  const records: (SearchRecord | null)[] = new Array(pages.length).fill(null);
  await inLanes([...pages.keys()], async (i) => {
    records[i] = cache.record(await readFile(pages[i]!.file, 'utf8'), pages[i]!.url);
  });
  return records.filter((r) => r !== null);
}

/**
 * Indexes the built pages into `dist/pagefind/` (search/build/index-writer.ts): one index up
 * to the shard limit, else shards, each holding only its index: the browser code and
 * WebAssembly of the first serve them all. Pages are numbered newest first either way (see
 * search/shared/shards.ts). With `project`, the records of pages unchanged since its last
 * build come from its cache (record-cache.ts).
 */
export async function buildIndex(
  dist: string,
  limit = buildOptions().searchShardPages,
  project?: string,
): Promise<{ pages: number; shards: number }> {
  const assets = pagefindAssets();
  assets.catch(() => undefined); // reported when awaited
  const cache = await RecordCache.open(project);
  const shards = planShards(await readRecords(await builtPages(dist), cache), limit);
  let count = 0;
  for (const [n, records] of shards.entries()) {
    const index = new IndexWriter();
    for (const record of records) index.add(record);
    await index.write(join(dist, shardPath(n)), n, await assets);
    count += index.count;
  }
  await cache.save();
  return { pages: count, shards: shards.length };
}

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
  /** From the first page read to the index written, ms. */
  ms: number;
}

/**
 * The search's part of a build: indexes the built pages into `dist` (at most `shardPages` a
 * shard) and bundles the browser code beside them.
 */
export async function indexSite(
  dist: string,
  shardPages: number,
  project: string,
  logger: AstroIntegrationLogger,
): Promise<SearchIndexed> {
  const started = performance.now();
  const { pages, shards } = await buildIndex(dist, shardPages, project);
  await buildClient(join(dist, SEARCH_DIR), shards);
  const ms = performance.now() - started;
  logger.info(
    `搜索索引：${pages} 篇文章 / indexed ${pages} pages` +
      (shards > 1 ? ` in ${shards} shards` : '') +
      ` in ${Math.round(ms)} ms`,
  );
  return { pages, shards, ms };
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
