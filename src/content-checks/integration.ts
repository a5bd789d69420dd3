// The content checks' part of the build (src/build/integration.ts runs it first): stops the
// build (and warns in dev) when an article has a mistake, listing every one with its file and
// line (see content-checks/article-checks.ts); says which articles wait for their date; in dev,
// checks an article again each time it is saved.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import {
  checkArticle,
  duplicateAddresses,
  readArticle,
  report,
  siteAddresses,
  type ArticleFile,
  type Entry,
  type Problem,
} from './article-checks.ts';
import { statusOf } from '../site/articles.ts';
import { formatDateTime } from '../site/dates.ts';
import { site } from '../site.config.ts';
import { files, inLanes, pageFiles as readPageFiles, relativeFiles } from '../build/files.ts';
import { decodeArticle } from './encoding.ts';
import { CheckCache } from './check-cache.ts';
import { setDevProblems } from './dev-problems.ts';
import { ARTICLE_FILE, ARTICLES_FOLDER } from '../schemas/article.ts';

export const ARTICLES = ARTICLES_FOLDER;

/** The articles of a check run as read (valid front matter only), and the time it ran at. */
export interface CheckedContent {
  entries: Entry[];
  now: Date;
  /** How many mistakes it found: that stop the build, in drafts, and markup removed (warnings). */
  problems: { errors: number; inDrafts: number; removed: number };
}

const posixPath = (path: string) => path.split(sep).join('/');

/**
 * Every article file under content/articles, with paths relative to the project, in order of
 * path. Read a few at a time: one after another, 10,000 articles kept the build waiting on the
 * disk for about 2 s before any check ran.
 */
