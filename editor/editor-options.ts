// Command-line options of the editor tools (`npm run new`, `npm run import`), read and
// checked here so that both commands say the same thing, in Chinese then English.
import { parseArgs } from 'node:util';
import type { SiteConfig } from '../src/schemas/site.ts';
import type { ArticleFields } from './article-file.ts';
import { formatDateTime, parseBeijingDate } from '../src/site/dates.ts';

/** A mistake in the command line or an answer, worded for the editor. */
export class EditorInputError extends Error {}

const TEXT = { type: 'string' } as const;

const ARTICLE_OPTIONS = {
  column: TEXT,
  title: TEXT,
  name: TEXT,
  honour: TEXT,
  organisation: TEXT,
  position: TEXT,
  date: TEXT,
  slug: TEXT,
  publish: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const IMPORT_OPTIONS = { ...ARTICLE_OPTIONS, alt: { type: 'string', multiple: true } } as const;

/** What the editor gave on the command line; anything missing is asked for. */
export interface ArticleOptions {
  column?: string | undefined;
  title?: string | undefined;
  name?: string | undefined;
  honour?: string | undefined;
  organisation?: string | undefined;
  position?: string | undefined;
  date?: string | undefined;
  slug?: string | undefined;
  /** Write the article without `draft: true`. */
  publish: boolean;
  help: boolean;
}

export interface ImportOptions extends ArticleOptions {
  /** The Word file, as given. */
  file?: string | undefined;
  /** Alt text by image number (1 = the first image in the document). */
  alt: Map<number, string>;
}

function parse<T extends typeof ARTICLE_OPTIONS | typeof IMPORT_OPTIONS>(
  argv: string[],
  options: T,
  command: string,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const quoted = /'([^']*)'/.exec((error as Error).message)?.[1] ?? '';
    const help = `运行 ${command} -- --help 查看用法。`;
    const english = `See ${command} -- --help.`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new EditorInputError(`没有 ${quoted} 这个选项。${help}\nUnknown option ${quoted}. ${english}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = quoted.split(/[\s,]/)[0];
      throw new EditorInputError(`选项 ${option} 后面要写内容。${help}\nOption ${option} needs a value. ${english}`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new EditorInputError(
        `多余的内容「${quoted}」：含空格的内容请加引号，如 --title "标题 副标题"。${help}\nUnexpected argument: quote text that contains spaces. ${english}`,
      );
    throw error;
  }
}

const trimmed = (value: string | undefined): string | undefined => value?.trim() || undefined;

function articleOptions(values: Record<string, unknown>): ArticleOptions {
  const text = (key: string) => trimmed(values[key] as string | undefined);
  return {
    column: text('column'),
    title: text('title'),
    name: text('name'),
    honour: text('honour'),
    organisation: text('organisation'),
    position: text('position'),
    date: text('date'),
    slug: text('slug'),
    publish: values['publish'] === true,
    help: values['help'] === true,
  };
}

/** Options of `npm run new`. */
export function parseNewOptions(argv: string[]): ArticleOptions {
  return articleOptions(parse(argv, ARTICLE_OPTIONS, 'npm run new', false).values);
}

/** Options of `npm run import`: the Word file, the article options and `--alt 2=说明`. */
export function parseImportOptions(argv: string[]): ImportOptions {
  const { values, positionals } = parse(argv, IMPORT_OPTIONS, 'npm run import', true);
  if (positionals.length > 1)
    throw new EditorInputError(
      `一次只能导入一个 Word 文件，收到了 ${positionals.length} 个：${positionals.join('、')}。文件名含空格时请加引号。\nImport one .docx file at a time; quote names with spaces.`,
    );
  const alt = new Map<number, string>();
  for (const given of (values as { alt?: string[] }).alt ?? []) {
    const match = /^\s*(\d+)\s*[=＝]\s*(.*\S)\s*$/s.exec(given);
    if (!match || Number(match[1]) < 1)
      throw new EditorInputError(
        `--alt 要写成 --alt "2=图片内容的说明"（2 是图片在文档里的顺序），收到的是「${given}」。\n--alt takes "N=description", N counting the document's images from 1.`,
      );
    alt.set(Number(match[1]), match[2]!);
  }
  return { ...articleOptions(values), file: positionals[0], alt };
}

/** The column named by its name (劳模风采) or its slug (laomo-fengcai), or a 1-based number when `byNumber`. */
export function findColumn(site: Pick<SiteConfig, 'columns'>, given: string, byNumber = false): string {
  const answer = given.trim();
  const index = byNumber && /^\d+$/.test(answer) ? Number(answer) - 1 : -1;
  const column = site.columns[index] ?? site.columns.find((c) => c.name === answer || c.slug === answer);
  if (column) return column.name;
  const names = site.columns.map((c) => c.name);
  throw new EditorInputError(
    `没有「${answer}」这个栏目。请写其中之一：${names.join('、')}\nUnknown column: use one of ${names.join(', ')}.`,
  );
}

/** The editor's date, checked and written as the schema reads it (`2026-11-29`, or with ` 09:30`). */
export function checkDate(given: string): string {
  const date = parseBeijingDate(given);
  if (!date)
    throw new EditorInputError(
      `日期「${given}」不存在或格式不对，请写成 2026-11-29 或 2026-11-29 09:30（北京时间）。\nInvalid date: write 2026-11-29 or 2026-11-29 09:30 (Beijing time).`,
    );
  return formatDateTime(date);
}

