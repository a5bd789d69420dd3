import { z } from 'astro/zod';
import type { ImageFunction } from 'astro:content';
import { parseBeijingDate } from '../site/dates.ts';
import { site } from '../site.config.ts';
import { IMAGE_EXTENSIONS, isImageAddress } from '../content-safety/sanitize.ts';

/** Where the articles live, from the project root: the loader, the checks, the editors' commands and the back office. */
export const ARTICLES_FOLDER = 'content/articles';

/** An article's file name: Markdown or MDX (pictures and attachments lie beside them). */
export const ARTICLE_FILE = /\.mdx?$/i;

const columnNames = site.columns.map((c) => c.name);

/** A date written by an editor, read as Beijing time; an impossible date is an error. */
const beijingDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const date = parseBeijingDate(value);
  if (date) return date;
  ctx.addIssue({
    code: 'custom',
    message:
      `日期「${value instanceof Date ? value.toISOString().slice(0, 10) : value}」无效。请写成 2022-07-12 或 2022-07-12 09:30（北京时间）。` +
      ' / Invalid date: write 2022-07-12 or 2022-07-12 09:30 (Beijing time).',
  });
  return z.NEVER;
});

const text = (field: string, label: string) =>
  z
    .string({ error: `${label}（${field}）必须是文字。 / \`${field}\` must be text.` })
    .trim()
    .min(1, { error: `${label}（${field}）不能为空。 / \`${field}\` must not be empty.` });

/** How many single-letter edits turn `a` into `b` (Levenshtein distance). */
function edits(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * The field an editor most likely meant by an unknown `key`, among `fields` (name → schema):
 * the one whose Chinese label it is (标题 → title), or
 * whose name it misspells by a letter, or two in a longer name (tilte → title, tag → tags,
 * data → date). Undefined when none is that close.
 */
export function meantField(
  key: string,
  fields: Record<string, { meta(): { title?: unknown } | undefined }>,
): string | undefined {
  const typed = key.trim();
  const byLabel = Object.entries(fields).find(([, schema]) => schema.meta()?.title === typed);
  if (byLabel) return byLabel[0];
  let best: { name: string; distance: number } | undefined;
  for (const name of Object.keys(fields)) {
    const distance = edits(typed.toLowerCase(), name.toLowerCase());
    if (distance <= (name.length >= 5 ? 2 : 1) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/**
 * The message for a misspelt field, with the field it most likely means (`meantField`) or
 * examples of the right ones.
 */
const unknownFields =
  (fields: Parameters<typeof meantField>[1], examples: string) =>
  (issue: { code?: string; keys?: string[] }): string | undefined => {
    if (issue.code !== 'unrecognized_keys') return undefined;
    const keys = issue.keys!;
    const meant = keys.flatMap((key) => {
      const field = meantField(key, fields);
      return field ? [[key, field] as const] : [];
    });
    const unknown = `未知字段：${keys.join('、')}。`;
    if (meant.length === 0)
      return `${unknown}请检查拼写（如 ${examples}）。 / Unknown field ${keys.join(', ')}: check the spelling.`;
    return (
      `${unknown}请检查拼写：${meant.map(([key, field]) => `${key} 是不是要写成 ${field}？`).join('')} / ` +
      `Unknown field ${keys.join(', ')}: ${meant.map(([key, field]) => `did you mean ${field} for ${key}?`).join(' ')}`
    );
  };

/** An object of exactly `fields`, whose unknown keys are named with the field meant (`unknownFields`). */
const strictFields = <T extends Record<string, z.ZodType>>(fields: T, examples: string) =>
  z.strictObject(fields, { error: unknownFields(fields, examples) });

/**
 * A picture beside the article (`./liu-yi.jpg`): Astro imports it, so anything but a picture
 * file (`./x.mjs`) is refused before it could be imported as code.
 */
const picture = (image: ImageFunction, field: string, label: string) =>
  z
    .string({
      error: `${label}（${field}）要写成 ./图片文件名.jpg。 / \`${field}\` must be a file name like ./photo.jpg.`,
    })
    .refine((path) => isImageAddress(path) && !/^[a-z]+:|^\//i.test(path.trim()), {
      error: `${label}（${field}）必须是文章旁边的图片文件（${IMAGE_EXTENSIONS.join('、')}），写成 ./图片文件名.jpg。 / \`${field}\` must be a picture file (${IMAGE_EXTENSIONS.join(', ')}) beside the article, e.g. ./photo.jpg.`,
    })
    // Astro's image() takes the path at run time; its type names only what it gives.
    .pipe(image() as unknown as z.ZodType<z.output<ReturnType<ImageFunction>>, string>);

/** Kinds of attachment readers can download, by file extension. */
export const ATTACHMENT_TYPES = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  wps: 'WPS 文字',
  xls: 'Excel',
  xlsx: 'Excel',
  et: 'WPS 表格',
  ppt: 'PowerPoint',
  pptx: 'PowerPoint',
  zip: 'ZIP 压缩包',
  rar: 'RAR 压缩包',
} as const;

const attachmentFile = new RegExp(`^\\./[^/\\\\]+\\.(${Object.keys(ATTACHMENT_TYPES).join('|')})$`, 'i');

/** The fields of an attachment. */
const attachmentFields = {
  /** Path beside the article file, e.g. ./报名表.docx. */
  file: z
    .string()
    .regex(attachmentFile, {
      error: `附件 attachments 要写成 ./文件名.pdf（与文章放在同一文件夹），类型限 ${Object.keys(ATTACHMENT_TYPES).join('、')}。 / An attachment is ./name.pdf beside the article; allowed types: ${Object.keys(ATTACHMENT_TYPES).join(', ')}.`,
    })
    .meta({
      title: '文件',
      description: `PDF、Word、Excel 等（${Object.keys(ATTACHMENT_TYPES).join('、')}），保存在文章旁边。`,
    }),
  /** Name shown to readers; defaults to the file name without extension. */
  title: text('attachments.title', '附件名称')
    .optional()
    .meta({ title: '附件名称', description: '读者看到的名称；不填就用文件名。' }),
};

/** A file for readers to download, kept next to the article file: `./报名表.docx`. */
export const attachmentSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { file: value } : value),
  strictFields(attachmentFields, 'file、title'),
);

