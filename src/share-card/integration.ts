// The share cards (see share-card/card.ts), drawn outside Astro's routes. As `astro build` starts,
// works out the build's cards from the articles' front matter (as the content checks read it)
// and draws them in worker threads while Astro renders the pages; cards in the cache are only
// found there. When the build is done, puts each card a built page names beside it, hard-linked
// from the cache, and stops the build if a page names a picture that is not there. In
// `astro dev`, draws a card when it is asked for, drafts and scheduled articles included.
import { availableParallelism } from 'node:os';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { buildVisibility } from '../site/articles.ts';
import { readArticle, type Entry } from '../content-checks/article-checks.ts';
import { namedShareImage, placedArticleCard, shareCards, type PlacedCard } from './card.ts';
import { missingGlyphsWarning, removeStalePictures, shareImage, type ShareImageFile } from './image.ts';
import { articleIdFromPath } from '../site/slug.ts';
import { shareImageUrl } from '../site/urls.ts';
import { site } from '../site.config.ts';
import { ARTICLE_FILE } from '../schemas/article.ts';
import { ARTICLES, readArticles, type CheckedContent } from '../content-checks/integration.ts';
import type { CardAnswer, CardJob } from './worker.ts';
import { files, linkOrCopy } from '../build/files.ts';
import { filesOfAddress } from '../build/dist-files.ts';
import { contentType } from '../build/mime.ts';
import type { BuildOptions } from '../build/options.ts';

const WORKER = new URL('./worker.ts', import.meta.url);

export interface DrawnCard extends ShareImageFile {
  name: string;
  /** Time the worker spent on it, drawing or finding it in the cache. */
  ms: number;
}

/**
 * Worker threads that draw cards, each taking the next card as it finishes one. They do not keep
 * the process alive until `ref()`: a build that fails leaves nothing waiting on them.
 */
export function cardPool(size: number) {
  type Task = { job: CardJob; done: (card: DrawnCard) => void; fail: (error: Error) => void };
  const queue: Task[] = [];
  const slots: { worker: Worker; task: Task | undefined }[] = [];
  let referenced = false;
  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.task || !queue.length) continue;
      slot.task = queue.shift()!;
      slot.worker.postMessage(slot.task.job);
    }
  };
  const start = (): void => {
    const slot = { worker: new Worker(WORKER), task: undefined as Task | undefined };
    if (!referenced) slot.worker.unref();
    slot.worker.on('message', (answer: CardAnswer) => {
      const task = slot.task;
      slot.task = undefined;
      if ('error' in answer) task?.fail(new Error(`分享图 ${answer.name}：${answer.error}`));
      else task?.done(answer);
      dispatch();
    });
    slot.worker.on('error', (error) => {
      slot.task?.fail(error);
      // The others fail too rather than wait for a pool that has lost a worker.
      for (const task of queue.splice(0)) task.fail(error);
    });
    slots.push(slot);
  };
  for (let i = 0; i < size; i++) start();
  return {
    draw: (job: CardJob): Promise<DrawnCard> =>
      new Promise((done, fail) => {
        queue.push({ job, done, fail });
        dispatch();
      }),
    /** Adds workers, e.g. once Astro's rendering no longer needs a core. */
    grow(to: number): void {
      while (slots.length < to) start();
      dispatch();
    },
    ref(): void {
      referenced = true;
      slots.forEach((s) => s.worker.ref());
    },
    size: (): number => slots.length,
    close: async (): Promise<void> => void (await Promise.all(slots.map((s) => s.worker.terminate()))),
  };
}

/**
 * How many workers draw while Astro syncs and renders, and after: Astro works on one thread,
 * so on a small machine one core is left to it until the pages are built. SHARE_CARD_WORKERS fixes
 * both (the bench compares).
 */
export function poolSizes(cores: number, fixed: number | undefined) {
  if (fixed !== undefined) return { rendering: fixed, after: fixed };
  return { rendering: Math.max(1, cores - 1), after: Math.max(1, cores) };
}