/** `--help` of `npm run new`. */
export function newHelp(site: Pick<SiteConfig, 'columns'>, profileColumn: string): string {
  return `用法 / Usage: npm run new [-- 选项]

新建一篇文章：没有在选项里给出的内容会逐项询问。文件建在 content/articles/<年份>/ 下，
默认是草稿（draft: true），删掉这一行才会发布。
Creates an article; asks for whatever the options leave out. It starts as a draft.

选项 / Options（注意 npm run new 后面要先写 --）:
  --column 栏目       ${site.columns.map((c) => c.name).join('、')}
  --title 标题        文章标题 / headline
  --name 姓名         人物姓名（${profileColumn}栏目） / the person's name (profiles)
  --honour 荣誉称号   如 全国纺织工业劳动模范 / honour
  --organisation 单位 人物所在单位（可不填） / organisation (optional)
  --position 职务     人物职务（可不填） / position (optional)
  --date 日期         发布日期，默认今天（北京时间），如 2026-11-29 或 "2026-11-29 09:30"
  --slug 网址         网址里的名字，默认由标题或姓名的拼音生成，如 laomo-liu-yi
  --publish           不写 draft: true，文章随下次构建发布 / publish with the next build
  -h, --help          显示本说明 / show this help

例 / Example:
  npm run new -- --column ${profileColumn} --title "标题" --name 刘毅 --honour 全国纺织工业劳动模范
`;
}

/** `--help` of `npm run import`. */
export function importHelp(site: Pick<SiteConfig, 'columns'>): string {
  return `用法 / Usage: npm run import -- 稿件.docx [选项]

把 Word 稿件（.docx）变成一篇文章：标题、小标题、段落、加粗、列表、表格、图片和落款。
文章建成文件夹 content/articles/<年份>/<网址>/index.md，图片保存在它旁边。
默认是草稿（draft: true），检查无误后删掉这一行才会发布。
Turns a Word draft into an article folder with its images; it starts as a draft.

选项 / Options: 与 npm run new 相同（--column --title --name --honour --organisation
--position --date --slug --publish），另有：
  --alt "2=图片说明"  第 2 张图片的说明文字（可写多次）；Word 里已有“替代文字”的图片不必写
                      alt text for image 2 (repeatable); Word's own image descriptions are used
  -h, --help          显示本说明 / show this help

日期默认取文档里的日期（标题下的日期行或文末落款的日期），没有时用今天；--date 优先。
标题默认取 Word 里“标题”样式的段落或开头的标题；栏目为 ${site.columns.map((c) => c.name).join('、')}。
`;
}

/** Asks the editor one question; resolves with the answer, or undefined when input has ended. */
export type Ask = (question: string) => Promise<string | undefined>;

interface Question {
  /** The option that answers it, e.g. `name` for --name. */
  field: string;
  /** What is asked for, in Chinese: 人物姓名. */
  label: string;
  /** The question as printed, Chinese and English. */
  text: string;
  required: boolean;
}

async function answer(
  ask: Ask,
  question: Question,
  check: (a: string) => string = (a) => a,
): Promise<string | undefined> {
  let prompt = question.text;
  for (;;) {
    const given = (await ask(prompt))?.trim();
    if (given === undefined || given === '') {
      if (!question.required) return undefined;
      if (given === undefined)
        throw new EditorInputError(
          `没有收到${question.label}：请回答提问，或用 --${question.field} 给出。\nNo answer for --${question.field}: answer the question or pass the option.`,
        );
      prompt = `这一项不能空着。 / This cannot be empty.\n${question.text}`;
      continue;
    }
    try {
      return check(given);
    } catch (error) {
      if (!(error instanceof EditorInputError)) throw error;
      prompt = `${error.message}\n${question.text}`;
    }
  }
}

/**
 * The article's fields from the options, asking for whatever they leave out: the column,
 * the headline (unless the Word document gave one) and, for a profile or when a name is
 * given, the person. Optional answers may be left empty; the date is --date, else the
 * Word document's own date, else today.
 */
export async function completeFields(
  options: ArticleOptions,
  ask: Ask,
  context: {
    site: Pick<SiteConfig, 'columns'>;
    profileColumn: string;
    today: string;
    documentTitle?: string | undefined;
    /** The date a Word document states (`2024-05-20`). */
    documentDate?: string | undefined;
  },
): Promise<ArticleFields> {
  const { site, profileColumn } = context;
  const columnList = site.columns.map((c, i) => `  ${i + 1}. ${c.name}`).join('\n');
  const column = options.column
    ? findColumn(site, options.column)
    : await answer(
        ask,
        {
          field: 'column',
          label: '栏目',
          text: `栏目 / Column:\n${columnList}\n请输入编号或名称 / Number or name: `,
          required: true,
        },
        (a) => findColumn(site, a, true),
      );
  const title =
    options.title ??
    context.documentTitle ??
    (await answer(ask, { field: 'title', label: '标题', text: '标题 / Headline: ', required: true }));
  const fields: ArticleFields = {
    title: title!,
    date: options.date ? checkDate(options.date) : (context.documentDate ?? context.today),
    column: column!,
  };
  if (column === profileColumn || options.name) {
    const name =
      options.name ??
      (await answer(ask, { field: 'name', label: '人物姓名', text: '人物姓名 / Name: ', required: true }));
    const honour =
      options.honour ??
      (await answer(ask, {
        field: 'honour',
        label: '荣誉称号',
        text: '荣誉称号，如 全国纺织工业劳动模范 / Honour: ',
        required: true,
      }));
    const organisation =
      options.organisation ??
      (await answer(ask, {
        field: 'organisation',
        label: '所在单位',
        text: '所在单位（可直接回车跳过） / Organisation (optional): ',
        required: false,
      }));
    const position =
      options.position ??
      (await answer(ask, {
        field: 'position',
        label: '职务',
        text: '职务（可直接回车跳过） / Position (optional): ',
        required: false,
      }));
    fields.person = { name: name!, honour: honour!, organisation, position };
  }
  if (!options.publish) fields.draft = true;
  return fields;
}
