// Checks of the article files as editors wrote them, run before the build (and by
// `npm run check:content`), so that every mistake is reported at once, in Chinese with the
// English beneath, naming the file and the line; Astro alone would stop at the first one with
// an English stack trace, and some mistakes it never sees: YAML silently turns 2024-02-30 into
// 1 March, two files can claim one address, a link can point at a page that does not exist.
import { posix } from 'node:path';
import type { MdastNode } from 'satteri';
import { z } from 'astro/zod';
import type { ImageFunction } from 'astro:content';
import { safetyFindings } from '../content-safety/check.ts';
import { articleSchema, personSchema } from '../schemas/article.ts';
import { fieldForChinese, readFrontMatter } from './front-matter.ts';
import { parseArticle } from './mdx-syntax.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { buildVisibility } from '../site/articles.ts';
import { siteRoutes } from '../site/routes.ts';
import { parseBeijingDate } from '../site/dates.ts';
import { articleIdFromPath } from '../site/slug.ts';

export interface Problem {
  /** Path relative to the project, e.g. content/articles/2022/laomo-liu-yi.mdx. */
  file: string;
  line: number;
  /** Chinese, then English. */
  message: string;
  /**
   * Only the published page would be wrong (alt text, links, components, attachments), so a
   * draft, which a build does not render, may carry it; other mistakes stop Astro itself.
   */
  onPage?: boolean;
  /** The build goes on: the page will lack what the message names (see content-safety/). */
  warning?: boolean;
}

/** An article file as read from disk; `file` is relative to the project. */
export interface ArticleFile {
  file: string;
  text: string;
  /** The file was not UTF-8 (see content-checks/encoding.ts): what the editor must do. */
  encodingProblem?: string | undefined;
}

/** What the checks need to know of the world outside one file. */
export interface CheckContext {
  /** Whether a file exists, by path relative to the project. */
  exists: (path: string) => boolean;
  /** Every address the build will have (see `siteAddresses`). */
  addresses: Pick<ReadonlySet<string>, 'has'>;
  /** The site's own origin: links to it are checked like internal ones. */
  siteUrl: string;
  /** A file's size in bytes, by path relative to the project (for pictures too large to commit). */
  size?: (path: string) => number | undefined;
}

/** The front matter as the schema reads it; images stay paths here (typed as Astro images). */
const schema = articleSchema((() => z.string()) as unknown as ImageFunction);
type FrontMatter = z.infer<typeof schema>;

/** Every field name of the schema, at any level, for reading front matter as editors write it. */
const FIELD_NAMES = new Set([
  ...Object.keys(schema.shape),
  ...Object.keys(personSchema((() => z.string()) as unknown as ImageFunction).shape),
  'file',
]);

/** English words of Zod's own messages, for the types an editor can get wrong. */
const KINDS: Record<string, string> = {
  object: '下一级字段（换行，缩进两个空格再写）',
  array: '列表，如 [甲, 乙]',
  boolean: 'true 或 false',
  string: '文字',
  number: '数字',
};

/** A schema message in the editor's words: ours are Chinese already; Zod's own are translated. */
function inChinese(issue: z.core.$ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  const expected = (issue as { expected?: string }).expected;
  if (issue.code === 'invalid_type' && expected && KINDS[expected])
    return `这里应该写${KINDS[expected]}。 / ${issue.message}`;
  return `写法不对，请对照编辑指南检查这一项。 / ${issue.message}`;
}

