// What a build did and where its time went, written by the build pipeline (integration.ts) once
// deploy is done, to .astro/build-report.json: beside Astro's own state, outside dist/ (never
// deployed, never served), one file a project (builds take turns, see build-lock.ts), and
// removed as a build starts, so a build that fails leaves none. `npm run bench` reads it.
import { statSync } from 'node:fs';
import { mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Deployed } from './deploy.ts';
import { filesNow } from './files.ts';
import type { CardCost } from '../share-card/integration.ts';

/** When a stage ran: ms since the build's process started (stages overlap). */
export interface Span {
  start: number;
  end: number;
}

export interface BuildReport {
  /** When the report was written (ISO). */
  finished: string;
  /** The folder the site was built into (`.dist/<time>-<pid>/`, which `dist` then links to). */
  outDir: string;
  /** From the process's start to the report, ms. */
  totalMs: number;
  /** The content checks: the articles read, mistakes that stop a build, in drafts, markup removed. */
  checks: Span & { articles: number; errors: number; inDrafts: number; removed: number };
  /** Astro's own part, from the checks to its last page: content layer, Vite, rendering. */
  render: Span & { pages: number };
  /** From the first page read to the index written. */
  searchIndex: Span & { pages: number; shards: number };
  /** From the first card asked for, as Astro starts, to the last one beside its page. */
  shareCards: Span & CardCost;
  /** Headers and compressed copies, waiting for the search index at the end. */
  deploy: Span & Deployed;
  /** What `dist` holds once deployed: what a deploy copies. */
  dist: { files: number; bytes: number };
}

/** The report of the last build of `project`. */
export const reportFile = (project: string): string => join(project, '.astro', 'build-report.json');

export async function writeReport(project: string, report: BuildReport): Promise<void> {
  await mkdir(dirname(reportFile(project)), { recursive: true });
  await writeFile(reportFile(project), JSON.stringify(report, null, 2) + '\n');
}

/** Forgets the last build's report, as a build starts. */
export const removeReport = (project: string): Promise<void> => rm(reportFile(project), { force: true });

/** A folder's real path (`dist` is a link), or the path as given where there is none. */
const real = (path: string): Promise<string> => realpath(path).catch(() => resolve(path));

/** The report of the last build of `project`, which must have been built into `outDir` (or `dist` linking to it). */
export async function readReport(project: string, outDir: string): Promise<BuildReport> {
  const report = JSON.parse(await readFile(reportFile(project), 'utf8')) as BuildReport;
  if ((await real(report.outDir)) !== (await real(outDir)))
    throw new Error(`${reportFile(project)} is the report of ${report.outDir}, not of ${outDir}`);
  return report;
}

/**
 * Notes in the report of the last build that its folder was moved to `outDir` (a build is
 * renamed from .dist/building/ to a folder of its own, see build/site-switch.ts).
 */
export async function relocateReport(project: string, outDir: string): Promise<void> {
  const report = JSON.parse(await readFile(reportFile(project), 'utf8')) as BuildReport;
  await writeReport(project, { ...report, outDir });
}

/** How many files `folder` holds and their bytes. */
export function folderSize(folder: string): { files: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  // One stat after another: the build's last step, with nothing left to wait for, and 34,000
  // files took 0.7 s as promises against 0.2 s.
  for (const file of filesNow(folder)) {
    count++;
    bytes += statSync(file).size;
  }
  return { files: count, bytes };
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** The stages in the order they start, each with when it started and how long it took. */
export function stageRows(
  report: BuildReport,
): { stage: string; 'from (s)': string; 'takes (s)': string; did: string }[] {
  const { checks, render, searchIndex, shareCards: cards, deploy, dist } = report;
  const rows: [string, Span, string][] = [
    ['checks', checks, `${checks.articles} articles, ${checks.errors} errors, ${checks.removed} removed`],
    ['share cards', cards, `${cards.count}: ${cards.drawn} drawn, ${cards.cached} cached, ${cards.workers} workers`],
    ['render (Astro)', render, `${render.pages} pages`],
    ['search index', searchIndex, `${searchIndex.pages} pages, ${searchIndex.shards} shard(s)`],
    [
      'deploy',
      deploy,
      `${deploy.compressed} files compressed in ${seconds(deploy.compressMs)} s; dist ${dist.files} files, ${(dist.bytes / 1024 / 1024).toFixed(0)} MB`,
    ],
  ];
  return rows
    .sort(([, a], [, b]) => a.start - b.start)
    .map(([stage, span, did]) => ({
      stage,
      'from (s)': seconds(span.start),
      'takes (s)': seconds(span.end - span.start),
      did,
    }));
}
