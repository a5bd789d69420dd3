// The benchmark: generates N Chinese articles in a temporary copy of the site (never in
// content/), builds and indexes them, serves the result and measures what readers get; then
// changes one article and builds again to time a rebuild, when the other share cards come
// from the cache. Each build's figures come from its report (.astro/build-report.json,
// src/build/report.ts), stage by stage.
// Usage: npm run bench -- [--articles 1000] [--text topical|uniform] [--out .tmp/bench-1000.json] [--keep]
// (--keep leaves the generated site in place, e.g. for tools/search-probe.ts; --text
// uniform makes every article hold nearly every phrase, the worst case for search).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateArticles, type ArticleText } from './generate-articles.ts';
import { auditSite, failingLines, scoreLine } from './lighthouse.ts';
import { startNginx } from '../tests/support/nginx.ts';
import { probeSearch, UNSPACED_QUERIES, type ProbeQuery } from './search-probe.ts';
import { createTempSite } from '../tests/support/temp-site.ts';
import { kb, pageBytes as articlePageBytes } from './page-bytes.ts';
import { articleUrl } from '../src/site/urls.ts';
import { queryTerms } from '../src/search/shared/tokens.ts';
import { files } from '../src/build/files.ts';
import { readReport, stageRows, type BuildReport } from '../src/build/report.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    text: { type: 'string', default: 'topical' },
    /** Only build and index (for very large runs): no search, rebuild or Lighthouse. */
    'build-only': { type: 'boolean', default: false },
  },
});
const count = Number(values.articles);
if (values.text !== 'topical' && values.text !== 'uniform') throw new Error('--text is topical or uniform');
const text: ArticleText = values.text;
const out = values.out ?? `.tmp/bench-${count}.json`;

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* the process ended */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      /* the process ended */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `npm run build` (src/build/build.ts) in `dir`, sampling the memory of its process tree. */
function build(dir: string): Promise<{ ms: number; peak: number; output: string; code: number }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [resolve('src/build/build.ts')], {
      cwd: dir,
      // A share card cache of its own, empty at first: the first build draws every card.
      env: {
        ...process.env,
        NO_COLOR: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
        SHARE_IMAGE_CACHE: join(dir, '.share-cache'),
      },
    });
    let output = '';
    let peak = 0;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 200);
    child.on('close', (code) => {
      clearInterval(timer);
      done({ ms: performance.now() - started, peak, output, code: code ?? 1 });
    });
  });
}

