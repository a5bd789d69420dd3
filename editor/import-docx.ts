// `npm run import -- 稿件.docx`: turns a Word draft into an article folder
// (content/articles/<年份>/<网址>/index.md) with its images beside it, and says plainly what
// it could not convert. See `npm run import -- --help`.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import mammoth from 'mammoth';
import { chooseSlug, renderArticle } from './article-file.ts';
import { beijingParts, formatIsoDay, parseBeijingDate } from '../src/site/dates.ts';
import { describeMessages, describeUnconverted, imageExtension, importBody, MAMMOTH_OPTIONS } from './docx-import.ts';
import { completeFields, EditorInputError, importHelp, parseImportOptions } from './editor-options.ts';
import { articleUrl } from '../src/site/urls.ts';
import { site } from '../src/site.config.ts';
import {
  ARTICLES,
  draftNote,
  futureNote,
  nextSteps,
  PROJECT,
  profileColumn,
  prompter,
  run,
  shown,
  takenSlugs,
  writeNew,
} from './editor-io.ts';

interface WordImage {
  /** 1-based, in document order: the number editors give to --alt. */
  n: number;
  contentType: string;
  /** File name beside the article; undefined when the web cannot show the format. */
  file?: string | undefined;
  data?: Buffer | undefined;
  /** Word's 替代文字 (alt text), or the editor's. */
  alt?: string | undefined;
}

const TITLE_SOURCES = {
  'title-style': 'Word 的“标题”样式 / Word Title style',
  heading: '文档开头的标题 / the first heading',
  'bold-paragraph': '文档开头的加粗段落 / the bold first paragraph',
};

const DATE_SOURCES = {
  'date-line': '标题下的日期行 / the date line under the headline',
  signoff: '文末落款 / the sign-off at the end',
};

/** Lines of one report item: Chinese, with the English indented beneath. */
const item = (text: string): string => `  - ${text.replace(/\n\s*/g, '\n    ')}`;

