// Turns the plain HTML that mammoth makes of a Word document into Markdown that reads as if
// written by hand: headings, paragraphs, bold and italic, lists, tables, links and
// images. Only the few elements mammoth produces are known; anything else keeps its text
// and is named in `unconverted`, so the import can say what it could not carry over.
import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';

export interface MarkdownResult {
  /** Markdown body (also valid MDX), ending with a newline. */
  markdown: string;
  /** Tag names whose formatting was dropped (their text is kept). */
  unconverted: string[];
}

interface Context {
  /** Inside a table cell: one line, `|` escaped, line breaks as <br />. */
  inCell: boolean;
  /**
   * Inside an HTML table: Markdown is not read within HTML in a .md file, so the text is
   * written as HTML (escaped, `<strong>`, `<a>`).
   */
  html: boolean;
  unconverted: Set<string>;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'hr', 'div']);

// Characters that Markdown or MDX would read as syntax anywhere in a line: `<` and `{`
// start JSX and expressions in MDX, `~` is strikethrough in GFM (Chinese writes 7~8月).
const SYNTAX = /[\\`*_[\]<>{}~]/g;
// Web addresses are left as written so they stay clickable (GFM links them).
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>{}\u3000-\u303f\uff01-\uff5e]+/g;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function escapeText(text: string, context: Context): string {
  if (context.html) return escapeHtml(text);
  let out = '';
  let last = 0;
  const escape = (part: string) => {
    let escaped = part.replace(SYNTAX, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
    if (context.inCell) escaped = escaped.replace(/\|/g, '\\|');
    return escaped;
  };
  for (const match of text.matchAll(ADDRESS)) {
    out += escape(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
}

/** Line starts that Markdown reads as a heading, list, quote or rule: `1.` `-` `#` `+` `=`. */
const escapeLineStart = (line: string): string => line.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([#+=-])/, '\\$1');

// CommonMark opens `**` only before a character that is not punctuation (or after a space
// or punctuation), so `中**“引语”**中` would stay literal. Punctuation at the edges of a
// bold run (an escaped `\<` counts) is moved outside the markers: `中“**引语**”中`.
// Link brackets cannot move (nor a leading `!`, which may open a picture), so a run that
// starts or ends with a link is left as HTML.
const LEADING = /^(?:\\[^\n]|\\\n|[^\P{P}[\]()!]|[^\P{S}[\]()!]|\s)+/u;
const TRAILING = /(?:\\[^\n]|[^\P{P}[\]()\\]|[^\P{S}[\]()\\]|\s)+$/u;
const EDGE = /^[\p{P}\p{S}\s]|[\p{P}\p{S}\s]$/u;

function emphasis(marker: string, tag: string, inner: string): string {
  const before = LEADING.exec(inner)?.[0] ?? '';
  const rest = inner.slice(before.length);
  const after = TRAILING.exec(rest)?.[0] ?? '';
  const core = rest.slice(0, rest.length - after.length);
  // Only spaces or punctuation were marked: nothing to show as bold.
  if (core === '') return inner;
  return before + (EDGE.test(core) ? `<${tag}>${core}</${tag}>` : `${marker}${core}${marker}`) + after;
}

const encodeAddress = (href: string): string => href.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

const tagOf = (node: Node): string => (isElement(node) ? node.rawTagName.toLowerCase() : '');

/** Word splits text into runs, so `<strong>重</strong><strong>要</strong>` happens: join them. */
function mergeRuns(nodes: Node[]): Node[] {
  const merged: Node[] = [];
  for (const node of nodes) {
    const previous = merged.at(-1);
    const tag = tagOf(node);
    if (
      previous &&
      isElement(previous) &&
      isElement(node) &&
      ['strong', 'em', 's'].includes(tag) &&
      tagOf(previous) === tag
    ) {
      const joined = new HTMLElement(tag, {});
      for (const child of [...previous.childNodes, ...node.childNodes]) joined.appendChild(child);
      merged[merged.length - 1] = joined;
    } else merged.push(node);
  }
  return merged;
}

function inline(nodes: Node[], context: Context): string {
  let out = '';
  for (const node of mergeRuns(nodes)) {
    if (node.nodeType === NodeType.TEXT_NODE) {
      out += escapeText(node.text.replace(/[\t\r\n]+/g, ' '), context);
      continue;
    }
    if (!isElement(node)) continue;
    const tag = tagOf(node);
    const children = () => inline(node.childNodes, context);
    switch (tag) {
      case 'strong':
      case 'b':
        out += context.html ? `<strong>${children()}</strong>` : emphasis('**', 'strong', children());
        break;
      case 'em':
      case 'i':
        // Chinese type has no italics (a browser slants the characters): the text is kept plain.
        context.unconverted.add('em');
        out += children();
        break;
      case 's':
      case 'del':
      case 'strike':
        out += context.html ? `<del>${children()}</del>` : emphasis('~~', 'del', children());
        break;
      case 'sup':
      case 'sub':
        out += `<${tag}>${children()}</${tag}>`;
        break;
      case 'br':
        out += context.inCell ? '<br />' : '\\\n';
        break;
      case 'img': {
        const src = node.getAttribute('src') ?? '';
        // An image without a file (one the caller could not save) is left out; the caller says so.
        // Within HTML, Astro would not find the picture: its description stands in for it.
        if (src && context.html) {
          context.unconverted.add('img');
          out += escapeHtml(node.getAttribute('alt') ?? '');
        } else if (src) {
          const alt = (node.getAttribute('alt') ?? '')
            .replace(/\s+/g, ' ')
            .trim()
            .replace(/[[\]\\]/g, '\\$&');
          out += `![${alt}](${encodeAddress(src)})`;
        }
        break;
      }
      case 'a': {
        const href = node.getAttribute('href') ?? '';
        const text = children();
        // Links within the document (footnotes, bookmarks) lead nowhere on the web page.
        const linked = href && !href.startsWith('#') && text.trim();
        if (!linked) out += text;
        else if (context.html) out += `<a href="${escapeHtml(href).replace(/"/g, '&quot;')}">${text}</a>`;
        else out += `[${text}](${encodeAddress(href)})`;
        break;
      }
      case 'span':
        out += children();
        break;
      default:
        context.unconverted.add(tag);
        out += children();
    }
  }
  return out;
}

/**
 * Paragraph text: no blank edges (Word indents with full-width spaces), no Markdown syntax
 * at line starts (HTML needs no escapes there).
 */
function paragraph(text: string, html = false): string {
  return text
    .replace(/^(?:\s|\\\n)+|(?:\s|\\\n)+$/gu, '')
    .split('\n')
    .map((line) => (html ? line.replace(/^\s+/u, '') : escapeLineStart(line.replace(/^\s+/u, ''))))
    .join('\n');
}

function indent(text: string, prefix: string, first: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? prefix + line : line))
    .join('\n');
}

function list(element: HTMLElement, context: Context): string {
  const ordered = tagOf(element) === 'ol';
  const start = Number(element.getAttribute('start') ?? 1) || 1;
  return element.childNodes
    .filter((n) => tagOf(n) === 'li')
    .map((item, i) => {
      const marker = ordered ? `${start + i}.` : '-';
      // A tight list keeps an item's text and its nested list on consecutive lines;
      // paragraphs within an item need an empty line between them.
      const parts = blocks((item as HTMLElement).childNodes, context);
      const content = parts
        .map((part, j) => (j === 0 ? '' : /^(?:-|\d+\.) /.test(part) ? '\n' : '\n\n') + part)
        .join('');
      return indent(content, ' '.repeat(marker.length + 1), `${marker} `).trimEnd();
    })
    .join('\n');
}

const rowsOf = (table: HTMLElement): HTMLElement[] =>
  table.childNodes.flatMap((n) =>
    tagOf(n) === 'tr'
      ? [n as HTMLElement]
      : ['thead', 'tbody', 'tfoot'].includes(tagOf(n))
        ? rowsOf(n as HTMLElement)
        : [],
  );

const cellsOf = (row: HTMLElement): HTMLElement[] =>
  row.childNodes.filter((n): n is HTMLElement => tagOf(n) === 'td' || tagOf(n) === 'th');

/** A cell's content on one line: paragraphs joined by <br />, lists as HTML. */
function cellText(cell: HTMLElement, context: Context): string {
  const cellContext = { ...context, inCell: true };
  const parts: string[] = [];
  let run: Node[] = [];
  const flush = () => {
    const text = paragraph(inline(run, cellContext), context.html);
    if (text) parts.push(text);
    run = [];
  };
  for (const node of cell.childNodes) {
    const tag = tagOf(node);
    if (tag === 'p' || /^h[1-6]$/.test(tag)) {
      flush();
      run = (node as HTMLElement).childNodes;
      flush();
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      const items = (node as HTMLElement).childNodes
        .filter((n) => tagOf(n) === 'li')
        .map((li) => `<li>${paragraph(inline((li as HTMLElement).childNodes, cellContext), context.html)}</li>`);
      parts.push(`<${tag}>${items.join('')}</${tag}>`);
    } else if (tag === 'table') {
      flush();
      // A table inside a table cell keeps only its text.
      context.unconverted.add('table');
      parts.push(paragraph(escapeText((node as HTMLElement).text.replace(/\s+/g, ' '), cellContext), context.html));
    } else run.push(node);
  }
  flush();
  return parts.join('<br />');
}

/**
 * A GFM table (its first row as the header) when every row has the same cells and no cell
 * is merged or holds a list; otherwise an HTML table, its cells written as HTML.
 */
function table(element: HTMLElement, context: Context): string {
  const rows = rowsOf(element).map(cellsOf);
  if (rows.length === 0) return '';
  const width = rows[0]!.length;
  const simple = rows.every(
    (cells) =>
      cells.length === width &&
      cells.every((c) => !c.getAttribute('colspan') && !c.getAttribute('rowspan') && !c.querySelector('ul, ol, table')),
  );
  if (simple) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const [head = [], ...body] = rows.map((cells) => cells.map((c) => cellText(c, context)));
    return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
  }
  const lines = ['<table>', '  <tbody>'];
  for (const cells of rows) {
    lines.push('    <tr>');
    for (const cell of cells) {
      const tag = tagOf(cell);
      const spans = ['colspan', 'rowspan']
        .filter((a) => Number(cell.getAttribute(a) ?? 1) > 1)
        .map((a) => ` ${a}="${Number(cell.getAttribute(a))}"`)
        .join('');
      lines.push(`      <${tag}${spans}>${cellText(cell, { ...context, html: true })}</${tag}>`);
    }
    lines.push('    </tr>');
  }
  lines.push('  </tbody>', '</table>');
  return lines.join('\n');
}

