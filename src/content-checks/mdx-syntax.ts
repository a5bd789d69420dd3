// MDX reads `<` as the start of a tag and `{` as the start of code, so ordinary Chinese text
// such as 返修率降到<1% or {120万件} breaks the file. The parser stops at the first such
// character; this finds them all in one run, each with its line and the escape to write.
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';

/** A syntax mistake in an MDX file, with its line. */
export interface MdxSyntaxProblem {
  line: number;
  /** Chinese, then English after ` / `. */
  message: string;
}

/** The offset of a line:column position (both 1-based) in the text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** The editor's message for the parser's, given the character that caused it. */
function message(culprit: string, detail: string): string {
  const closing = /Expected a closing tag for `(<[^`]*>)`/.exec(detail)?.[1];
  if (closing)
    return `标签 ${closing} 没有闭合：请在后面写结束标签（如 </div>），或写成 <br /> 这样自己闭合。如果 < 是正文里的小于号，请写成 \\<（或把文件改为 .md）。 / The tag ${closing} is not closed: add its closing tag or write it self-closing (<br />); write \\< for a less-than sign, or use a .md file.`;
  if (culprit === '<')
    return '「<」在 MDX 文件里表示标签开始。如果这是正文里的小于号（如 返修率降到<1%），请写成 \\<，或把文件改为 .md（普通文字不受影响）。 / "<" starts a tag in MDX: write \\< for a less-than sign, or rename the file to .md.';
  if (culprit === '{')
    return '「{」在 MDX 文件里表示代码。如果这是正文里的花括号（如 {120万件}），请写成 \\{，或把文件改为 .md（普通文字不受影响）。 / "{" starts code in MDX: write \\{ for a literal brace, or rename the file to .md.';
  return `MDX 写法有误，无法解析：${detail}。常见原因：< 或 { 要写成 \\< 或 \\{，HTML 标签没有闭合（<br> 要写成 <br />）。 / MDX syntax error: ${detail}. Escape < and { as \\< and \\{, and close every tag.`;
}

/**
 * Parses an MDX file; on a syntax error, notes it, blanks the `<` or `{` that caused it and
 * parses again, so that every mistake is found at once. The tree is that of the text with
 * the culprits blanked (undefined if a mistake had no culprit to blank).
 */
export function parseMdx(text: string): { tree: MdastNode | undefined; problems: MdxSyntaxProblem[] } {
  const problems: MdxSyntaxProblem[] = [];
  let source = text;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      return { tree: mdxToMdast(source), problems };
    } catch (error) {
      const raw = error instanceof Error ? error.message : String(error);
      const [, line = '1', column = '1'] = /^(\d+):(\d+)/.exec(raw) ?? [];
      const detail = raw.replace(/^\d+:\d+:\s*/, '').replace(/\s*\(mdx[^)]*\)\s*$/, '');
      const at = offsetOf(source, Number(line), Number(column));
      const lineStart = source.lastIndexOf('\n', at - 1) + 1;
      // The culprit is the `<` or `{` at the position, or the nearest before it on the line.
      let culprit = -1;
      for (let i = Math.min(at, source.length - 1); i >= lineStart; i--)
        if (source[i] === '<' || source[i] === '{') {
          culprit = i;
          break;
        }
      problems.push({ line: Number(line), message: message(culprit >= 0 ? source[culprit]! : '', detail) });
      if (culprit < 0) return { tree: undefined, problems };
      source = source.slice(0, culprit) + ' ' + source.slice(culprit + 1);
    }
  }
  return { tree: undefined, problems };
}

/**
 * The syntax tree of an article file, front matter included: MDX for `.mdx` (with its
 * syntax problems, see parseMdx), Markdown for `.md`, which has none.
 */
export function parseArticle(
  file: string,
  text: string,
): { tree: MdastNode | undefined; problems: MdxSyntaxProblem[] } {
  return file.endsWith('.mdx') ? parseMdx(text) : { tree: markdownToMdast(text), problems: [] };
}