// Astro calls a collection's schema function once for every article, with an image() of that
// article's folder, and building the whole schema took 0.3 ms (3 s of a 10,000-article build).
// So the fields that do not draw pictures are built once, here, and the schema functions only
// add the pictures' fields in their places.

/** The fields of a person that hold no picture. */
const personFields = {
  /** Full name, e.g. 刘毅. */
  name: text('person.name', '姓名').meta({ title: '姓名', description: '如：刘毅' }),
  /** Honour, e.g. 全国纺织工业劳动模范. */
  honour: text('person.honour', '荣誉称号').meta({ title: '荣誉称号', description: '如：全国纺织工业劳动模范' }),
  /** Employer or organisation, when known. */
  organisation: text('person.organisation', '单位')
    .optional()
    .meta({ title: '单位', description: '所在单位，不知道可不填。' }),
  /** Position at that organisation, when known. */
  position: text('person.position', '职务').optional().meta({ title: '职务', description: '不知道可不填。' }),
};

/** The person a 劳模风采 profile is about. */
export const personSchema = (image: ImageFunction) =>
  strictFields(
    {
      ...personFields,
      /** Portrait image next to the article file, e.g. ./liu-yi.jpg. */
      portrait: picture(image, 'person.portrait', '肖像')
        .optional()
        .meta({ title: '照片', description: '人物照片，保存在文章旁边，显示在人物信息框和劳模名录里。' }),
    },
    'name、honour、organisation、position、portrait',
  );

/** What the back office shows of the fields made in articleSchema, and `chineseFieldNames` reads. */
const COVER_META = { title: '封面图', description: '显示在文章上方和分享卡片里，保存在文章旁边。' };
const PERSON_META = { title: '人物', description: '劳模风采文章介绍的人物。' };

/**
 * The fields of an article that hold no picture, in the order of the back office's form; `cover`
 * and `person` keep the places that articleSchema fills (a property spread, then set again,
 * stays where it was).
 */
