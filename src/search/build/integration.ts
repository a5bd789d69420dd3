// The search's part of the build (src/build/integration.ts calls it): once the pages are built,
// reads every one marked `data-pagefind-body`, indexes it with Pagefind as pair tokens (see
// search/shared/tokens.ts), and bundles the browser code to /_search/. In `astro dev`, serves
// that code and the index of the last build.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import * as esbuild from 'esbuild';
import * as pagefind from 'pagefind';
import { extractRecord, recordHtml, resultMeta, type ResultMeta, type SearchRecord } from './record.ts';
import { planShards, shardPath } from '../shared/shards.ts';
import { compactIndex } from './compact.ts';
import { files } from '../../build/files.ts';
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

/** The search records of pages, read one after another. */
async function* recordsOf(pages: { file: string; url: string }[]): AsyncGenerator<SearchRecord> {
  for (const { file, url } of pages) {
    const record = extractRecord(await readFile(file, 'utf8'), url);
    if (record) yield record;
  }
}

/** The records, each one's result fields kept in `shown` as it passes (see compactIndex). */
async function* remembering(
  records: AsyncIterable<SearchRecord> | Iterable<SearchRecord>,
  shown: Map<string, ResultMeta>,
): AsyncGenerator<SearchRecord> {
  for await (const record of records) {
    shown.set(record.url, resultMeta(record));
    yield record;
  }
}

/** Pages handed to Pagefind at once: it indexes (in its own process) while the next are read. */
const IN_FLIGHT = 64;

/**
 * Indexes records into one Pagefind index and starts writing it to `outputPath`. Returns
 * how many pages went in, and when the index is written and Pagefind stopped, which frees
 * its memory before another shard starts.
 */
async function indexShard(
  records: AsyncIterable<SearchRecord> | Iterable<SearchRecord>,
  outputPath: string,
): Promise<{ count: number; written: Promise<void> }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const inFlight = new Set<Promise<void>>();
  let count = 0;
  for await (const record of records) {
    const task = index.addHTMLFile({ url: record.url, content: recordHtml(record) }).then((added) => {
      if (added.errors.length) throw new Error(`Pagefind ${record.url}: ${added.errors.join('; ')}`);
    });
    inFlight.add(task);
    task.then(
      () => inFlight.delete(task),
      () => undefined,
    );
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    count++;
  }
  await Promise.all(inFlight);
  const written = index.writeFiles({ outputPath }).then(async ({ errors }) => {
    if (errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
    await pagefind.close();
  });
  return { count, written };
}

/** Pagefind's files that a shard does not need (see buildIndex). */
async function removeExtras(dist: string, shards: number): Promise<void> {
  for (let n = 0; n < shards; n++) {
    const folder = join(dist, shardPath(n));
    for (const name of await readdir(folder))
      if (
        n === 0
          ? /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(name)
          : /\.(js|css)$|^wasm\./.test(name)
      )
        await rm(join(folder, name));
  }
}

/**
 * Indexes the built pages into `dist/pagefind/`: one index up to the shard limit, else
 * shards (see search/shared/shards.ts) indexed one at a time. Resolves once every page is in,
 * with the pages, the shards, and `written`: the last shard is still being written.
 * Pagefind's own search interfaces, highlighter and web worker are removed (the site has
 * its own and runs Pagefind on the page), and a shard keeps only its index: the code and
 * WebAssembly of the first serve them all. Each shard is then compacted for readers
 * (search/build/compact.ts).
 */
export async function buildIndex(
  dist: string,
  limit = buildOptions().searchShardPages,
): Promise<{ pages: number; shards: number; written: Promise<void> }> {
  const pages = await builtPages(dist);
  let shards: Iterable<SearchRecord>[] | AsyncIterable<SearchRecord>[] = [recordsOf(pages)];
  // Only a site that may need shards reads every record first, to split them by date.
  if (pages.length > limit) {
    const records: SearchRecord[] = [];
    for await (const record of recordsOf(pages)) records.push(record);
    shards = planShards(records, limit);
  }
  let count = 0;
  let written = Promise.resolve();
  const compacted: Promise<void>[] = [];
  for (const [n, records] of shards.entries()) {
    // One Pagefind at a time; a written shard is compacted while the next is indexed.
    await written;
    const folder = join(dist, shardPath(n));
    const shown = new Map<string, ResultMeta>();
    const shard = await indexShard(remembering(records, shown), folder);
    count += shard.count;
    written = shard.written;
    const compact = written.then(() => compactIndex(folder, n, shown));
    compact.catch(() => undefined); // reported through `done`
    compacted.push(compact);
  }
  const done = Promise.all(compacted).then(() => removeExtras(dist, shards.length));
  done.catch(() => undefined);
  return { pages: count, shards: shards.length, written: done };
}

/** How many shards the index in `dist/pagefind/` has (1 when not split; 0 when none). */
export async function shardCount(dist: string): Promise<number> {
  let n = 0;
  while (existsSync(join(dist, shardPath(n), 'pagefind-entry.json'))) n++;
  return n;
}

/** The traditional → simplified character map, as pairs in one string, from OpenCC's tables. */
async function traditionalMap(): Promise<string> {
  const OpenCC = await import('opencc-js/t2cn');
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
 * shard) and bundles the browser code beside them. Resolves once every page is in, with
 * `written`: Pagefind writes the index on its own while deploy compresses the pages.
 */
export async function indexSite(
  dist: string,
  shardPages: number,
  logger: AstroIntegrationLogger,
): Promise<{ written: Promise<SearchIndexed> }> {
  const started = performance.now();
  const { pages, shards, written } = await buildIndex(dist, shardPages);
  await buildClient(join(dist, SEARCH_DIR), shards);
  return {
    written: written.then(() => {
      const ms = performance.now() - started;
      logger.info(
        `搜索索引：${pages} 篇文章 / indexed ${pages} pages` +
          (shards > 1 ? ` in ${shards} shards` : '') +
          ` in ${Math.round(ms)} ms`,
      );
      return { pages, shards, ms };
    }),
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