/** The lines of a 落款 paragraph (`<br>` between them) as plain text, empty ones left out. */
export function signoffLines(element: HTMLElement): string[] {
  return element.innerHTML
    .split(/<br\s*\/?>/i)
    .map((part) => parse(part).text.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/**
 * A 落款 (sender and date, `<p class="signoff">`) as the HTML the site's allow-list keeps:
 * its lines as plain text, one per line, which the site's CSS shows right-aligned. Markdown
 * is not read inside HTML, so formatting goes.
 */
function signoff(element: HTMLElement): string[] {
  const lines = signoffLines(element).map(escapeHtml);
  return lines.length > 0 ? [`<p class="signoff">${lines.join('\n')}</p>`] : [];
}

function block(element: HTMLElement, context: Context): string[] {
  const tag = tagOf(element);
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    const text = paragraph(inline(element.childNodes, context).replace(/\\\n/g, ' '));
    return text ? [`${'#'.repeat(Number(heading[1]))} ${text}`] : [];
  }
  switch (tag) {
    case 'p': {
      if (element.classList.contains('signoff')) return signoff(element);
      const text = paragraph(inline(element.childNodes, context));
      return text ? [text] : [];
    }
    case 'ul':
    case 'ol':
      return [list(element, context)];
    case 'table':
      return [table(element, context)];
    case 'blockquote':
      return [
        blocks(element.childNodes, context)
          .map((b) => indent(b, '> ', '> '))
          .join('\n>\n'),
      ];
    case 'hr':
      return ['---'];
    default:
      context.unconverted.add(tag);
      return blocks(element.childNodes, context);
  }
}

function blocks(nodes: Node[], context: Context): string[] {
  const out: string[] = [];
  let run: Node[] = [];
  const flush = () => {
    const text = paragraph(inline(run, context));
    if (text) out.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (isElement(node) && BLOCKS.has(tagOf(node))) {
      flush();
      out.push(...block(node, context));
    } else run.push(node);
  }
  flush();
  return out.filter((b) => b !== '');
}

/** Markdown for `html` (a string, or an element whose children are converted). */
export function htmlToMarkdown(html: string | HTMLElement): MarkdownResult {
  const root = typeof html === 'string' ? parse(html) : html;
  const context: Context = { inCell: false, html: false, unconverted: new Set() };
  const markdown = blocks(root.childNodes, context).join('\n\n');
  return { markdown: markdown ? `${markdown}\n` : '', unconverted: [...context.unconverted] };
}
