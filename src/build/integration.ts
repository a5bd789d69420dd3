// The build, as one integration: which stage runs when, written in one place rather than in
// the order of a list. `astro build`:
//   content checks (as the config is read; a mistake stops here)
//   → Astro syncs the content, bundles and renders the pages, the share cards drawing in
//     worker threads meanwhile
//   → [search index (a worker thread) ‖ share cards] read the pages
//   → deploy: headers and compressed copies, while the search index is written and the
//     cards are placed beside their pages.
// `astro dev` runs the checks, then each capability's part of the dev server. The capabilities
// keep their logic in their folders; every stage takes what it needs from the build's context.
// A build ends by writing where its time went and what each stage did (build/report.ts).
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { deploySite } from './deploy.ts';
import { pageFiles } from './files.ts';
import type { BuildOptions } from './options.ts';
import { folderSize, removeReport, reportFile, writeReport, type BuildReport, type Span } from './report.ts';
import { runChecks, watchArticles, type CheckedContent } from '../content-checks/integration.ts';
import { prepareIndex, serveSearch } from '../search/build/integration.ts';
import { serveCards, startCards, type CardBuild } from '../share-card/integration.ts';

/** What the stages of one build share. */
export interface BuildContext {
  /** The project folder (Astro's root). */
  project: string;
  /** The settings from the environment, parsed once (build/options.ts). */
  options: BuildOptions;
  /** The public address the pages are written with (build/options.ts `siteUrl`). */
  siteUrl: string;
  /** The hosts the back office talks to, for its Content-Security-Policy. */
  cmsHosts: string[];
  /** The articles as the content checks read them; undefined until they ran. */
  checked: CheckedContent | undefined;
}

/** Now, in whole ms since this process started: when a stage starts or ends, for the report. */
const now = (): number => Math.round(performance.now());

/** Waits for stages run side by side, all of them, then fails with the first failure if any. */
async function sideBySide<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}

/** The site's build pipeline. `astro.config.mjs` lists it after mdx(), so deploy sees every file. */
export default function lngaBuild(settings: Pick<BuildContext, 'options' | 'siteUrl' | 'cmsHosts'>): AstroIntegration {
  const context: BuildContext = { project: process.cwd(), ...settings, checked: undefined };
  let cards: CardBuild | undefined;
  let searchIndex: ReturnType<typeof prepareIndex> | undefined;
  // When the stages ran, for the report.
  let checked: Span | undefined;
  let cardsStarted = 0;
  return {
    name: 'lnga-build',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
        context.project = fileURLToPath(config.root);
        // The files of src/pages, read once: the route model's pages (src/site/routes.ts).
        const pages = await pageFiles(context.project);
        updateConfig({
          vite: {
            define: {
              // Set from the command, not from DEV, which a test runner or a shell may have set.
              __PREVIEW_UNPUBLISHED__: JSON.stringify(command === 'dev'),
              __PAGE_FILES__: JSON.stringify(pages),
            },
          },
        });
        if (command !== 'build' && command !== 'dev') return;
        if (command === 'build') await removeReport(context.project);
        const start = now();
        context.checked = await runChecks(
          context.project,
          command,
          { siteUrl: context.siteUrl, pageFiles: pages },
          logger.fork('lnga-content-checks'),
        );
        checked = { start, end: now() };
        if (command !== 'build') return;
        // The cards start drawing as soon as the articles are known: Astro's content sync and
        // bundling, which come next, keep one core busy and leave the other to the cards.
        // The search index's thread opens what the last build kept meanwhile too.
        searchIndex = prepareIndex(context.project, context.options.searchShardPages);
        cardsStarted = now();
        cards = await startCards(context.project, context.checked, context.options);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!cards || !searchIndex || !checked || !context.checked)
          throw new Error('astro:build:done before the checks, cards and search index started');
        const rendered = now();
        const dist = fileURLToPath(dir);
        let cardsDone = 0;
        let indexDone = 0;
        const search = searchIndex.start(dist, logger.fork('lnga-search'));
        const placing = cards.finish(
          dist,
          pages.map((p) => p.pathname),
          context.siteUrl,
          logger.fork('lnga-share-cards'),
        );
        const indexed = search.done.finally(() => (indexDone = now()));
        const placed = placing.done.finally(() => (cardsDone = now()));
        // A failure is reported where it is awaited.
        indexed.catch(() => undefined);
        placed.catch(() => undefined);
        // The index and the cards read the pages before deploy rewrites them; then the index is
        // written in its thread and the cards placed while deploy prepares and compresses the pages.
        await sideBySide(search.read, placing.read);
        const deployStart = now();
        const deployed = await deploySite(dist, context, logger.fork('lnga-deploy'), indexed);
        const deployEnd = now();
        const [index, cost] = await sideBySide(indexed, placed);
        const report: BuildReport = {
          finished: new Date().toISOString(),
          outDir: dist,
          totalMs: 0,
          checks: { ...checked, articles: context.checked.entries.length, ...context.checked.problems },
          render: { start: checked.end, end: rendered, pages: pages.length },
          searchIndex: {
            start: rendered,
            end: indexDone,
            pages: index.pages,
            shards: index.shards,
          },
          shareCards: { start: cardsStarted, end: cardsDone, ...cost },
          deploy: { start: deployStart, end: deployEnd, ...deployed },
          dist: folderSize(dist),
        };
        report.totalMs = now();
        await writeReport(context.project, report);
        logger.info(`构建报告 / build report: ${relative(context.project, reportFile(context.project))}`);
        await search.saved;
      },
      'astro:server:setup': ({ server, logger }) => {
        watchArticles(server, context.project, context.siteUrl, logger.fork('lnga-content-checks'));
        serveSearch(server, context.project);
        serveCards(server, context.project, context.options.shareImageCache, logger.fork('lnga-share-cards'));
      },
    },
  };
}
