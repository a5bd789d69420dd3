// What `npm run import` does with a Word document once mammoth has turned it into HTML:
// find the headline, fit the headings under the page's own <h1>, fill in the alt text the
// editor gave, convert to Markdown, and word mammoth's warnings for the editor.
import { HTMLElement, parse } from 'node-html-parser';
import { htmlToMarkdown } from './html-markdown.ts';

/**
 * mammoth's style map additions: Word's 标题 (Title) style is the headline; 副标题
 * (Subtitle) is an ordinary paragraph.
 */
export const STYLE_MAP = ["p[style-name='Title'] => h1.doc-title:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** Where the headline came from, for the report. */
export type TitleSource = 'title-style' | 'heading' | 'bold-paragraph';

export interface ImportedBody {
  title?: { text: string; source: TitleSource } | undefined;
  /** Markdown body. */
  markdown: string;
  /** Formatting that could not be carried over, by tag name. */
  unconverted: string[];
}

const text = (element: HTMLElement): string => element.text.replace(/\s+/g, ' ').trim();

/**
 * Takes the headline out of the document: the paragraph in Word's 标题 style; else the
 * document's first paragraph when it is a heading, or short (60 characters at most) and
 * all bold, as Chinese documents often set their title by hand.
 */
function takeTitle(root: HTMLElement): ImportedBody['title'] {
  const styled = root.querySelector('h1.doc-title');
  if (styled && text(styled)) {
    styled.remove();
    return { text: text(styled), source: 'title-style' };
  }
  const first = root.childNodes.find((n) => n instanceof HTMLElement || n.text.trim() !== '');
  if (!(first instanceof HTMLElement) || !text(first)) return undefined;
  const tag = first.rawTagName.toLowerCase();
  const content = first.childNodes.filter((n) => n.text.trim() !== '');
  const allBold =
    tag === 'p' &&
    content.length === 1 &&
    content[0] instanceof HTMLElement &&
    content[0].rawTagName.toLowerCase() === 'strong' &&
    !content[0].querySelector('img');
  const source: TitleSource | undefined = /^h[1-6]$/.test(tag)
    ? 'heading'
    : allBold && text(first).length <= 60
      ? 'bold-paragraph'
      : undefined;
  if (!source) return undefined;
  first.remove();
  return { text: text(first), source };
}

/** Moves the body's headings so the highest becomes `##`: the page's headline is the only `#`. */
function fitHeadings(root: HTMLElement): void {
  const headings = root.querySelectorAll('h1, h2, h3, h4, h5, h6');
  const top = Math.min(...headings.map((h) => Number(h.rawTagName[1])));
  for (const heading of headings) {
    const level = Math.min(6, Number(heading.rawTagName[1]) - top + 2);
    heading.tagName = `h${level}`;
  }
}

/**
 * The article body of mammoth's HTML: headline taken out, headings fitted, each image's
 * alt text replaced by the editor's where `alts` (by image src) has one.
 */
export function importBody(html: string, alts: ReadonlyMap<string, string> = new Map()): ImportedBody {
  const root = parse(html);
  for (const img of root.querySelectorAll('img')) {
    const alt = alts.get(img.getAttribute('src') ?? '');
    if (alt !== undefined) img.setAttribute('alt', alt);
  }
  const title = takeTitle(root);
  fitHeadings(root);
  return { title, ...htmlToMarkdown(root) };
}

// Word elements mammoth skips, by their name without namespace (mammoth names some as
// `m:oMath`, others as `{http://…/math}oMath`).
const ELEMENTS: Record<string, string> = {
  oMath: '公式',
  oMathPara: '公式',
  pict: '图形',
  shape: '图形',
  txbxContent: '文本框',
  fldSimple: '域代码',
  sdt: '内容控件',
  ins: '修订',
  chart: '图表',
};

const FORMATS: Record<string, string> = {
  strong: '加粗',
  em: '斜体',
  u: '下划线',
  table: '表格中的表格',
  div: '分区',
};

/** A mammoth warning in the editor's words: Chinese, with mammoth's English kept beneath. */
export function describeMessage(message: string): string {
  let chinese: string;
  let match: RegExpExecArray | null;
  if ((match = /^Unrecognised paragraph style: '([^']*)'/.exec(message)))
    chinese = `段落样式「${match[1]}」没有对应的网页格式，已按普通段落导入。`;
  else if ((match = /^Unrecognised run style: '([^']*)'/.exec(message)))
    chinese = `文字样式「${match[1]}」没有对应的网页格式，已按普通文字导入。`;
  else if ((match = /^An unrecognised element was ignored: (?:\{[^}]*\}|\w+:)?(\S+)/.exec(message)))
    chinese = `文档里的${ELEMENTS[match[1]!] ?? `内容（${match[1]}）`}无法转换，已略去：请对照 Word 原稿补上。`;
  else if (/cell merging may be incorrect/.test(message))
    chinese = '表格的合并单元格可能不正确，请对照 Word 原稿检查。';
  else if (/w:sym element with an unsupported character/.test(message)) chinese = '有一个特殊符号无法转换，已略去。';
  else chinese = 'Word 转换提示：';
  return `${chinese}\n    ${message}`;
}

/**
 * mammoth's warnings for the report: each once, with how often it came (mammoth repeats
 * one per paragraph), except its guesses about image formats: the import itself says
 * which images it could not save.
 */
export function describeMessages(messages: string[]): string[] {
  const counts = new Map<string, number>();
  for (const m of messages) if (!/^Image of type/.test(m)) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].map(([m, count]) =>
    count > 1 ? describeMessage(m).replace('\n', `（共 ${count} 处）\n`) : describeMessage(m),
  );
}

/** Formatting the converter dropped, named for the editor. */
export function describeUnconverted(tag: string): string {
  return `「${FORMATS[tag] ?? tag}」格式没有保留，文字已导入。\n    Formatting <${tag}> was dropped; its text is kept.`;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/tiff': 'tiff',
  'image/svg+xml': 'svg',
};

/** The file extension of an image type Astro can optimise; undefined for EMF, WMF, BMP… */
export const imageExtension = (contentType: string): string | undefined => EXTENSIONS[contentType.toLowerCase()];