const articleFields = {
  /** Headline (标题), shown as the page's <h1>. */
  title: z
    .string({ error: '缺少标题 title。请写：title: 文章标题 / Missing headline: add `title: …`.' })
    .trim()
    .min(1, { error: '标题 title 不能为空。 / `title` must not be empty.' })
    .meta({ title: '标题', description: '文章标题，显示在页面最上方和列表里。' }),
  /** Publication date-time in Beijing time; required unless awaiting text. */
  date: beijingDate.optional().meta({
    title: '发布日期',
    description: '北京时间。写将来的日期就是定时发布：到那天之后的第一次生成网站才出现。',
    editorRequired: true,
  }),
  /** Column (栏目) name, exactly as in the site configuration. */
  column: z
    .enum(columnNames as [string, ...string[]], {
      error: (issue) =>
        issue.input === undefined
          ? `缺少栏目 column。请写其中之一：${columnNames.join('、')} / Missing \`column\`.`
          : `栏目「${String(issue.input)}」不存在。请写其中之一：${columnNames.join('、')} / Unknown column: use one of ${columnNames.join(', ')}.`,
    })
    .meta({ title: '栏目', description: '文章出现在哪个栏目。' }),
  /** 来源: where the article comes from; defaults to the association. */
  source: text('source', '来源')
    .optional()
    .meta({ title: '来源', description: `不填就是「${site.defaultSource}」。` }),
  /** 作者, when known. */
  author: text('author', '作者').optional().meta({ title: '作者', description: '不知道可不填。' }),
  /** One or two sentences for lists, feeds and share cards. */
  summary: text('summary', '摘要').optional().meta({
    title: '摘要',
    description: '一两句话，用在列表、订阅和微信分享里；不填就取正文第一段。',
    multiline: true,
  }),
  /** Cover image next to the article file: drawn with the article's image(), in articleSchema. */
  cover: null,
  /** Text describing the cover for readers who cannot see it. */
  coverAlt: text('coverAlt', '封面说明')
    .optional()
    .meta({ title: '封面说明', description: '有封面图时必填：一句描述图片内容的话，如「大会会场全景」。' }),
  /** Files to download under the article (通知 forms, 文件 PDFs), e.g. [./报名表.docx]. */
  attachments: z
    .array(attachmentSchema)
    .default([])
    .meta({ title: '附件', description: '供读者下载的文件，如通知的报名表、文件原文。' }),
  /** Keywords that link related articles, e.g. [西柳, 党建]. */
  tags: z
    .array(text('tags', '标签'))
    .default([])
    .meta({ title: '标签', description: '关键词，用来关联相关新闻，如：西柳、党建。' }),
  /** A 劳模风采 profile names its person: in articleSchema, as the portrait is a picture. */
  person: null,
  /** Show first on the home page. */
  featured: z.boolean().default(false).meta({ title: '首页推荐', description: '勾选后在首页最上方推荐。' }),
  /** A draft is built only in `npm run dev`. */
  draft: z
    .boolean()
    .default(false)
    .meta({ title: '草稿', description: '勾选后只在本机预览中显示，正式网站不发布；写完后取消勾选。' }),
  /** Only the headline is known so far; the page says the full text is still to come. */
  awaitingText: z.boolean().default(false).meta({
    title: '全文待补',
    description: '只有标题、还没有全文的条目。',
    hidden: true,
  }),
};

/**
 * The field each Chinese name an editor may write for it stands for (标题 → title): every
 * field's label, its title in the back office, and two words editors use besides (日期, 封面).
 */
export const chineseFieldNames: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries({
      ...articleFields,
      cover: z.unknown().meta(COVER_META),
      person: z.unknown().meta(PERSON_META),
    }).map(([name, schema]) => [schema.meta()!.title!, name]),
  ),
  日期: 'date',
  封面: 'cover',
};

/** What no single field can say: a published article has a date; a cover has its text. */
const articleRules = (
  data: { awaitingText: boolean; date?: Date | undefined; cover?: unknown; coverAlt?: string | undefined },
  ctx: z.RefinementCtx,
): void => {
  if (!data.awaitingText && !data.date)
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: '缺少发布日期 date。请写：date: 2022-07-12 / Missing `date`: add `date: 2022-07-12`.',
    });
  if (data.cover && !data.coverAlt)
    ctx.addIssue({
      code: 'custom',
      path: ['coverAlt'],
      message: '封面图缺少说明 coverAlt。请写一句描述图片的话。 / Cover image needs `coverAlt` text.',
    });
};

/**
 * Front matter of an article (文章). Every field is documented in docs/ for editors.
 * An entry is either published (it has a date and a body) or awaiting its text
 * (`awaitingText: true`): only its headline is known, so it carries no date and no body.
 */
export const articleSchema = (image: ImageFunction) =>
  strictFields(
    {
      ...articleFields,
      /** Cover image next to the article file. */
      cover: picture(image, 'cover', '封面图').optional().meta(COVER_META),
      /** A 劳模风采 profile names its person. */
      person: personSchema(image).optional().meta(PERSON_META),
    },
    'title、date、column',
  ).superRefine(articleRules);

export type ArticleData = z.infer<ReturnType<typeof articleSchema>>;
