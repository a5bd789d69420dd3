// Lighthouse (mobile, its default throttling and emulation) over the four page types: the
// home page, a column page, an article and the search page, served by the production nginx
// configuration (precompressed brotli, caching and security headers), so the scores are
// those readers would get. Used by the bench; alone it audits the current dist/.
// Usage: npm run lighthouse -- [--dir dist] [--article /news/laomo-liu-yi/] [--runs 3] [--out .tmp/lighthouse.json]
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../tests/support/browser.ts';
import { startNginx } from '../tests/support/nginx.ts';
import { homeUrl, searchUrl } from '../src/site/urls.ts';
import { sitemapPages } from '../src/site/sitemap.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface AuditedPage {
  /** home, column, article or search. */
  type: string;
  path: string;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  /** Milliseconds, except CLS (unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number };
  /** Audits below full marks, by category; those of weight 0 (insights) do not move the score. */
  failing: { category: Category; id: string; title: string; weight: number; displayValue?: string }[];
}

/** What a score counts as failing: a scored audit below full marks (insights included, notices not). */
const SCORED = new Set(['binary', 'numeric', 'metricSavings']);

/** One Lighthouse run of one page in the Chromium listening on `port`. */
async function auditOnce(port: number, origin: string, type: string, path: string): Promise<AuditedPage> {
  const result = await lighthouse(new URL(path, origin).href, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${lhr.runtimeError.message}`);
  const numeric = (id: string): number => lhr.audits[id]?.numericValue ?? NaN;
  return {
    type,
    path,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<
      Category,
      number
    >,
    metrics: {
      fcp: numeric('first-contentful-paint'),
      lcp: numeric('largest-contentful-paint'),
      tbt: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
    },
    failing: CATEGORIES.flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .map((ref) => ({ audit: lhr.audits[ref.id]!, weight: ref.weight }))
        .filter(({ audit }) => SCORED.has(audit.scoreDisplayMode) && audit.score !== null && audit.score < 1)
        .map(({ audit, weight }) => ({
          category,
          id: audit.id,
          title: audit.title,
          weight,
          ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
        })),
    ),
  };
}

/**
 * Audits each page `runs` times with Lighthouse's mobile defaults in one headless Chromium
 * and keeps the run of median performance score: throttling is simulated from what this
 * machine observed, so one stall of a busy shared CPU would otherwise count four times over.
 */
export async function auditPages(
  origin: string,
  pages: { type: string; path: string }[],
  runs = 3,
): Promise<AuditedPage[]> {
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    logLevel: 'silent',
  });
  try {
    const audited: AuditedPage[] = [];
    for (const { type, path } of pages) {
      const tries: AuditedPage[] = [];
      for (let i = 0; i < runs; i++) tries.push(await auditOnce(chrome.port, origin, type, path));
      tries.sort((a, b) => a.scores.performance - b.scores.performance);
      audited.push(tries[Math.floor(tries.length / 2)]!);
    }
    return audited;
  } finally {
    chrome.kill();
  }
}

/** The four page types of a built site: home, the first column page and article in its sitemap, search. */
export async function pagesOf(dist: string, article?: string): Promise<{ type: string; path: string }[]> {
  const paths = await sitemapPages((path) => readFile(join(dist, path), 'utf8'));
  const first = (prefix: string): string => {
    const path = paths.find((p) => p.startsWith(prefix));
    if (!path) throw new Error(`no ${prefix} page in the sitemaps of ${dist}`);
    return path;
  };
  return [
    { type: 'home', path: homeUrl() },
    { type: 'column', path: first('/column/') },
    { type: 'article', path: article ?? first('/news/') },
    { type: 'search', path: searchUrl() },
  ];
}

/**
 * Serves `dist` with the production nginx configuration and audits its four page types.
 * The address says localhost, as the build's canonical links do, so they are not another site's.
 */
export async function auditSite(
  dist: string,
  options: { article?: string; runs?: number } = {},
): Promise<AuditedPage[]> {
  const nginx = await startNginx(dist);
  try {
    const origin = nginx.origin.replace('127.0.0.1', 'localhost');
    return await auditPages(origin, await pagesOf(dist, options.article), options.runs);
  } finally {
    await nginx.stop();
  }
}

const ms = (n: number): string => `${(n / 1000).toFixed(1)} s`;

/** One line per page: the four scores, as the bench table shows them. */
export function scoreLine(page: AuditedPage): string {
  return CATEGORIES.map((c) => page.scores[c]).join(' / ');
}

/** The failing audits of each category below 100, one line each, weighted ones first. */
export function failingLines(page: AuditedPage): string[] {
  return page.failing
    .filter((f) => page.scores[f.category] < 100)
    .sort((a, b) => b.weight - a.weight)
    .map((f) => `  ✗ ${page.type} ${f.category}: ${f.title}${f.displayValue ? ` (${f.displayValue})` : ''} [${f.id}]`);
}

/** Prints a table per page: scores, paint metrics, and the failing audits of each category below 100. */
export function printAudits(pages: AuditedPage[]): void {
  for (const page of pages) {
    console.log(`\n${page.type}: ${page.path}`);
    console.table({
      ...Object.fromEntries(CATEGORIES.map((c) => [c, page.scores[c]])),
      'First Contentful Paint': ms(page.metrics.fcp),
      'Largest Contentful Paint': ms(page.metrics.lcp),
      'Total Blocking Time': `${page.metrics.tbt.toFixed(0)} ms`,
      'Cumulative Layout Shift': page.metrics.cls.toFixed(3),
    });
    for (const line of failingLines(page)) console.log(line);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      article: { type: 'string' },
      runs: { type: 'string', default: '3' },
      out: { type: 'string', default: '.tmp/lighthouse.json' },
    },
  });
  const pages = await auditSite(values.dir, {
    ...(values.article ? { article: values.article } : {}),
    runs: Number(values.runs),
  });
  printAudits(pages);
  await mkdir(resolve(values.out, '..'), { recursive: true });
  await writeFile(values.out, JSON.stringify(pages, null, 2));
  console.log(`\nJSON: ${values.out}`);
}
