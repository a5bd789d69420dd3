// Checks of the article files as editors wrote them, run before the build (and by
// `npm run check:content`), so that every mistake is reported at once, in Chinese with the
// English beneath, naming the file and the line; Astro alone would stop at the first one with
// an English stack trace, and some mistakes it never sees: YAML silently turns 2024-02-30 into
// 1 March, two files can claim one address, a link can point at a page that does not exist.
import { posix } from 'node:path';
import { load, YAMLException } from 'js-yaml';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { z } from 'astro/zod';
import type { ImageFunction } from 'astro:content';
import { safetyFindings } from '../content-safety/check.ts';
import { articleSchema } from '../schemas/article.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { statusOf } from './articles.ts';
import { parseBeijingDate } from './dates.ts';
import { articleIdFromPath } from './slug.ts';
import { attachmentUrl, articleUrl, columnUrl, feedUrl, galleryUrl, homeUrl, searchUrl, sitemapUrl } from './urls.ts';

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
}

/** What the checks need to know of the world outside one file. */
export interface CheckContext {
  /** Whether a file exists, by path relative to the project. */
  exists: (path: string) => boolean;
  /** Every address the build will have (see `siteAddresses`). */
  addresses: ReadonlySet<string>;
  /** The site's own origin: links to it are checked like internal ones. */
  siteUrl: string;
}

/** The front matter as the schema reads it; images stay paths here (typed as Astro images). */
const schema = articleSchema((() => z.string()) as unknown as ImageFunction);
type FrontMatter = z.infer<typeof schema>;

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The front matter block and the line its first field is on. */
function frontMatterOf(text: string): { yaml: string; lines: string[] } | undefined {
  const yaml = FRONT.exec(text)?.[1];
  return yaml === undefined ? undefined : { yaml, lines: yaml.split(/\r?\n/) };
}

/** The line (1-based, in the whole file) of a front-matter field, e.g. ['person', 'name']. */
function lineOfField(lines: string[], path: PropertyKey[]): number {
  let from = 0;
  let indent = -1;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const found = lines.findIndex((line, i) => {
      if (i < from) return false;
      const match = /^(\s*)(?:-\s+)?([^\s:#][^:]*?)\s*:/.exec(line);
      return match !== null && match[2] === key && match[1]!.length > indent;
    });
    if (found < 0) break;
    from = found;
    indent = /^\s*/.exec(lines[found]!)![0].length;
  }
  return from + 2;
}

/** Parses the front matter; YAML and schema mistakes become problems with their line. */
function readFrontMatter(file: string, text: string, problems: Problem[]): FrontMatter | undefined {
  const front = frontMatterOf(text);
  if (!front) {
    problems.push({
      file,
      line: 1,
      message:
        '文件开头缺少文章信息：第一行写 ---，接着写 title、date、column，再写一行 ---。 / The file must start with front matter between two --- lines.',
    });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = load(front.yaml);
  } catch (error) {
    const mark = error instanceof YAMLException ? error.mark : undefined;
    problems.push({
      file,
      line: (mark?.line ?? 0) + 2,
      message: `文章信息（--- 之间）写法有误：${error instanceof YAMLException ? error.reason : String(error)}。常见原因：冒号后少了空格，或标题里有英文冒号、# 号却没加引号（请写成 title: '标题'）。 / The front matter is not valid YAML: check the colon and quotes on this line.`,
    });
    return undefined;
  }
  front.lines.forEach((line, i) => {
    const date = /^date:\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/.exec(line)?.[1];
    if (date && !parseBeijingDate(date))
      problems.push({
        file,
        line: i + 2,
        message: `日期「${date}」不存在或格式不对，请写成 2022-07-12 或 2022-07-12 09:30。 / date ${date} is not a real date: write 2022-07-12 or 2022-07-12 09:30.`,
      });
  });
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    // The raw-text check above already named an impossible date.
    if (issue.path[0] === 'date' && problems.some((p) => p.message.startsWith('日期「'))) continue;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
    problems.push({
      file,
      line: lineOfField(front.lines, path),
      message: `${path.length ? `${path.join('.')}：` : ''}${issue.message}`,
    });
  }
  return undefined;
}