async function folderBytes(dir: string, keep: (file: string) => boolean = () => true): Promise<number> {
  let total = 0;
  for await (const path of files(dir)) if (keep(path)) total += statSync(path).size;
  return total;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The share card figures as one table cell. */
const shareCardRow = (c: BuildReport['shareCards']): string =>
  `${c.count}: ${c.drawn} drawn ${c.drawnMs.toFixed(1)} ms, ${c.cached} cached ${c.cachedMs.toFixed(1)} ms each; ` +
  `${c.workers} workers, pool ${(c.poolMs / 1000).toFixed(1)} s, build waited ${(c.waitedMs / 1000).toFixed(1)} s`;

/** The report of the build just made in `dir` (src/build/report.ts), its stages printed. */
async function builtReport(dir: string, title: string): Promise<BuildReport> {
  const report = await readReport(dir, join(dir, 'dist'));
  console.log(`${title}: 各阶段 / stages (s since the build's process started; stages overlap)`);
  console.table(stageRows(report));
  return report;
}

/** Writes the figures as JSON (for comparing runs) and prints the table. */
async function save(figures: object, rows: Record<string, string>): Promise<void> {
  await mkdir(resolve(out, '..'), { recursive: true });
  await writeFile(out, JSON.stringify(figures, null, 2));
  console.table(rows);
  console.log(`JSON: ${out}`);
}

const temp = await createTempSite();
try {
  console.log(`生成 ${count} 篇文章 / generating ${count} ${text} articles in ${temp.dir}`);
  const articles = generateArticles(count, 1, text);
  for (const a of articles) await temp.write(a.path, a.source);

  const result = await build(temp.dir);
  // A failed build writes no report: the routes it wrote say how far it got.
  if (result.code !== 0)
    throw new Error(
      `build failed after ${(result.ms / 1000).toFixed(0)} s, peak memory ${mb(result.peak)}, ` +
        `${[...result.output.matchAll(/ (\/\S+) \(\+\d+ms\)/g)].length} routes written:\n${result.output.slice(-3000)}`,
    );
  const report = await builtReport(temp.dir, 'first build');
  const pages = report.render.pages;
  const dist = join(temp.dir, 'dist');
  const plain = (f: string): boolean => !/\.(br|gz)$/.test(f);
  // What every run reports: the build and its index.
  const buildFigures = {
    articles: count,
    text,
    pages,
    buildSeconds: result.ms / 1000,
    indexSeconds: (report.searchIndex.end - report.searchIndex.start) / 1000,
    peakMemoryBytes: result.peak,
    pagesPerSecond: pages / (result.ms / 1000),
    // What a deploy copies: every file, the compressed copies and share cards included.
    distAllBytes: report.dist.bytes,
    shareCardBytes: await folderBytes(dist, (f) => f.endsWith('/share.png')),
  };
  const buildRows = {
    'build + index (s)': buildFigures.buildSeconds.toFixed(1),
    '  of which search index (s)': buildFigures.indexSeconds.toFixed(1),
    'peak memory (build and index)': mb(buildFigures.peakMemoryBytes),
    'pages per second': buildFigures.pagesPerSecond.toFixed(0),
    'dist/ (all files, as deployed)': `${mb(buildFigures.distAllBytes)} (share cards ${mb(buildFigures.shareCardBytes)})`,
  };
  const cold = report.shareCards;
  if (values['build-only']) {
    await save({ ...buildFigures, shareCards: cold, report }, { ...buildRows, 'share cards': shareCardRow(cold) });
    if (!values.keep) await temp.remove();
    process.exit(0);
  }

  // One generated article page, as the production server sends it.
  const pageBytes = await articlePageBytes(dist, articleUrl({ id: 'bench-00001' }));

  // Search in Chromium, served by the production nginx: time, bytes over the wire
  // (compressed), requests and Pagefind searches of the first search and of 20 later ones.
  const nginx = await startNginx(dist);
  const probe = await probeSearch(nginx.origin, articleUrl({ id: 'bench-00001' }));
  // Queries typed without spaces, on a visit of their own.
  const [unspacedFirst, ...unspacedLater] = (await probeSearch(
    nginx.origin,
    articleUrl({ id: 'bench-00001' }),
    UNSPACED_QUERIES,
  ).finally(() => nginx.stop())) as [ProbeQuery, ...ProbeQuery[]];
  const [first, ...later] = probe as [ProbeQuery, ...ProbeQuery[]];
  // Queries of terms not asked before, and queries that repeat an earlier term.
  const asked = new Set(queryTerms(first.query));
  const fresh: ProbeQuery[] = [];
  const refined: ProbeQuery[] = [];
  for (const q of later) {
    const terms = queryTerms(q.query);
    (terms.some((t) => asked.has(t)) ? refined : fresh).push(q);
    for (const t of terms) asked.add(t);
  }

  // A rebuild after an editor changed one article: the other share cards come from the cache.
  const changed = articles.find((a) => a.path.endsWith('/bench-00001.md'))!;
  await temp.write(changed.path, `${changed.source}\n沈阳服装产业园举办智能制造设计大赛，吸引了300多名专业观众。\n`);
  const rebuild = await build(temp.dir);
  if (rebuild.code !== 0) throw new Error(`rebuild failed:\n${rebuild.output.slice(-3000)}`);
  const rebuildReport = await builtReport(temp.dir, 'rebuild');
  const warm = rebuildReport.shareCards;
  // Lighthouse (mobile) of the four page types, served by the production nginx configuration.
  const lighthouse = await auditSite(dist, { article: articleUrl({ id: 'bench-00001' }) });

  const figures = {
    ...buildFigures,
    distBytes: await folderBytes(dist, plain),
    indexBytes: await folderBytes(join(dist, 'pagefind'), plain),
    articlePage: pageBytes,
    firstSearch: {
      ms: first.ms,
      wireBytes: first.wireBytes,
      requests: first.requests.length,
      searches: first.calls.length,
    },
    laterSearchMedianMs: median(later.map((q) => q.ms)),
    // Queries of terms not asked before, and queries refining an earlier one (西柳 → 西柳 商会),
    // whose earlier terms the search box remembers.
    newTermsMedianMs: median(fresh.map((q) => q.ms)),
    refinedMedianMs: median(refined.map((q) => q.ms)),
    laterSearchMedianSearches: median(later.map((q) => q.calls.length)),
    // Several words typed without spaces: the first search of a visit, and the later ones.
    unspaced: {
      firstMs: unspacedFirst.ms,
      firstSearches: unspacedFirst.calls.length,
      laterMedianMs: median(unspacedLater.map((q) => q.ms)),
      laterMaxMs: Math.max(...unspacedLater.map((q) => q.ms)),
      laterMedianSearches: median(unspacedLater.map((q) => q.calls.length)),
    },
    searchProbe: probe,
    unspacedProbe: [unspacedFirst, ...unspacedLater],
    rebuildSeconds: rebuild.ms / 1000,
    shareCards: { cold, warm },
    lighthouse,
    report,
    rebuildReport,
  };
  await save(figures, {
    ...buildRows,
    'dist/ (uncompressed)': mb(figures.distBytes),
    'search index': mb(figures.indexBytes),
    'article HTML+CSS (brotli)': kb(pageBytes.htmlBrotli + pageBytes.cssBrotli),
    '  HTML / CSS (brotli)': `${kb(pageBytes.htmlBrotli)} / ${kb(pageBytes.cssBrotli)}`,
    'article HTML+CSS (gzip)': kb(pageBytes.htmlGzip + pageBytes.cssGzip),
    'JS before interaction': `${kb(pageBytes.inlineScript)} inline, ${pageBytes.externalScripts} files`,
    '  inline SVG / JSON-LD (uncompressed)': `${kb(pageBytes.inlineSvg)} / ${kb(pageBytes.jsonLd)}`,
    'first search (bytes compressed, as sent)': `${first.ms.toFixed(0)} ms, ${kb(first.wireBytes)}, ${first.requests.length} requests, ${first.calls.length} Pagefind searches`,
    'later searches (median of 20)': `${figures.laterSearchMedianMs.toFixed(0)} ms, ${figures.laterSearchMedianSearches} Pagefind searches`,
    '  new terms / refined queries (medians)': `${figures.newTermsMedianMs.toFixed(0)} ms (${fresh.length}) / ${figures.refinedMedianMs.toFixed(0)} ms (${refined.length})`,
    'unspaced: first search': `${unspacedFirst.ms.toFixed(0)} ms, ${kb(unspacedFirst.wireBytes)}, ${unspacedFirst.calls.length} Pagefind searches`,
    [`unspaced: later searches (median / slowest of ${unspacedLater.length})`]: `${figures.unspaced.laterMedianMs.toFixed(0)} / ${figures.unspaced.laterMaxMs.toFixed(0)} ms, ${figures.unspaced.laterMedianSearches} Pagefind searches`,
    'rebuild, one article changed (s)': figures.rebuildSeconds.toFixed(1),
    'share cards, first build': shareCardRow(cold),
    'share cards, rebuild': shareCardRow(warm),
    ...Object.fromEntries(
      lighthouse.map((p) => [
        `Lighthouse ${p.type} (perf/a11y/bp/seo)`,
        `${scoreLine(p)}, LCP ${(p.metrics.lcp / 1000).toFixed(1)} s`,
      ]),
    ),
  });
  for (const line of lighthouse.flatMap(failingLines)) console.log(line);
} finally {
  if (values.keep) console.log(`保留生成的网站 / kept the generated site: ${join(temp.dir, 'dist')}`);
  else await temp.remove();
}