/** Parses the front matter; keyboard, YAML and schema mistakes become problems with their line. */
function readFields(
  file: string,
  text: string,
  problems: Problem[],
): { data: FrontMatter | undefined; lineOf: (path: readonly PropertyKey[]) => number } {
  const front = readFrontMatter(text, FIELD_NAMES);
  if (!front) {
    problems.push({
      file,
      line: 1,
      message:
        '文件开头缺少文章信息：第一行写 ---，接着写 title、date、column，再写一行 ---。 / The file must start with front matter between two --- lines.',
    });
    return { data: undefined, lineOf: () => 1 };
  }
  for (const problem of front.problems) problems.push({ file, ...problem });
  front.lines.forEach((line, i) => {
    const date = /^date:\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/.exec(line)?.[1];
    if (date && !parseBeijingDate(date))
      problems.push({
        file,
        line: i + 2,
        message: `日期「${date}」不存在或格式不对，请写成 2022-07-12 或 2022-07-12 09:30。 / date ${date} is not a real date: write 2022-07-12 or 2022-07-12 09:30.`,
      });
  });
  // Fields YAML could not read stop here; the keyboard's mistakes are already set right in
  // `front.data`, so the schema names what else is wrong in the same report.
  if (front.problems.length > 0 && front.data === undefined) return { data: undefined, lineOf: front.lineOf };
  const result = schema.safeParse(front.data ?? {});
  if (result.success) return { data: front.problems.length ? undefined : result.data, lineOf: front.lineOf };
  for (const issue of result.error.issues) {
    // The raw-text check above already named an impossible date.
    if (issue.path[0] === 'date' && problems.some((p) => p.message.startsWith('日期「'))) continue;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
    const chinese = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [k, fieldForChinese(k)]) : [];
    const renamed = chinese.filter(([, english]) => english);
    problems.push({
      file,
      line: front.lineOf(path),
      message: renamed.length
        ? `字段名要用英文：${renamed.map(([k, e]) => `「${k}」请写成 ${e}`).join('，')}。 / Field names are English: ${renamed.map(([k, e]) => `${e} for ${k}`).join(', ')}.`
        : `${path.length ? `${path.join('.')}：` : ''}${inChinese(issue)}`,
    });
  }
  return { data: undefined, lineOf: front.lineOf };
}

/** Mistakes of the schema-valid front matter that need the file system: missing or huge files. */
function checkFrontMatterFiles(
  file: string,
  data: FrontMatter,
  lineOf: (path: readonly PropertyKey[]) => number,
  context: CheckContext,
): Problem[] {
  const dir = posix.dirname(file);
  const wanted: { path: string; field: PropertyKey[]; what: string }[] = [];
  if (data.cover) wanted.push({ path: String(data.cover), field: ['cover'], what: '封面图 / cover image' });
  if (data.person?.portrait)
    wanted.push({ path: String(data.person.portrait), field: ['person', 'portrait'], what: '肖像 / portrait' });
  data.attachments.forEach((attachment, i) =>
    wanted.push({ path: attachment.file, field: ['attachments', i], what: '附件 / attachment' }),
  );
  const problems: Problem[] = [];
  for (const { path, field, what } of wanted) {
    const local = posix.join(dir, path);
    if (context.exists(local)) {
      if (field[0] !== 'attachments') problems.push(...largeImage(file, lineOf(field), path, context.size?.(local)));
      continue;
    }
    problems.push({
      file,
      line: lineOf(field),
      // Astro resolves cover and portrait images of every entry; attachments only of pages it builds.
      onPage: field[0] === 'attachments',
      message: `找不到${what.split(' / ')[0]}文件「${path}」：请把文件放在 ${dir}/ 里，文件名与这里写的完全一致（包括大小写和扩展名）。 / ${what.split(' / ')[1]} file ${path} not found next to the article.`,
    });
  }
  return problems;
}

/** Pictures larger than this are worth shrinking before they are committed. */
export const LARGE_IMAGE_BYTES = 3 * 1024 * 1024;

/** A warning for a picture so large it bloats the site's repository (the build shrinks what readers get). */
function largeImage(file: string, line: number, path: string, bytes: number | undefined): Problem[] {
  if (bytes === undefined || bytes <= LARGE_IMAGE_BYTES) return [];
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return [
    {
      file,
      line,
      warning: true,
      message: `图片「${path}」有 ${mb} MB，太大了：网站会为读者自动缩小，但原图会一直留在网站的存档里。请先缩小到 3 MB 以下（如用“画图”调整大小，另存为 JPG）再提交。 / Image ${path} is ${mb} MB: shrink it below 3 MB (e.g. save as JPG) before committing.`,
    },
  ];
}

interface BodyItem {
  kind: 'image' | 'link';
  line: number;
  /** Image source or link target. */
  target: string;
  alt?: string | undefined;
}

const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i');

