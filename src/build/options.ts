// The build's settings from the environment, read and checked in this one place; the rest of
// the build takes them typed. Each is for maintainers, tests and the bench: editors set none
// (the public address they set in src/site.config.ts; SITE_URL is the publishing workflow's).
import { join } from 'node:path';
import { z } from 'astro/zod';
import { siteSchema, type SiteConfig } from '../schemas/site.ts';
import { SHARD_PAGES } from '../search/shared/shards.ts';

export interface BuildOptions {
  /** SITE_URL: the public address, over `url` in src/site.config.ts; undefined when unset or empty. */
  siteUrl: string | undefined;
  /** SEARCH_SHARD_PAGES: the most pages one search index holds (see search/shared/shards.ts). */
  searchShardPages: number;
  /** SHARE_CARD_WORKERS: a fixed number of share-card workers; undefined sizes them by the cores. */
  shareCardWorkers: number | undefined;
  /** SHARE_IMAGE_CACHE: where drawn share cards are kept (the bench starts from an empty one). */
  shareImageCache: string;
}

/**
 * What builds keep for the next one, in the project's `.cache/` (outside `node_modules/`, so
 * `npm ci` keeps it; deleting it makes the next build render, index, compress and draw again).
 */
export const CACHE = {
  /** Astro's own: its content store and the pages it copies between builds. */
  astro: '.cache/astro',
  /** What the content checks found in each article (content-checks/check-cache.ts). */
  contentChecks: '.cache/content-checks.v8',
  /** The search records of the last build's pages (search/build/record-cache.ts). */
  searchRecords: '.cache/search-records.v8',
  /** The search result fragments of the last build's index (search/build/record-cache.ts). */
  searchFragments: '.cache/search-fragments',
  /** Compressed copies of the files of dist/ (build/deploy.ts). */
  compressed: '.cache/compressed',
  /** The pages as deploy prepared them, with their brotli copies (build/deploy.ts). */
  deployedPages: '.cache/deployed',
  /** Drawn share cards (share-card/image.ts), unless SHARE_IMAGE_CACHE moves them. */
  shareCards: '.cache/share-cards',
} as const;

/** A whole number of 1 or more, or undefined for anything else (unset, empty, `many`, 0). */
function count(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/** The options of `env`, with paths from `cwd` (the project: the build and the tests run there). */
export function parseBuildOptions(env: NodeJS.ProcessEnv, cwd: string): BuildOptions {
  return {
    siteUrl: env['SITE_URL'] || undefined,
    searchShardPages: count(env['SEARCH_SHARD_PAGES']) ?? SHARD_PAGES,
    shareCardWorkers: count(env['SHARE_CARD_WORKERS']),
    shareImageCache: env['SHARE_IMAGE_CACHE'] || join(cwd, CACHE.shareCards),
  };
}

/**
 * The public address a build writes into its pages: SITE_URL over `url` in src/site.config.ts,
 * checked by the site schema (a wrong SITE_URL is reported as `url`, in the schema's words).
 * astro.config.mjs gives it to Astro as `site`, which pages read (src/site/published-site.ts).
 */
export function siteUrl(options: Pick<BuildOptions, 'siteUrl'>, config: Pick<SiteConfig, 'url'>): string {
  return z.object({ url: siteSchema.shape.url }).parse({ url: options.siteUrl ?? config.url }).url;
}

let options: BuildOptions | undefined;

/** This process's options, parsed on first use. */
export const buildOptions = (): BuildOptions => (options ??= parseBuildOptions(process.env, process.cwd()));

/**
 * The heap (MB) the build's Astro process may use: three quarters of the machine's memory, and
 * never less than Node's own limit of about 4 GB, which it keeps whatever the machine has. At
 * 100,000 articles the search index, built after every page, needs more than 4 GB beside
 * Astro's content store. A `--max-old-space-size` in NODE_OPTIONS is left to decide.
 */
export function heapLimitMb(totalMemoryBytes: number, nodeOptions = ''): number | undefined {
  if (/--max-old-space-size/.test(nodeOptions)) return undefined;
  return Math.max(4096, Math.floor((totalMemoryBytes / 1024 / 1024) * 0.75));
}
