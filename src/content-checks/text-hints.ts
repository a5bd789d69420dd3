// Hints for Chinese text: half-width punctuation between Chinese characters, doubled
// punctuation, spaces inside Chinese. They are warnings, never applied by a build: the words
// are the editor's, and `npm run check:content -- --fix` changes them only when asked.

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
  line: number;
  /** Column (0-based) where the prose starts. */
  start: number;
  text: string;
  headline: boolean;
}

const applies = (rule: Rule, span: Span) => rule.inHeadlines || !span.headline;

/** Front-matter fields whose value is prose (the rest are names, dates, paths). */
const PROSE_FIELD = /^(\s*(?:title|summary)\s*:\s*)(.*)$/;

/**
 * The stretches of each line that are the editor's prose: body lines outside code, imports
 * and HTML/JSX tags, and the values of prose fields in the front matter.
 */
function proseSpans(text: string): Span[] {
  const spans: Span[] = [];
  const lines = text.split('\n');
  let inFront = lines[0]?.trim() === '---';
  let inCode = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (i > 0 && inFront && line.trim() === '---') {
      inFront = false;
      return;
    }
    if (inFront) {
      const field = PROSE_FIELD.exec(line);
      if (field) spans.push({ line: i + 1, start: field[1]!.length, text: field[2]!, headline: true });
      return;
    }
    if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
    if (inCode || /^\s*(```|~~~|import\s|export\s)/.test(line)) return;
    // Tags, inline code and link targets are not prose: blank them out, keeping columns.
    const prose = line.replace(/<[^>]*>|`[^`]*`|\]\([^)]*\)/g, (m) => '\0'.repeat(m.length));
    spans.push({ line: i + 1, start: 0, text: prose, headline: false });
  });
  return spans;
}

/** Every hint for a file's text, with line and column (1-based). */
export function textHints(text: string): Hint[] {
  const hints: Hint[] = [];
  for (const span of proseSpans(text))
    for (const rule of RULES.filter((r) => applies(r, span)))
      for (const match of span.text.matchAll(rule.pattern))
        hints.push({ line: span.line, column: span.start + match.index + 1, message: rule.message(match) });
  return hints.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The text with the punctuation hints applied, and how many changes that made. */
export function fixText(text: string): { text: string; changes: number } {
  const lines = text.split('\n');
  let changes = 0;
  for (const span of proseSpans(text)) {
    let prose = span.text;
    let line = lines[span.line - 1]!;
    for (const rule of RULES.filter((r) => applies(r, span))) {
      // Replace right to left so earlier columns stay valid.
      for (const match of [...prose.matchAll(rule.pattern)].reverse()) {
        const at = span.start + match.index;
        const replacement = rule.fix(match);
        line = line.slice(0, at) + replacement + line.slice(at + match[0].length);
        prose = prose.slice(0, match.index) + replacement + prose.slice(match.index + match[0].length);
        changes++;
      }
    }
    lines[span.line - 1] = line;
  }
  return { text: lines.join('\n'), changes };
}