/** Images and links written as raw HTML (<img>, <a>) in a Markdown file. */
function htmlItems(html: string, line: number): BodyItem[] {
  const items: BodyItem[] = [];
  for (const [tag] of html.matchAll(/<(img|a)\b[^>]*>/gi)) {
    const name = /^<(\w+)/.exec(tag)![1]!.toLowerCase();
    const value = (attr: string) => {
      const m = ATTRIBUTE(attr).exec(tag);
      return m ? (m[1] ?? m[2] ?? '') : undefined;
    };
    if (name === 'img') items.push({ kind: 'image', line, target: value('src') ?? '', alt: value('alt') });
    else items.push({ kind: 'link', line, target: value('href') ?? '' });
  }
  return items;
}

/** The images and links of a body tree, with their lines. */
function bodyItems(node: MdastNode, items: BodyItem[] = []): BodyItem[] {
  const line = node.position?.start.line ?? 1;
  const any = node as MdastNode & Record<string, unknown>;
  if (node.type === 'image') items.push({ kind: 'image', line, target: String(any.url), alt: String(any.alt ?? '') });
  if (node.type === 'link') items.push({ kind: 'link', line, target: String(any.url) });
  if (node.type === 'html') items.push(...htmlItems(String(any.value), line));
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const name = typeof any.name === 'string' ? any.name : '';
    const attributes = (any.attributes ?? []) as { type: string; name?: string; value?: unknown }[];
    const value = (attr: string) => {
      const a = attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === attr);
      return a === undefined ? undefined : typeof a.value === 'string' ? a.value : '{…}';
    };
    if (name === 'img') items.push({ kind: 'image', line, target: value('src') ?? '', alt: value('alt') });
    else if (name === 'a') items.push({ kind: 'link', line, target: value('href') ?? '' });
  }
  for (const child of ((node as { children?: MdastNode[] }).children ?? []) as MdastNode[]) bodyItems(child, items);
  return items;
}

/**
 * An internal address as the build will have it, or undefined for links elsewhere:
 * `https://<site>/news/a/?x#y` and `/news/a/#y` both give `/news/a/`.
 */