export async function readArticles(project: string): Promise<ArticleFile[]> {
  const found: ArticleFile[] = [];
  if (!existsSync(join(project, ARTICLES))) return found;
  const paths: string[] = [];
  for await (const path of files(join(project, ARTICLES))) if (ARTICLE_FILE.test(path)) paths.push(path);
  await inLanes(paths, async (path) => {
    const { text, problem } = decodeArticle(await readFile(path));
    found.push({ file: posixPath(relative(project, path)), text, encodingProblem: problem });
  });
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

/** Every problem of the articles of a project, and the entries that read correctly. */
export async function checkContent(
  project: string,
  options: {
    dev: boolean;
    now?: Date;
    siteUrl: string;
    /** The files of src/pages, read here when not given. */ pageFiles?: readonly string[];
    /** Keep what the checks found for the next run, and take what the last one kept (CheckCache). */
    cache?: boolean;
  },
): Promise<{ problems: Problem[]; draftProblems: Problem[]; warnings: Problem[]; entries: Entry[] }> {
  const articles = await readArticles(project);
  const read = articles.map(readArticle);
  const entries = read.flatMap((r) => (r.entry ? [r.entry] : []));
  const context = {
    exists: (path: string) => existsSync(join(project, path)),
    size: (path: string) => statSync(join(project, path), { throwIfNoEntry: false })?.size,
    addresses: siteAddresses(entries, site, {
      now: options.now ?? new Date(),
      dev: options.dev,
      publicFiles: await relativeFiles(join(project, 'public')),
      pageFiles: options.pageFiles ?? (await readPageFiles(project)),
    }),
    siteUrl: options.siteUrl,
  };
  const base = `${ARTICLES}/`;
  const problems = duplicateAddresses(articles.map((a) => a.file.slice(base.length))).map((p) => ({
    ...p,
    file: base + p.file,
  }));
  const cache = await CheckCache.open(options.cache ? project : undefined, options.siteUrl);
  articles.forEach((article, i) =>
    problems.push(...cache.problems(article, context, (asking) => checkArticle(article, asking, read[i]))),
  );
  await cache.save();
  // A draft is not published: mistakes only its page would show are for the editor to fix
  // before publishing, not a reason to stop the site (those Astro cannot build past still are).
  const drafts = new Set(entries.filter((e) => e.data.draft).map((e) => e.file));
  const inDraft = (p: Problem) => p.onPage === true && drafts.has(p.file);
  const errors = problems.filter((p) => !p.warning);
  return {
    problems: errors.filter((p) => !inDraft(p)),
    draftProblems: errors.filter(inDraft),
    warnings: problems.filter((p) => p.warning),
    entries,
  };
}

/** Tells the editor which articles this build leaves out, and until when. */
export function logWaiting(entries: Entry[], now: Date, logger: Pick<AstroIntegrationLogger, 'info'>): void {
  const scheduled = entries.filter((e) => statusOf(e.data, now) === 'scheduled');
  const drafts = entries.filter((e) => statusOf(e.data, now) === 'draft');
  for (const e of scheduled)
    logger.info(
      `定时发布，未到时间，本次不发布 / scheduled, not yet published: ${e.file}（${e.data.title}）将于 ${formatDateTime(e.data.date!)} 后的下一次构建发布`,
    );
  if (drafts.length)
    logger.info(
      `草稿 ${drafts.length} 篇，不发布（npm run dev 中可预览） / ${drafts.length} draft(s) left out: ${drafts.map((e) => e.file).join('、')}`,
    );
}

/**
 * Checks every article as `astro build` or `astro dev` starts, and gives the articles as read
 * (for the share cards, not to read every file again). A build with mistakes ends here, with
 * the editors' report; dev warns and shows them on the pages instead.
 */
export async function runChecks(
  project: string,
  command: 'build' | 'dev',
  { siteUrl, pageFiles }: { siteUrl: string; pageFiles: readonly string[] },
  logger: AstroIntegrationLogger,
): Promise<CheckedContent> {
  const now = new Date();
  const { problems, draftProblems, warnings, entries } = await checkContent(project, {
    dev: command === 'dev',
    now,
    siteUrl,
    pageFiles,
    cache: true,
  });
  const checked = {
    entries,
    now,
    problems: { errors: problems.length, inDrafts: draftProblems.length, removed: warnings.length },
  };
  if (command === 'dev') setDevProblems([...problems, ...draftProblems, ...warnings]);
  if (command === 'build') logWaiting(entries, now, logger);
  if (warnings.length)
    logger.warn(
      `文章中有 ${warnings.length} 处内容不会出现在网页上，请删去 / ${warnings.length} thing(s) removed from the pages:\n${report(warnings)}`,
    );
  if (draftProblems.length)
    logger.warn(
      `草稿中有 ${draftProblems.length} 处错误，发布前请改正（不影响本次构建） / ${draftProblems.length} problem(s) in drafts, to fix before publishing:\n${report(draftProblems)}`,
    );
  if (problems.length === 0) return checked;
  if (command === 'dev') {
    logger.warn(
      `${problems.length} 处错误，请按提示修改（预览照常运行，出错的文章页面上会显示说明） / ${problems.length} problem(s) in the articles:\n${report(problems)}`,
    );
    return checked;
  }
  // Our report alone, not wrapped in Astro's "unhandled error" with a stack trace,
  // which reads to an editor as if the program had crashed.
  process.stderr.write(
    `\n文章中有 ${problems.length} 处错误，网站没有构建。请按提示修改后再构建：\n` +
      `The site was not built: ${problems.length} problem(s) in the articles.\n\n${report(problems)}\n`,
  );
  process.exit(1);
}

/** In the dev preview: checks an article again each time the editor saves it. */
export function watchArticles(
  server: ViteDevServer,
  project: string,
  siteUrl: string,
  logger: AstroIntegrationLogger,
): void {
  server.watcher.on('all', (event, path) => {
    if (!ARTICLE_FILE.test(path) || !posixPath(relative(project, path)).startsWith(ARTICLES)) return;
    if (event !== 'add' && event !== 'change' && event !== 'unlink') return;
    void checkContent(project, { dev: true, siteUrl }).then(({ problems, draftProblems, warnings }) => {
      const all = [...problems, ...draftProblems, ...warnings];
      setDevProblems(all);
      if (event === 'unlink') return;
      const mine = all.filter((p) => p.file === posixPath(relative(project, path)));
      if (mine.length) logger.warn(`文章有错误，请按提示修改 / Please fix:\n${report(mine)}`);
      else logger.info(`已检查，没有发现错误 / checked, no problems: ${posixPath(relative(project, path))}`);
    });
  });
}