run(async () => {
  const options = parseImportOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(importHelp(site));
    return;
  }
  if (!options.file)
    throw new EditorInputError(
      '请写出要导入的 Word 文件，如：npm run import -- 稿件.docx\nName the .docx file to import: npm run import -- draft.docx',
    );
  // npm runs the script in the project folder; the file name is relative to where the editor typed it.
  const source = resolve(process.env['INIT_CWD'] ?? PROJECT, options.file);
  if (!existsSync(source)) throw new EditorInputError(`找不到文件 ${options.file}。\nFile not found: ${source}`);
  if (extname(source).toLowerCase() !== '.docx')
    throw new EditorInputError(
      `只能导入 .docx 文件。旧版 .doc 或 WPS 文件请先在 Word/WPS 里“另存为” .docx。\nOnly .docx can be imported: save .doc or .wps files as .docx first.`,
    );

  const images: WordImage[] = [];
  const converted = await mammoth.convertToHtml(
    { path: source },
    {
      ...MAMMOTH_OPTIONS,
      convertImage: mammoth.images.imgElement(async (image) => {
        const n = images.length + 1;
        const extension = imageExtension(image.contentType);
        const file = extension ? `image-${n}.${extension}` : undefined;
        const alt = (image as { altText?: string }).altText?.trim() || undefined;
        images.push({ n, contentType: image.contentType, file, alt, data: file ? await image.read() : undefined });
        return { src: file ? `./${file}` : '' };
      }),
    },
  );

  for (const [n, alt] of options.alt) {
    const image = images[n - 1];
    if (!image)
      throw new EditorInputError(
        `--alt ${n}：文档里只有 ${images.length} 张图片。\n--alt ${n}: the document has ${images.length} images.`,
      );
    image.alt = alt;
  }

  const questions = prompter();
  try {
    const { title: detected, date: documentDate } = importBody(converted.value);
    const fields = await completeFields(options, questions.ask, {
      site,
      profileColumn,
      today: formatIsoDay(new Date()),
      documentTitle: detected?.text,
      documentDate: documentDate?.day,
    });
    for (const image of images.filter((i) => i.file && !i.alt)) {
      const answer = await questions.ask(
        `第 ${image.n} 张图片（${image.file}）没有说明文字。请用一句话说明图片内容（直接回车跳过）：\nImage ${image.n} has no alt text. Describe it in one sentence (Enter to skip): `,
      );
      image.alt = answer?.trim() || undefined;
    }

    const alts = new Map(images.filter((i) => i.file && i.alt).map((i) => [`./${i.file}`, i.alt!]));
    const body = importBody(converted.value, alts);
    if (!body.markdown.trim())
      throw new EditorInputError('文档里没有找到正文。 / The document has no text besides its title.');
    const missingAlt = images.filter((i) => i.file && !i.alt);
    if (missingAlt.length > 0) fields.draft = true;

    const { slug, wanted } = chooseSlug(
      fields,
      { profile: fields.column === profileColumn, slug: options.slug },
      await takenSlugs(),
    );
    const year = beijingParts(parseBeijingDate(fields.date)!).year;
    const folder = join(ARTICLES, String(year), slug);
    await mkdir(join(ARTICLES, String(year)), { recursive: true });
    // Not recursive: fails if the folder appeared meanwhile, so nothing is ever overwritten.
    await mkdir(folder);
    for (const image of images) if (image.file && image.data) await writeNew(join(folder, image.file), image.data);
    const article = join(folder, 'index.md');
    await writeNew(article, renderArticle(fields, body.markdown));

    const saved = images.filter((i) => i.file);
    const lines = ['', `已导入 / Imported: ${basename(source)} → ${shown(article)}`];
    if (options.title && detected) lines.push(`  标题用了 --title；Word 里的标题「${detected.text}」没有放进正文。`);
    else if (detected) lines.push(`  标题取自 / Headline from ${TITLE_SOURCES[detected.source]}: ${detected.text}`);
    if (options.date && documentDate)
      lines.push(`  日期用了 --date；文档里的日期是「${documentDate.text}」。 / Date from --date, not the document's.`);
    else if (documentDate)
      lines.push(`  日期取自 / Date from ${DATE_SOURCES[documentDate.source]}: ${documentDate.text}`);
    else if (!options.date) lines.push('  文档里没有找到日期，用了今天。 / No date in the document: today.');
    lines.push(`  栏目 ${fields.column} · 日期 ${fields.date} · 网址 ${articleUrl({ id: slug })}`);
    if (slug !== wanted)
      lines.push(`  网址 ${wanted} 已被另一篇文章使用，所以用了 ${slug}。 / ${wanted} was taken, so this is ${slug}.`);
    if (saved.length > 0)
      lines.push(
        `  ${saved.length} 张图片已保存在文章旁边 / ${saved.length} images saved beside it: ${saved.map((i) => i.file).join(', ')}`,
      );

    const problems = [
      ...images
        .filter((i) => !i.file)
        .map(
          (i) =>
            `第 ${i.n} 张图片是 ${i.contentType} 格式，网页无法显示，已略去：请在 Word 里把它另存为 PNG 或 JPG 图片，放进文章文件夹，再在正文里引用。\nImage ${i.n} (${i.contentType}) cannot be shown on the web and was left out: save it as PNG or JPG, put it in the article folder and reference it.`,
        ),
      ...describeMessages(converted.messages.map((m) => m.message)),
      ...body.unconverted.map(describeUnconverted),
    ];
    if (problems.length > 0)
      lines.push('', '没有完整转换的内容，请对照 Word 原稿检查 / Not fully converted, check against the original:');
    lines.push(...problems.map(item));
    if (missingAlt.length > 0)
      lines.push(
        '',
        '这些图片缺少说明文字 / Images without alt text:',
        ...missingAlt.map((i) => item(`第 ${i.n} 张：${i.file}  →  ![](./${i.file})`)),
        '请在 index.md 里这些图片的方括号中写上图片内容的说明，如 ![刘毅在表彰大会上发言](./image-1.jpg)，',
        `或重新导入并加上 --alt "${missingAlt[0]!.n}=说明"。补好之前文章保持草稿，不会发布。`,
        'Write what each image shows between its square brackets, or import again with --alt; until then the article stays a draft.',
      );
    lines.push(
      '',
      draftNote(fields.draft === true),
      ...futureNote(fields.date),
      '',
      nextSteps(shown(article), slug, fields.draft === true, true),
      '',
    );
    process.stdout.write(lines.join('\n'));
  } finally {
    questions.close();
  }
});