/** The start of an HTML file, through its head (all of it when the head is longer). */
async function headOf(file: string): Promise<string | undefined> {
  if (!file.endsWith('.html')) return undefined;
  const handle = await open(file).catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(16_384);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return bytesRead < buffer.length || text.includes('</head>') ? text : await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** The share picture each built page names (its address → the first page naming it). */
async function namedPictures(dist: string, pages: string[], address: string): Promise<Map<string, string>> {
  const named = new Map<string, string>();
  // A few dozen files at a time: enough to keep the disk busy, few enough for the file limit.
  for (let at = 0; at < pages.length; at += 64)
    await Promise.all(
      pages.slice(at, at + 64).map(async (page) => {
        for (const file of filesOfAddress(dist, `/${page}`)) {
          const head = await headOf(file);
          if (head === undefined) continue;
          const picture = namedShareImage(head, address);
          if (picture && !named.has(picture)) named.set(picture, `/${page}`);
          return;
        }
      }),
    );
  return named;
}

/** Puts a cache file at `target`: a hard link (cache files never change), else a copy. */
async function place(file: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  try {
    await link(file, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') await rm(target, { force: true });
    await linkOrCopy(file, target);
  }
}

const exists = (file: string): Promise<boolean> =>
  open(file).then(
    (h) => h.close().then(() => true),
    () => false,
  );

/** One log line of what the cards cost. */
export function costLine(cost: CardCost): string {
  return (
    `分享图 ${cost.count} 张：新绘 ${cost.drawn} 张，取自缓存 ${cost.cached} 张 / ` +
    `share cards: ${cost.count} (${cost.drawn} drawn, ${cost.drawnMs.toFixed(1)} ms each; ` +
    `${cost.cached} from cache, ${cost.cachedMs.toFixed(1)} ms each), ${cost.workers} workers, ` +
    `pool ${Math.round(cost.poolMs)} ms, build waited ${Math.round(cost.waitedMs)} ms`
  );
}

/** In dev: the card served at `path`, from the article's front matter as it is now. */
async function devCard(project: string, path: string): Promise<PlacedCard | undefined> {
  if (path === shareImageUrl()) return shareCards([], site, buildVisibility(true))[0];
  const entries: Entry[] = [];
  for await (const file of files(join(project, ARTICLES))) {
    const name = relative(project, file).split(sep).join('/');
    if (!ARTICLE_FILE.test(name) || shareImageUrl({ id: articleIdFromPath(name) }) !== path) continue;
    const { entry } = readArticle({ file: name, text: await readFile(file, 'utf8') });
    if (entry) entries.push(entry);
  }
  return shareCards(entries, site, buildVisibility(true)).find((card) => card.url === path);
}

/** What the cards of a build cost, for the log and the build report (see costLine). */
export interface CardCost {
  count: number;
  drawn: number;
  /** Mean time a worker spent on a card drawn, and on one found in the cache, ms. */
  drawnMs: number;
  cached: number;
  cachedMs: number;
  /** Workers while Astro rendered → after. */
  workers: string;
  /** From the first card asked for to the last one done, ms. */
  poolMs: number;
  /** How long the build waited for cards once the pages were built, ms. */
  waitedMs: number;
}

/** The figures of `costLine`. */
export function cardCost(cards: DrawnCard[], workers: string, poolMs: number, waitedMs: number): CardCost {
  const drawn = cards.filter((c) => !c.cached);
  const cached = cards.filter((c) => c.cached);
  const each = (list: DrawnCard[]): number =>
    Math.round((list.reduce((sum, c) => sum + c.ms, 0) / Math.max(1, list.length)) * 10) / 10;
  return {
    count: cards.length,
    drawn: drawn.length,
    drawnMs: each(drawn),
    cached: cached.length,
    cachedMs: each(cached),
    workers,
    poolMs: Math.round(poolMs),
    waitedMs: Math.round(waitedMs),
  };
}

/** The cards of one build, being drawn since it started: `finish` once the pages are built. */
export interface CardBuild {
  /**
   * Reads which card each built page names (`read`: the pages may then change), puts each
   * beside its page (drawing any no plan had), and stops the build if a page names a picture
   * that is not there; `done` resolves with what the cards cost. A failure rejects both.
   */
  finish(
    dist: string,
    pages: string[],
    siteUrl: string,
    logger: AstroIntegrationLogger,
  ): { read: Promise<void>; done: Promise<CardCost> };
}

/**
 * Starts drawing a build's share cards once the content checks have read the articles
 * (`checked`; else they are read here), while Astro syncs, bundles and renders, in a pool sized by `workers`
 * (SHARE_CARD_WORKERS), into `cacheDir`.
 */
export async function startCards(
  project: string,
  checked: CheckedContent | undefined,
  { shareCardWorkers, shareImageCache: cacheDir }: Pick<BuildOptions, 'shareCardWorkers' | 'shareImageCache'>,
): Promise<CardBuild> {
  const started = performance.now();
  const entries = checked?.entries ?? (await readArticles(project)).flatMap((file) => readArticle(file).entry ?? []);
  const planned = shareCards(entries, site, buildVisibility(false, checked?.now ?? new Date()));
  const pool = cardPool(poolSizes(availableParallelism(), shareCardWorkers).rendering);
  const drawing = new Map<string, Promise<DrawnCard>>();
  const draw = (card: PlacedCard): void => {
    const promise = pool.draw({ name: card.name, card: card.card, cacheDir });
    // Failures are reported when the build waits for the card; until then, not unhandled.
    promise.catch(() => {});
    drawing.set(card.name, promise);
  };
  planned.forEach(draw);

  /** The pictures the pages name, then the cards placed and checked (`CardBuild.finish`). */
  async function finishCards(
    dist: string,
    pages: string[],
    siteUrl: string,
    logger: AstroIntegrationLogger,
    headsRead: () => void,
  ): Promise<CardCost> {
    const waiting = performance.now();
    const first = pool.size();
    pool.ref();
    pool.grow(poolSizes(availableParallelism(), shareCardWorkers).after);
    try {
      const named = await namedPictures(dist, pages, siteUrl);
      headsRead();
      // A card goes out when a page names it; the site's always (the 404 page names it too).
      const out = planned.filter((card) => named.has(card.url) || card.url === shareImageUrl());
      // A page naming a card not planned (an article whose time came during the build) gets it now.
      const known = new Set(planned.map((card) => card.url));
      for (const entry of entries) {
        const url = shareImageUrl(entry);
        if (!named.has(url) || known.has(url) || !entry.data.date) continue;
        const card = placedArticleCard(entry, site);
        logger.info(`补画分享图 / drawing a card no plan had: ${url}`);
        draw(card);
        out.push(card);
      }
      const cards = await Promise.all(out.map((card) => drawing.get(card.name)!));
      const waited = performance.now() - waiting;
      await Promise.all(out.map((card, i) => place(cards[i]!.file, join(dist, card.url))));
      for (const card of cards) if (card.missing.length) logger.warn(missingGlyphsWarning(card.name, card.missing));
      const placed = new Set(out.map((card) => card.url));
      const absent: string[] = [];
      for (const [picture, page] of named)
        if (!placed.has(picture) && !(await exists(join(dist, picture)))) absent.push(`${page} → ${picture}`);
      if (absent.length)
        throw new Error(
          `${absent.length} 个页面的分享图不存在 / ${absent.length} page(s) name a share picture that is not there:\n${absent.join('\n')}`,
        );
      await removeStalePictures(cacheDir, new Map(cards.map((card) => [card.name, basename(card.file)])));
      const unused = planned.length - planned.filter((card) => placed.has(card.url)).length;
      if (unused) logger.warn(`${unused} 张分享图没有页面使用 / ${unused} card(s) drawn that no page names`);
      const cost = cardCost(cards, `${first}→${pool.size()}`, performance.now() - started, waited);
      logger.info(costLine(cost));
      return cost;
    } finally {
      await pool.close();
    }
  }
  return {
    finish(dist, pages, siteUrl, logger) {
      let headsRead!: () => void;
      const read = new Promise<void>((resolve) => (headsRead = resolve));
      const done = finishCards(dist, pages, siteUrl, logger, headsRead);
      return { read: Promise.race([read, done.then(() => undefined)]), done };
    },
  };
}

/**
 * In `astro dev`: draws the card a request asks for, from the article's front matter as it is
 * now (drafts and scheduled articles included), into `cacheDir`.
 */
export function serveCards(
  server: ViteDevServer,
  project: string,
  cacheDir: string,
  logger: AstroIntegrationLogger,
): void {
  server.middlewares.use((req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    // Every card's address ends like the site's (`/share.png`); other requests go on at once.
    if (!path.endsWith(shareImageUrl())) return next();
    void Promise.resolve()
      .then(() => devCard(project, decodeURI(path)))
      .then(async (placed) => {
        if (!placed) return next();
        const { png, missing } = await shareImage(placed.name, placed.card, cacheDir);
        if (missing.length) logger.warn(missingGlyphsWarning(placed.name, missing));
        res.setHeader('Content-Type', contentType(path));
        res.setHeader('Cache-Control', 'no-cache');
        res.end(png);
      })
      .catch(next);
  });
}
