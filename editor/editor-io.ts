// What `npm run new` and `npm run import` share with the outside world: questions on the
// terminal (or piped in, for tests and scripts), the articles already there, and writing
// a new file without ever replacing one.
import { constants } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { files } from '../src/build/files.ts';
import { EditorInputError, type Ask } from './editor-options.ts';
import { articleIdFromPath } from '../src/site/slug.ts';
import { parseBeijingDate } from '../src/site/dates.ts';
import { articleUrl } from '../src/site/urls.ts';
import { site } from '../src/site.config.ts';
import { ARTICLE_FILE, ARTICLES_FOLDER } from '../src/schemas/article.ts';

/** npm runs scripts in the project folder, whatever folder the editor typed the command in. */
export const PROJECT = process.cwd();
export const ARTICLES = join(PROJECT, ARTICLES_FOLDER);

/** A path as the editor sees it, relative to the project. */
export const shown = (path: string): string => relative(PROJECT, path);

/**
 * Questions read line by line from stdin. Lines are queued as they arrive, so answers piped
 * in all at once are not lost between questions; the end of input answers undefined. stdin
 * is opened only when a question is asked, so a command given every option never waits.
 */
export function prompter(): { ask: Ask; close: () => void } {
  let lines: AsyncIterator<string> | undefined;
  let close = () => {};
  const ask: Ask = async (question) => {
    if (!lines) {
      const rl = createInterface({
        input: process.stdin,
        output: process.stdout,
        terminal: Boolean(process.stdin.isTTY),
      });
      rl.on('SIGINT', () => {
        process.stdout.write('\n已取消，没有建立任何文件。 / Cancelled; nothing was written.\n');
        process.exit(130);
      });
      lines = rl[Symbol.asyncIterator]();
      close = () => rl.close();
    }
    process.stdout.write(question);
    const next = await lines.next();
    // Piped answers are not echoed by a terminal: show them so the output reads as a dialogue.
    if (!process.stdin.isTTY) process.stdout.write(`${next.done ? '' : next.value}\n`);
    return next.done ? undefined : next.value;
  };
  return { ask, close: () => close() };
}

/** Every article id in use (file names, or folder names of index files), and folders that exist. */
export async function takenSlugs(): Promise<Set<string>> {
  const taken = new Set<string>();
  for await (const file of files(ARTICLES)) {
    if (ARTICLE_FILE.test(file)) taken.add(articleIdFromPath(relative(ARTICLES, file)));
    // A folder of images without its article still claims the name.
    const folder = relative(ARTICLES, dirname(file)).split('/').at(-1);
    if (folder) taken.add(folder.toLowerCase());
  }
  return taken;
}

/** Writes a new file; fails rather than replacing one that appeared meanwhile. */
export async function writeNew(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, data, { flag: constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST')
      throw new EditorInputError(`${shown(path)} 已经存在，没有覆盖它。 / ${shown(path)} exists; not overwritten.`);
    throw error;
  }
}

/** Runs a command's main, printing an editor's mistake plainly (no stack trace) and exiting 1. */
export function run(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (!(error instanceof EditorInputError)) throw error;
    process.stderr.write(`\n错误 / Error: ${error.message}\n`);
    process.exit(1);
  });
}

/** The column whose articles are profiles (劳模风采). */
export const profileColumn = site.columns.find((c) => c.slug === site.profileColumn)!.name;

/** What to do next, printed after an article is created. */
export function nextSteps(file: string, id: string, draft: boolean, imported = false): string {
  const lines = [
    '下一步 / Next:',
    imported
      ? `  1. 打开 ${file}，对照 Word 原稿检查文字、小标题、表格和图片。\n     Open the file and check it against the Word original.`
      : `  1. 打开 ${file}，按文件里的说明写正文。\n     Open the file and write the text where the note says.`,
    `  2. 运行 npm run dev，在浏览器打开 http://localhost:4321${articleUrl({ id })} 预览。`,
    '     Run npm run dev and open that address to preview.',
  ];
  if (draft)
    lines.push(
      '  3. 写好后删掉 draft: true 一行，然后提交（commit）并推送（push）。',
      '     When it is ready, delete the line `draft: true`, then commit and push.',
    );
  else lines.push('  3. 写好后提交（commit）并推送（push）。', '     When it is ready, commit and push.');
  return lines.join('\n');
}

/** The sentence about drafts: a draft is previewed but never published until the line goes. */
export function draftNote(draft: boolean): string {
  return draft
    ? '这是草稿（draft: true）：只在 npm run dev 预览里显示，删掉这一行之前不会发布。\nThis is a draft: shown in npm run dev only, never published until you delete `draft: true`.'
    : '没有 draft: true：下次构建就会发布。 / Not a draft: it is published with the next build.';
}

/** A word about a date still to come: builds publish an article only from its date on. */
export function futureNote(date: string, now = new Date()): string[] {
  const at = parseBeijingDate(date);
  if (!at || at.getTime() <= now.getTime()) return [];
  return [
    `发布日期 ${date} 还没到：从那天起的构建才会发布它。`,
    `The date ${date} is still to come: builds from that day on publish it.`,
  ];
}
