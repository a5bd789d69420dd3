// What `npm run import` does with a Word document once mammoth has turned it into HTML:
// find the headline and the document's date, gather the 落款, fit the headings under the
// page's own <h1>, fill in the alt text the editor gave, convert to Markdown, and word
// mammoth's warnings for the editor.
import { HTMLElement, parse, type Node } from 'node-html-parser';
import { parseChineseDay } from '../src/site/dates.ts';
import { htmlToMarkdown, signoffLines } from './html-markdown.ts';

// The name given to right-aligned paragraphs before mammoth converts them (it keeps no alignment).
const SIGNOFF_STYLE = 'LNGA Signoff';

/**
 * mammoth's style map additions: Word's 标题 (Title) style is the headline; 副标题
 * (Subtitle) is an ordinary paragraph; a right-aligned paragraph is a line of the 落款.
 */
export const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  `p[style-name='${SIGNOFF_STYLE}'] => p.signoff:fresh`,
];

/** The part of mammoth's document tree read here (`transformDocument` gets the whole tree). */
interface WordElement {
  type: string;
  children?: WordElement[];
  alignment?: string | undefined;
  styleId?: string | undefined;
  styleName?: string | undefined;
}

const holdsImage = (element: WordElement): boolean =>
  element.children?.some((child) => child.type === 'image' || holdsImage(child)) ?? false;

/**
 * mammoth's `transformDocument`: a paragraph aligned right in Word (`w:jc` right or end)
 * that is not a heading and holds no picture is given the 落款 style, which STYLE_MAP
 * turns into `<p class="signoff">`; mammoth would otherwise drop the alignment.
 */
export function markSignoffs<T extends WordElement>(element: T): T {
  const children = element.children?.map(markSignoffs);
  const marked = children ? { ...element, children } : element;
  const right = marked.alignment === 'right' || marked.alignment === 'end';
  const heading = /heading|title|标题/i.test(`${marked.styleId ?? ''} ${marked.styleName ?? ''}`);
  return marked.type === 'paragraph' && right && !heading && !holdsImage(marked)
    ? { ...marked, styleId: SIGNOFF_STYLE, styleName: SIGNOFF_STYLE }
    : marked;
}

/** mammoth's options for an article: the style map and the 落款 transform. */
export const MAMMOTH_OPTIONS = { styleMap: STYLE_MAP, transformDocument: markSignoffs };

/** Where the headline came from, for the report. */
export type TitleSource = 'title-style' | 'heading' | 'bold-paragraph';

/** Where the document's date came from: the line under the headline, or the 落款 at the end. */
export type DateSource = 'date-line' | 'signoff';

export interface ImportedBody {
  title?: { text: string; source: TitleSource } | undefined;
  /** The day the document states, `2024-05-20`, and the words it was read from. */
  date?: { day: string; text: string; source: DateSource } | undefined;
  /** Markdown body. */
  markdown: string;
  /** Formatting that could not be carried over, by tag name. */
  unconverted: string[];
}

const text = (element: HTMLElement): string => element.text.replace(/\s+/g, ' ').trim();

// A node that is a block of the body: an element, or text that is not only white space.
const isBlock = (node: Node): boolean => node instanceof HTMLElement || node.text.trim() !== '';
const blocksOf = (root: HTMLElement): Node[] => root.childNodes.filter(isBlock);
const isParagraph = (node: Node | undefined): node is HTMLElement =>
  node instanceof HTMLElement && node.rawTagName.toLowerCase() === 'p';

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
  const first = blocksOf(root)[0];
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

/**
 * Takes out a line under the headline that is only a date (2024年5月20日, 二〇二四年五月二十日,
 * 日期：2024-05-20): the page shows its date in the meta line.
 */
function takeDateLine(root: HTMLElement): ImportedBody['date'] {
  const first = blocksOf(root)[0];
  if (!isParagraph(first)) return undefined;
  const day = parseChineseDay(text(first));
  if (!day) return undefined;
  first.remove();
  return { day, text: text(first), source: 'date-line' };
}

/** Joins each run of 落款 lines (consecutive `p.signoff`) into one paragraph, a line each. */
function joinSignoffs(root: HTMLElement): void {
  let open: HTMLElement | undefined;
  for (const node of blocksOf(root)) {
    const signoff = isParagraph(node) && node.classList.contains('signoff');
    if (signoff && open) {
      open.appendChild(new HTMLElement('br', {}));
      for (const child of [...node.childNodes]) open.appendChild(child);
      node.remove();
    } else open = signoff ? (node as HTMLElement) : undefined;
  }
}

/**
 * The date of the 落款: the last date-only line of the last paragraph, when that paragraph
 * is a 落款 (right-aligned) or is itself only a date.
 */
function signoffDate(root: HTMLElement): ImportedBody['date'] {
  const last = blocksOf(root).at(-1);
  if (!isParagraph(last)) return undefined;
  const lines = last.classList.contains('signoff') ? signoffLines(last) : [text(last)];
  for (const line of lines.reverse()) {
    const day = parseChineseDay(line);
    if (day) return { day, text: line, source: 'signoff' };
  }
  return undefined;
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
 * The article body of mammoth's HTML: headline and a date line under it taken out, the
 * 落款 lines joined, headings fitted, each image's alt text replaced by the editor's where
 * `alts` (by image src) has one. The date is the date line's, else the 落款's.
 */
export function importBody(html: string, alts: ReadonlyMap<string, string> = new Map()): ImportedBody {
  const root = parse(html);
  for (const img of root.querySelectorAll('img')) {
    const alt = alts.get(img.getAttribute('src') ?? '');
    if (alt !== undefined) img.setAttribute('alt', alt);
  }
  const title = takeTitle(root);
  const dateLine = takeDateLine(root);
  joinSignoffs(root);
  const date = dateLine ?? signoffDate(root);
  fitHeadings(root);
  return { title, date, ...htmlToMarkdown(root) };
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
  em: '斜体（中文排版不用斜体）',
  u: '下划线',
  table: '表格中的表格',
  div: '分区',
  img: '合并单元格的表格里的图片（只留下了说明文字，请把图片放到表格外）',
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
