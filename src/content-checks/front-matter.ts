// An article's front matter read the way editors write it: with the real line of every
// field and of every mistake, and the mistakes a Chinese keyboard makes (full-width colons,
// spaces and indentation, tabs) named for what they are, not as YAML's English.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { chineseFieldNames } from '../schemas/article.ts';

/** One mistake in the front matter, with its line in the whole file. */
export interface FrontMatterProblem {
  line: number;
  /** Chinese, then English after ` / `. */
  message: string;
}

export interface FrontMatter {
  /** The fields as YAML reads them (after the keyboard mistakes below are set right). */
  data: unknown;
  /** The line (in the whole file) of a field, e.g. ['person', 'name'], or of its nearest parent. */
  lineOf: (path: readonly PropertyKey[]) => number;
  problems: FrontMatterProblem[];
  /** The front matter's own lines, as written. */
  lines: string[];
}

const FENCE = /^---[ \t]*$/;
/** A field name at the start of a line (`title`, `  name`, `- file`). */
const KEY = /^(\s*(?:-\s+)?)([A-Za-z][A-Za-z0-9_]*)/;

/** The field name to write for a Chinese one, if it is one editors use (see chineseFieldNames). */
export const fieldForChinese = (name: string): string | undefined =>
  Object.hasOwn(chineseFieldNames, name.trim()) ? chineseFieldNames[name.trim()] : undefined;

/**
 * Mistakes of a Chinese keyboard on one front-matter line, and the line as meant: a
 * full-width colon after a field name, full-width spaces or tabs for indentation, a
 * full-width space or no space after the colon.
 */