/** Mistakes of the schema-valid front matter that need the file system: missing files. */
function checkFrontMatterFiles(file: string, text: string, data: FrontMatter, context: CheckContext): Problem[] {
  const lines = frontMatterOf(text)?.lines ?? [];
  const dir = posix.dirname(file);
  const wanted: { path: string; field: string[]; what: string }[] = [];
  if (data.cover) wanted.push({ path: String(data.cover), field: ['cover'], what: '封面图 / cover image' });
  if (data.person?.portrait)
    wanted.push({ path: String(data.person.portrait), field: ['person', 'portrait'], what: '肖像 / portrait' });
  for (const attachment of data.attachments)
    wanted.push({ path: attachment.file, field: ['attachments'], what: '附件 / attachment' });
  return wanted
    .filter(({ path }) => !/^https?:/.test(path) && !context.exists(posix.join(dir, path)))
    .map(({ path, field, what }) => ({
      file,
      line: lineOfField(lines, field),
      // Astro resolves cover and portrait images of every entry; attachments only of pages it builds.
      onPage: field[0] === 'attachments',
      message: `找不到${what.split(' / ')[0]}文件「${path}」：请把文件放在 ${dir}/ 里，文件名与这里写的完全一致（包括大小写和扩展名）。 / ${what.split(' / ')[1]} file ${path} not found next to the article.`,
    }));
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

/** Mistakes in the body: syntax, images (missing, without alt text), links, components. */
function checkBody(file: string, text: string, context: CheckContext): Problem[] {
  const mdx = file.endsWith('.mdx');
  let tree: MdastNode;
  try {
    tree = mdx ? mdxToMdast(text) : markdownToMdast(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [, line = '1'] = /^(\d+):\d+/.exec(message) ?? [];
    const detail = message.replace(/^\d+:\d+:\s*/, '').replace(/\s*\(mdx[^)]*\)\s*$/, '');
    return [
      {
        file,
        line: Number(line),
        message: `MDX 写法有误，无法解析：${detail}。常见原因：< 或 { 要写成 \\< 或 \\{，HTML 标签没有闭合（<br> 要写成 <br />）。 / MDX syntax error: ${detail}. Escape < and { as \\< and \\{, and close every tag.`,
      },
    ];
  }
  const dir = posix.dirname(file);
  // What the allow-list takes out: code and frames stop the build, other markup warns.
  const problems: Problem[] = safetyFindings(file, text).map(({ line, severity, message }) => ({
    file,
    line,
    message,
    onPage: true,
    ...(severity === 'warning' && { warning: true }),
  }));
  for (const item of bodyItems(tree)) {
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
      const local = isRelative(item.target) ? posix.join(dir, item.target) : undefined;
      const publicPath = internalPath(item.target, context.siteUrl);
      if (local !== undefined && !context.exists(local))
        report(
          `找不到图片文件「${item.target}」：请把图片放在 ${dir}/ 里，文件名与这里写的完全一致（包括大小写和扩展名）。 / Image file ${item.target} not found next to the article.`,
          false,
        );
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
  if (read.entry) problems.push(...checkFrontMatterFiles(article.file, article.text, read.entry.data, context));
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

/** An article's front matter, read once: its entry when valid, and its problems. */
export function readArticle({ file, text }: ArticleFile): { entry: Entry | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const data = readFrontMatter(file, text, problems);
  return { entry: data && { file, id: articleIdFromPath(file), data }, problems };
}

/**
 * Every address the build will have: fixed pages, columns and their later pages, the
 * articles it publishes (drafts too in dev), their attachments, and the files in public/.
 */
export function siteAddresses(
  entries: Entry[],
  site: Pick<SiteConfig, 'columns' | 'pageSize'>,
  options: { now: Date; dev: boolean; publicFiles: string[] },
): Set<string> {
  const built = entries.filter((e) => {
    const status = statusOf(e.data, options.now);
    return status === 'published' || status === 'awaiting' || options.dev;
  });
  const addresses = new Set([homeUrl(), galleryUrl(), searchUrl(), feedUrl(), sitemapUrl(), '/robots.txt']);
  for (const column of site.columns) {
    const count = built.filter((e) => e.data.column === column.name).length;
    for (let page = 1; page <= Math.max(1, Math.ceil(count / site.pageSize)); page++)
      addresses.add(columnUrl(column, page));
    addresses.add(feedUrl(column));
  }
  for (const entry of built) {
    addresses.add(articleUrl(entry));
    for (const attachment of entry.data.attachments) addresses.add(attachmentUrl(entry, attachment.file));
  }
  for (const file of options.publicFiles) addresses.add(`/${file}`);
  return addresses;
}

/** One message listing every problem, for the build to stop with. */
export function report(problems: Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}\n  ${p.message.replace(' / ', '\n  ')}`).join('\n');
}
