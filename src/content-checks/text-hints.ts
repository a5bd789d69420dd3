// Hints for Chinese text: half-width punctuation between Chinese characters, doubled
// punctuation, spaces inside Chinese. They are warnings, never applied by a build: the words
// are the editor's, and `npm run check:content -- --fix` changes them only when asked. The prose
// is found in the file's syntax tree, as the build reads it: code, link targets and tags are
// never touched, however they are written.
import type { MdastNode } from 'satteri';
import { parseArticle } from './mdx-syntax.ts';

export interface Hint {
  line: number;
  column: number;
  /** Chinese, then English. */
  message: string;
}

const HAN = '\\p{Script=Han}';
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const NAMES: Record<string, string> = { ',': '逗号', ';': '分号', ':': '冒号', '?': '问号', '!': '叹号' };

interface Rule {
  pattern: RegExp;
  /** Headlines may set two phrases apart with a space (不忘初心抓主业 一心一意谋发展). */
  inHeadlines: boolean;
  message: (match: RegExpExecArray) => string;
  fix: (match: RegExpExecArray) => string;
}

const RULES: Rule[] = [
  {
    // 日,全国 → 日，全国 (and 日 , 全国).
    pattern: new RegExp(`(?<=${HAN})[ \\t]*([,;:?!])[ \\t]*(?=${HAN})`, 'gu'),
    inHeadlines: true,
    message: (m) =>
      `中文之间用了半角${NAMES[m[1]!]}「${m[1]}」，应为全角「${FULL_WIDTH[m[1]!]}」。 / Half-width "${m[1]}" between Chinese characters: use "${FULL_WIDTH[m[1]!]}".`,
    fix: (m) => FULL_WIDTH[m[1]!]!,
  },
  {
    // 。。 → 。
    pattern: /([，。、；：！？])\1+/gu,
    inHeadlines: true,
    message: (m) => `标点重复「${m[0]}」。 / Doubled punctuation "${m[0]}".`,
    fix: (m) => m[1]!,
  },
  {
    // 主任 刘毅 → 主任刘毅
    pattern: new RegExp(`(?<=${HAN})[ \\u3000]+(?=${HAN})`, 'gu'),
    inHeadlines: false,
    message: () => '中文之间有空格。 / A space between Chinese characters.',
    fix: () => '',
  },
];

interface Span {
  /** Offset in the file where the prose starts. */
  start: number;
  /** The prose as the file has it; what is not prose inside it (HTML tags) blanked with \0. */
  text: string;
  headline: boolean;
}

const applies = (rule: Rule, span: Span) => rule.inHeadlines || !span.headline;

/** Front-matter fields whose value is prose (the rest are names, dates, paths). */
const PROSE_FIELD = /^(\s*(?:title|summary)\s*:\s*)(.*?)\r?$/;

/** In raw HTML, what is not prose: comments, scripts and styles, and tags (quotes may hold `>`). */
const NOT_PROSE =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<\/?[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>?/gi;

/** Where a node starts and ends in the file. */
const range = (node: MdastNode): [number, number] => [node.position!.start.offset!, node.position!.end.offset!];

/**
 * The stretches of a file that are the editor's prose, from its syntax tree: the values of
 * prose fields in the front matter, the text of the body (never code, link targets, imports
 * or expressions), pictures' descriptions, and the words inside raw HTML.
 */
function proseSpans(file: string, text: string): Span[] {
  const spans: Span[] = [];
  const walk = (node: MdastNode): void => {
    const any = node as MdastNode & { value?: unknown; children?: MdastNode[] };
    if (node.type === 'yaml') {
      const [start, end] = range(node);
      let at = start;
      for (const line of text.slice(start, end).split('\n')) {
        const field = PROSE_FIELD.exec(line);
        if (field) spans.push({ start: at + field[1]!.length, text: field[2]!, headline: true });
        at += line.length + 1;
      }
    } else if (node.type === 'text') {
      const [start, end] = range(node);
      spans.push({ start, text: text.slice(start, end), headline: false });
    } else if (node.type === 'html') {
      const [start, end] = range(node);
      const html = text.slice(start, end).replace(NOT_PROSE, (m) => '\0'.repeat(m.length));
      spans.push({ start, text: html, headline: false });
    } else if (node.type === 'image') {
      // ![description](address): the description, between `![` and `](`.
      const [start, end] = range(node);
      const close = text.slice(start, end).lastIndexOf('](');
      if (close > 2) spans.push({ start: start + 2, text: text.slice(start + 2, start + close), headline: false });
    }
    for (const child of any.children ?? []) walk(child);
  };
  const { tree } = parseArticle(file, text);
  if (tree) walk(tree);
  return spans.sort((a, b) => a.start - b.start);
}

/** The line and column (both 1-based) of each offset of a text. */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/**
 * Every hint for a file's text, with line and column (1-based). `file` (its path) says whether
 * it is Markdown (`.md`) or MDX.
 */
export function textHints(text: string, file = 'article.md'): Hint[] {
  const hints: Hint[] = [];
  const at = locator(text);
  for (const span of proseSpans(file, text))
    for (const rule of RULES.filter((r) => applies(r, span)))
      for (const match of span.text.matchAll(rule.pattern))
        hints.push({ ...at(span.start + match.index), message: rule.message(match) });
  return hints.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The text with the punctuation hints applied, and how many changes that made. */
export function fixText(text: string, file = 'article.md'): { text: string; changes: number } {
  let fixed = text;
  let changes = 0;
  // From the end of the file back, so the offsets of the spans before stay valid.
  for (const span of proseSpans(file, text).reverse()) {
    let prose = span.text;
    let real = text.slice(span.start, span.start + span.text.length);
    for (const rule of RULES.filter((r) => applies(r, span))) {
      // Replace right to left so earlier offsets stay valid.
      for (const match of [...prose.matchAll(rule.pattern)].reverse()) {
        const replacement = rule.fix(match);
        const end = match.index + match[0].length;
        prose = prose.slice(0, match.index) + replacement + prose.slice(end);
        real = real.slice(0, match.index) + replacement + real.slice(end);
        changes++;
      }
    }
    fixed = fixed.slice(0, span.start) + real + fixed.slice(span.start + span.text.length);
  }
  return { text: fixed, changes };
}