function keyboardMistakes(line: string, fields: ReadonlySet<string>): { fixed: string; messages: string[] } {
  const messages: string[] = [];
  let fixed = line;
  const chinese = /^(\s*)([\u4e00-\u9fff]+)(\s*[:：])/.exec(fixed);
  const english = chinese && fieldForChinese(chinese[2]!);
  if (chinese && english) {
    messages.push(
      `字段名要用英文：「${chinese[2]}」请写成 ${english}，如 ${english}: …。 / Field names are English: write ${english} instead of ${chinese[2]}.`,
    );
    fixed = chinese[1] + english + ': ' + fixed.slice(chinese[0].length).trimStart();
  }
  if (/^[ \t]*\u3000/.test(fixed)) {
    messages.push(
      '行首用了全角空格「　」缩进：请删掉，改用两个半角空格（切换到英文输入法再按空格键）。 / The line is indented with full-width spaces: use two ordinary spaces.',
    );
    fixed = fixed.replace(/^[ \t\u3000]+/, (s) => s.replace(/\u3000/g, '  '));
  }
  if (/^ *\t/.test(fixed)) {
    messages.push(
      '行首用了 Tab 键缩进：文章信息里请用两个空格缩进。 / The line is indented with a tab: use two spaces.',
    );
    fixed = fixed.replace(/^[ \t]+/, (s) => s.replace(/\t/g, '  '));
  }
  const key = KEY.exec(fixed);
  if (key) {
    const rest = fixed.slice(key[0].length);
    const name = key[2]!;
    if (/^\s*：/.test(rest)) {
      messages.push(
        `${name} 后面的冒号是中文全角冒号「：」：请改成英文半角冒号「:」，冒号后空一格，如 ${name}: …。 / The colon after ${name} is a full-width colon: write ${name}: with an ordinary colon and a space.`,
      );
      fixed = key[0] + rest.replace(/^\s*：\s*/, ': ');
    } else if (/^:\u3000/.test(rest)) {
      messages.push(
        `${name}: 后面是全角空格「\u3000」：请改成一个半角空格。 / The space after ${name}: is full-width: use an ordinary space.`,
      );
      fixed = key[0] + ': ' + rest.slice(2).replace(/^\u3000+/, '');
    } else if (/^:[^\s]/.test(rest) && fields.has(name)) {
      messages.push(`${name}: 的冒号后面要空一格，如 ${name}: …。 / Put a space after the colon: ${name}: ….`);
      fixed = key[0] + ': ' + rest.slice(1);
    } else if (/^:\s+[^'"\s].*\s#/.test(rest) && fields.has(name)) {
      // YAML reads ` #` as the start of a note and silently drops the rest of the line.
      messages.push(
        `${name} 的内容里有「 #」，后面的文字会被当作备注丢掉：请给整个内容加上单引号，如 ${name}: '…'。 / The value of ${name} holds " #", and YAML would drop the rest of the line: put the value in single quotes.`,
      );
    }
  }
  return { fixed, messages };
}

/** YAML's mistakes in the editor's words, by YAML's error code and the line it is on. */
function yamlMessage(code: string, detail: string, line: string): string {
  const value = /^\s*(?:-\s+)?[A-Za-z]\w*:\s+(.*)$/.exec(line)?.[1] ?? '';
  if (!/^['"]/.test(value) && /: /.test(value))
    return `内容里有英文冒号加空格「: 」，会被当成下一个字段：请给整个内容加上单引号，如 title: '${value.replaceAll("'", "''")}'（或把冒号改成中文冒号「：」）。 / The value holds ": ": put the whole value in single quotes.`;
  const hint: Record<string, string> = {
    DUPLICATE_KEY: '同一个字段写了两次：请删掉其中一行。 / A field is written twice: delete one of them.',
    BAD_INDENT:
      '缩进不对：下一级的字段（如 person 下的 name）要比上一级多两个空格，同一级的字段要对齐。 / Wrong indentation: indent fields under another by two spaces, and align fields of one level.',
    TAB_AS_INDENT: '行首用了 Tab 键缩进：请用两个空格。 / A tab is used for indentation: use two spaces.',
    MISSING_CHAR: '引号或括号没有成对：开头有 \' 或 " 或 [ 的，结尾也要有。 / A quote or bracket is not closed.',
    MULTILINE_IMPLICIT_KEY:
      '这一行缺少冒号或引号没有成对：每行写成 字段: 内容。 / This line needs a colon, or a quote is not closed: write field: value.',
    BLOCK_AS_IMPLICIT_KEY:
      '这一行缺少冒号或缩进不对：每行写成 字段: 内容。 / A colon is missing or the indentation is wrong: write field: value.',
    UNEXPECTED_TOKEN:
      "这里有多余的符号：标题里有英文冒号、# 号或引号时，请给整个标题加上单引号，如 title: '标题'。 / Unexpected character: put the value in single quotes when it holds a colon, # or quotes.",
    BAD_SCALAR_START:
      '内容不能以 @ ` % 等符号开头：请给内容加上单引号。 / A value cannot start with this character: put it in single quotes.',
  };
  return (
    hint[code] ??
    `文章信息（--- 之间）写法有误（${detail}）。常见原因：冒号后少了空格，或标题里有英文冒号、# 号却没加引号（请写成 title: '标题'）。 / The front matter is not valid YAML (${detail}): check the colon and quotes on this line.`
  );
}

/** The YAML node of each key path, for their lines. */
function keyNodeAt(doc: YamlNode | null | undefined, path: readonly PropertyKey[]): YamlNode | undefined {
  let node: unknown = doc;
  let found: YamlNode | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      found = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      found = item as YamlNode;
      node = item;
    } else break;
  }
  return found;
}

/**
 * Reads the front matter of an article (without a byte-order mark; any line endings);
 * `fields` are the field names of the schema, at any level. Undefined when the file does
 * not start with a `---` line.
 */
export function readFrontMatter(text: string, fields: ReadonlySet<string>): FrontMatter | undefined {
  const all = text.split(/\r\n|\r|\n/);
  if (!FENCE.test(all[0] ?? '')) return undefined;
  const end = all.findIndex((line, i) => i > 0 && FENCE.test(line));
  const lines = end < 0 ? all.slice(1) : all.slice(1, end);
  const problems: FrontMatterProblem[] = [];
  if (end < 0)
    problems.push({
      line: 1,
      message:
        '文章信息没有结束：在最后一个字段（如 column）的下一行写 ---。 / The front matter is not closed: add a --- line after the last field.',
    });
  const fixed = lines.map((line, i) => {
    const { fixed: meant, messages } = keyboardMistakes(line, fields);
    for (const message of messages) problems.push({ line: i + 2, message });
    return meant;
  });
  const lineCounter = new LineCounter();
  const doc = parseDocument(fixed.join('\n'), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlLines = new Set<number>();
  for (const error of doc.errors) {
    const line = lineCounter.linePos(error.pos[0]).line + 1;
    // One message a line: YAML often finds several faults where one thing is wrong.
    if (yamlLines.has(line) || problems.some((p) => p.line === line)) continue;
    yamlLines.add(line);
    problems.push({ line, message: yamlMessage(error.code, error.message.split('\n')[0]!, fixed[line - 2] ?? '') });
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    const node = keyNodeAt(doc.contents, path);
    return node?.range ? lineCounter.linePos(node.range[0]).line + 1 : 2;
  };
  return { data: doc.errors.length ? undefined : (doc.toJS() ?? {}), lineOf, problems, lines };
}
