// The text of a new article file, as `npm run new` and `npm run import` write it: front
// matter in the schema's field order (so every file reads the same way), then the body.
import { z } from 'astro/zod';
import type { ImageFunction } from 'astro:content';
import { dump } from 'js-yaml';
import { articleSchema, personSchema } from '../src/schemas/article.ts';
import { EditorInputError } from './editor-options.ts';
import { isSlug, nameSlug, profileSlug, slugify, uniqueSlug } from '../src/site/slug.ts';

/** The fields the editor tools fill in; everything else is left to the editor. */
export interface ArticleFields {
  title: string;
  /** As an editor writes it: `2026-11-29` or `2026-11-29 09:30` (Beijing time). */
  date: string;
  column: string;
  person?: { name: string; honour: string; organisation?: string | undefined; position?: string | undefined };
  draft?: boolean;
}

// Only the field names are read from the schema here, so an image stub is enough.
const imageStub = (() => z.string()) as unknown as ImageFunction;
const ARTICLE_KEYS = Object.keys(articleSchema(imageStub).shape);
const PERSON_KEYS = Object.keys(personSchema(imageStub).shape);

// Written bare, as editors write dates (YAML reads it as a date, or as text with a time;
// the schema takes both as Beijing time).
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$/;

function yamlValue(value: string | boolean): string {
  if (typeof value === 'string' && DATE_TEXT.test(value)) return value;
  return dump(value, { lineWidth: -1 }).trimEnd();
}

function yamlLines(data: Record<string, unknown>, keys: string[], indent: string): string[] {
  const lines: string[] = [];
  for (const key of keys) {
    const value = data[key];
    if (value === undefined || value === false) continue;
    if (typeof value === 'object' && value !== null) {
      lines.push(`${indent}${key}:`, ...yamlLines(value as Record<string, unknown>, PERSON_KEYS, `${indent}  `));
    } else lines.push(`${indent}${key}: ${yamlValue(value as string | boolean)}`);
  }
  return lines;
}

/**
 * Front matter between `---` lines, fields in the order the schema declares them, empty
 * and false fields left out (the schema's defaults apply), text quoted only when YAML
 * needs it.
 */
export function renderFrontMatter(fields: ArticleFields): string {
  const unknown = Object.keys(fields).filter((k) => !ARTICLE_KEYS.includes(k));
  if (unknown.length > 0) throw new Error(`Not article fields: ${unknown.join(', ')}`);
  return ['---', ...yamlLines({ ...fields }, ARTICLE_KEYS, ''), '---', ''].join('\n');
}

/**
 * The body of a new `.md` article: only an HTML comment telling the editor where to write
 * (the allow-list drops comments from the page), so nothing invented can be published.
 */
export function newArticleBody(profile: boolean): string {
  const lines = [
    '<!--',
    '  在这里写正文：把这段说明整个删掉，换成文章的文字。这段说明不会出现在网页上。',
    '  Write the article here, replacing this note; the note never appears on the page.',
    '',
    '  - 段落之间空一行。 / Leave an empty line between paragraphs.',
    '  - 小标题以 ## 开头，如：## 一、工作成效 / Section headings start with ##.',
    '  - 图片放在本文件旁边，写成 ![图片内容的说明](./图片文件名.jpg)',
    '    Put images beside this file and write ![what the image shows](./file.jpg).',
  ];
  if (profile)
    lines.push(
      '  - 人像照片：放在本文件旁边，在 person 下加一行 portrait: ./照片文件名.jpg',
      '    Portrait: put it beside this file and add `portrait: ./file.jpg` under person.',
    );
  lines.push(
    '  - 写好后删掉上面的 draft: true 一行，文章才会发布。',
    '    Delete the line `draft: true` above to publish.',
    '-->',
    '',
  );
  return lines.join('\n');
}

/** A complete article file: front matter, an empty line, the body. */
export function renderArticle(fields: ArticleFields, body: string): string {
  return `${renderFrontMatter(fields)}\n${body.trim()}\n`;
}

/**
 * The address of a new article: the editor's own slug as given, else `laomo-liu-yi` for a
 * profile (as the existing profiles are named) or the headline's pinyin, then `-2`, `-3`…
 * when an existing article already has it. Throws when the editor's own slug is taken or
 * malformed, since silently changing an address the editor chose would surprise them.
 */
export function chooseSlug(
  fields: Pick<ArticleFields, 'title' | 'person'>,
  options: { profile: boolean; slug?: string | undefined },
  taken: ReadonlySet<string>,
): { slug: string; wanted: string } {
  if (options.slug !== undefined) {
    const slug = options.slug.trim();
    if (!isSlug(slug))
      throw new EditorInputError(
        `网址「${slug}」只能用小写拼音字母、数字和连字符，如 laomo-liu-yi。 / The slug may use only a-z, 0-9 and hyphens, e.g. laomo-liu-yi.`,
      );
    if (taken.has(slug))
      throw new EditorInputError(
        `网址 ${slug} 已被另一篇文章使用，请换一个。 / The slug ${slug} is taken by another article: choose another.`,
      );
    return { slug, wanted: slug };
  }
  const name = fields.person?.name;
  const wanted = (options.profile && name && nameSlug(name) ? profileSlug(name) : slugify(fields.title)) || 'wenzhang';
  return { slug: uniqueSlug(wanted, taken), wanted };
}
