// Builds the Chinese search: after `astro build`, reads every built page marked
// `data-pagefind-body`, indexes it with Pagefind as pair tokens (see lib/search-tokens.ts),
// and bundles the browser code to /_search/. In `astro dev`, serves that code and the
// index of the last build.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as esbuild from 'esbuild';
import * as pagefind from 'pagefind';
import { extractRecord, recordHtml } from '../lib/search-record.ts';
import { files } from './files.ts';

const CLIENT_ENTRY = fileURLToPath(new URL('../scripts/search/client.ts', import.meta.url));
/** Where the browser code lives; the inline boot script imports `${SEARCH_DIR}search.js`. */
export const SEARCH_DIR = '/_search/';

/** `dist/news/a/index.html` → `/news/a/`. */
function urlOf(dist: string, file: string): string {
  const path = relative(dist, file).split(sep).join('/');
  return '/' + path.replace(/(^|\/)index\.html$/, '$1');
}

/** Indexes the built pages into `dist/pagefind/`; returns how many pages went in. */
export async function buildIndex(dist: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  let count = 0;
  for await (const file of files(dist)) {
    if (extname(file) !== '.html') continue;
    const url = urlOf(dist, file);
    if (url === '/404.html') continue;
    const record = extractRecord(await readFile(file, 'utf8'), url);
    if (!record) continue;
    const added = await index.addHTMLFile({ url, content: recordHtml(record) });
    if (added.errors.length) throw new Error(`Pagefind ${url}: ${added.errors.join('; ')}`);
    count++;
  }
  const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  // Pagefind's own search interfaces and highlighter: the site has its own. And its web
  // worker: the site runs Pagefind on the page (see scripts/search/engine.ts).
  for (const name of await readdir(join(dist, 'pagefind')))
    if (/^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(name)) await rm(join(dist, 'pagefind', name));
  return count;
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

/** Bundles the browser code (one ES module) and writes the conversion table beside it. */
export async function buildClient(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: { search: CLIENT_ENTRY },
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    outdir: outDir,
    legalComments: 'none',
  });
  await writeFile(join(outDir, 't2s.json'), JSON.stringify(await traditionalMap()));
}

export default function search(): AstroIntegration {
  let logger: AstroIntegrationLogger;
  let root: URL;
  return {
    name: 'lnga-search',
    hooks: {
      'astro:config:done': ({ config, logger: l }) => {
        logger = l;
        root = config.root;
      },
      'astro:build:done': async ({ dir }) => {
        const dist = fileURLToPath(dir);
        const started = performance.now();
        await buildClient(join(dist, SEARCH_DIR));
        const count = await buildIndex(dist);
        logger.info(
          `搜索索引：${count} 篇文章 / indexed ${count} pages in ${Math.round(performance.now() - started)} ms`,
        );
      },
      'astro:server:setup': ({ server }) => {
        const dist = fileURLToPath(new URL('dist/', root));
        const devClient = fileURLToPath(new URL('.astro/search-dev/', root));
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
            bundled ??= buildClient(devClient);
            void bundled
              .then(() =>
                send(
                  join(devClient, path.slice(SEARCH_DIR.length)),
                  path.endsWith('.json') ? 'application/json' : 'text/javascript',
                ),
              )
              .catch(next);
            return;
          }
          if (path.startsWith('/pagefind/')) {
            const file = join(dist, path);
            if (!existsSync(file) || path.endsWith('/')) {
              res.statusCode = 404;
              res.end('搜索索引还没有生成：请先运行 npm run build / no search index yet: run npm run build');
              return;
            }
            const types: Record<string, string> = {
              '.js': 'text/javascript',
              '.json': 'application/json',
              '.css': 'text/css',
            };
            void send(file, types[extname(file)] ?? 'application/octet-stream').catch(next);
            return;
          }
          next();
        });
      },
    },
  };
}
