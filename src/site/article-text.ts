// The text of an article body as a reader sees it, read from its syntax tree (the parser the
// build and the content checks use): a description is cut from it, and the tests compare it
// with the pages. Not for the browser: the parser is native code (src/site/text.ts is what
// browser code shares).
import { htmlToHast, markdownToMdast, mdxToMdast, type HastNode, type MdastNode } from 'satteri';

type Node = (MdastNode | HastNode) & { value?: unknown; alt?: unknown; spread?: unknown; children?: Node[] };

/** What a reader never sees: front matter, imports, expressions (the allow-list drops them), link definitions. */
const UNSEEN = new Set(['yaml', 'toml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'definition']);
/** Blocks whose content is one line of text. */
const LINES = new Set(['paragraph', 'heading', 'tableRow']);
/** Elements of raw HTML whose content is not text on the page. */
const NOT_TEXT = new Set(['script', 'style', 'template']);

/** The text of raw HTML as a page shows it: no tags, comments or scripts; entities decoded. */
function htmlText(html: string): string {
  const text = (node: Node): string => {
    if (node.type === 'text') return String(node.value);
    if (node.type === 'comment' || (node.type === 'element' && NOT_TEXT.has(String(node.tagName)))) return '';
    return (node.children ?? []).map(text).join('');
  };
  return text(htmlToHast(html, { fragment: true }) as Node);
}

/** The text of inline content: words, code and pictures' descriptions, without marks. */
function inlineText(node: Node): string {
  if (UNSEEN.has(node.type)) return '';
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value);
  if (node.type === 'image') return String(node.alt ?? '');
  if (node.type === 'html') return htmlText(String(node.value));
  return (node.children ?? []).map(inlineText).join('');
}

const isBlock = (node: Node): boolean => LINES.has(node.type) || !!node.children?.some(isBlock);

/** The paragraphs of the blocks under `node`, in order. */
function blockTexts(node: Node, out: string[]): string[] {
  for (const child of node.children ?? []) {
    if (UNSEEN.has(child.type) || child.type === 'thematicBreak') continue;
    if (child.type === 'code') out.push(String(child.value));
    else if (child.type === 'html') out.push(htmlText(String(child.value)));
    // A tight list reads as one paragraph; a loose one (items apart) as one an item.
    else if (child.type === 'list' && !child.spread) out.push(inlineText(child));
    else if (LINES.has(child.type) || !isBlock(child)) out.push(inlineText(child));
    else blockTexts(child, out);
  }
  return out;
}

/** A body's syntax tree: MDX, or Markdown for a `.md` file and for text MDX cannot read. */
function bodyTree(body: string, file: string | undefined): MdastNode {
  if (!file?.toLowerCase().endsWith('.md'))
    try {
      return mdxToMdast(body, { position: false });
    } catch {
      /* not MDX: read as Markdown, as a .md file is */
    }
  return markdownToMdast(body, { position: false });
}

/**
 * The paragraphs of a Markdown/MDX body as a reader sees them: one string per paragraph,
 * heading, table row or code block (a tight list is one), without marks, links' targets,
 * tags, imports, expressions or comments; line breaks inside a paragraph joined. `file` (the
 * article's path) says whether it is Markdown (`.md`) or MDX.
 */
export function paragraphsOf(body: string, file?: string): string[] {
  return blockTexts(bodyTree(body.replace(/\r\n?/g, '\n'), file) as Node, [])
    .map((text) => text.replace(/\s*\n\s*/g, '').trim())
    .filter((text) => text.length > 0);
}

const SENTENCE_END = /[。！？!?；;]/g;

/**
 * A plain-text description of at most `max` characters: whole sentences of the first
 * paragraphs, cut after a Chinese sentence end; a single over-long sentence is cut
 * at `max` with an ellipsis.
 */
export function describe(paragraphs: string[], max = 120): string {
  const text = paragraphs.join('');
  if (text.length <= max) return text;
  let cut = -1;
  for (const match of text.matchAll(SENTENCE_END)) {
    if (match.index + 1 > max) break;
    cut = match.index + 1;
  }
  return cut > 0 ? text.slice(0, cut) : `${text.slice(0, max - 1)}…`;
}