export function internalPath(target: string, siteUrl: string): string | undefined {
  const origin = new URL(siteUrl).origin;
  let path = target.trim();
  if (path.startsWith(origin)) path = path.slice(origin.length) || '/';
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  path = path.replace(/[?#].*$/, '') || '/';
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Whether a target is relative to the article file (`./a.png`, `b.pdf`, `../x/`). */
const isRelative = (target: string) => !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(target.trim());

/** The problem with a link, if any. */
function checkLink(target: string, context: CheckContext): string | undefined {
  if (target.trim() === '')
    return '链接地址是空的：请在括号里写上网址。 / The link has no address: write it in the brackets.';
  if (isRelative(target))
    return `链接「${target}」是相对地址，发布后会失效：站内页面请写 /news/文件名/ 这样的完整路径，要给读者下载的文件请写进 attachments。 / Relative link ${target}: write the full path (/news/slug/), or list files to download under \`attachments\`.`;
  const path = internalPath(target, context.siteUrl);
  if (path === undefined || context.addresses.has(path)) return undefined;
  if (!path.endsWith('/') && context.addresses.has(`${path}/`))
    return `站内链接「${target}」末尾少了 /，请写成 ${path}/ 。 / Internal link ${target} needs a trailing slash: ${path}/.`;
  return `站内链接「${target}」指向的页面不存在（或是草稿、尚未到发布时间）。请检查文件名，文章地址是 /news/文件名/ 。 / Internal link ${target} points to a page that does not exist (or is not published).`;
}

/** Mistakes in the body: syntax, images (missing, without alt text, too large), links, unsafe markup. */
function checkBody(file: string, text: string, context: CheckContext): Problem[] {
  const parsed = parseArticle(file, text);
  const problems: Problem[] = parsed.problems.map((p) => ({ file, ...p }));
  // The rest needs the whole file read: a syntax mistake with no culprit to set aside stops here.
  if (!parsed.tree || problems.length > 0) return problems;
  const dir = posix.dirname(file);
  // What the allow-list takes out: code and frames stop the build, other markup warns.
  for (const { line, severity, message } of safetyFindings(file, text))
    problems.push({ file, line, message, onPage: true, ...(severity === 'warning' && { warning: true }) });
  for (const item of bodyItems(parsed.tree)) {
    const report = (message: string, onPage = true) => problems.push({ file, line: item.line, message, onPage });
    if (item.kind === 'link') {
      const message = checkLink(item.target, context);
      if (message) report(message);
    }
    if (item.kind === 'image') {
      if (!item.alt?.trim())
        report(
          `图片「${item.target}」缺少说明文字（替代文本）：写成 ![图片内容的描述](${item.target || './图片.jpg'})，供看不见图片的读者和搜索使用。 / Image ${item.target} has no alt text: describe it in the brackets.`,
        );
      if (item.target.includes('\\')) {
        report(
          `图片路径「${item.target}」里有反斜杠 \\：网址里要用斜杠 /，请写成 ${item.target.replaceAll('\\', '/')} 。 / The image path ${item.target} uses backslashes: write ${item.target.replaceAll('\\', '/')}.`,
          false,
        );
        continue;
      }
      const local = isRelative(item.target) ? posix.join(dir, item.target) : undefined;
      const publicPath = internalPath(item.target, context.siteUrl);
      if (local !== undefined && !context.exists(local))
        report(
          `找不到图片文件「${item.target}」：请把图片放在 ${dir}/ 里，文件名与这里写的完全一致（包括大小写和扩展名）。 / Image file ${item.target} not found next to the article.`,
          false,
        );
      else if (local !== undefined) problems.push(...largeImage(file, item.line, item.target, context.size?.(local)));
      else if (publicPath !== undefined && !context.exists(posix.join('public', publicPath)))
        report(
          `找不到图片「${item.target}」：网站里没有这个文件。请把图片放在文章旁边，写成 ./图片.jpg。 / Image ${item.target} does not exist; put it next to the article and write ./image.jpg.`,
        );
    }
  }
  return problems;
}

/** Every problem of one article file: front matter, files it names, body. */
export function checkArticle(article: ArticleFile, context: CheckContext, read = readArticle(article)): Problem[] {
  const problems = [...read.problems];
  if (read.entry) problems.push(...checkFrontMatterFiles(article.file, read.entry.data, read.lineOf, context));
  problems.push(...checkBody(article.file, article.text, context));
  return problems.sort((a, b) => a.line - b.line);
}

/** Two or more files that would be published at the same address. */
export function duplicateAddresses(files: string[]): Problem[] {
  const byId = new Map<string, string[]>();
  for (const file of files) {
    const id = articleIdFromPath(file);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  return [...byId.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([id, list]) => ({
      file: list[0]!,
      line: 1,
      message: `这些文件会发布到同一个网址 /news/${id}/：${list.join('、')}。请给其中一个改文件名。 / these files share the address /news/${id}/: ${list.join(', ')}; rename one.`,
    }));
}

/** An article's front matter as far as it reads, for knowing what the build will publish. */
export interface Entry {
  file: string;
  id: string;
  data: FrontMatter;
}

/** An article's front matter, read once: its entry when valid, its problems, its fields' lines. */
export function readArticle({ file, text, encodingProblem }: ArticleFile): {
  entry: Entry | undefined;
  problems: Problem[];
  lineOf: (path: readonly PropertyKey[]) => number;
} {
  const problems: Problem[] = encodingProblem ? [{ file, line: 1, message: encodingProblem }] : [];
  const { data, lineOf } = readFields(file, text, problems);
  return { entry: data && { file, id: articleIdFromPath(file), data }, problems, lineOf };
}

/**
 * Every address the build will have (site/routes.ts: the pages of src/pages, columns and their
 * later pages, the entries it gives a page, drafts too in dev, their attachments), and the
 * files in public/.
 */
export function siteAddresses(
  entries: Entry[],
  site: Pick<SiteConfig, 'columns' | 'pageSize'>,
  options: { now: Date; dev: boolean; publicFiles: readonly string[]; pageFiles: readonly string[] },
): Set<string> {
  const routes = siteRoutes(entries, site, buildVisibility(options.dev, options.now), options.pageFiles);
  return new Set([...routes.map((r) => r.path), ...options.publicFiles.map((file) => `/${file}`)]);
}

/** One message listing every problem, for the build to stop with. */
export function report(problems: Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}\n  ${p.message.replace(' / ', '\n  ')}`).join('\n');
}
