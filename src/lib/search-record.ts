// Turns a built article page into the record our Chinese search index holds.
import { parse, type HTMLElement } from 'node-html-parser';
import { indexTokens } from './search-tokens.ts';
import { escapeHtml } from './text.ts';

export interface SearchRecord {
  url: string;
  title: string;
  /** The article's text as readers see it, for excerpts and highlighting. */
  text: string;
  column: string;
  /** Publication date, YYYY-MM-DD (Beijing). */
  date: string;
  image?: string | undefined;
}

/**
 * Reads the indexed region of a built page: the element marked `data-pagefind-body`
 * (absent on pages that must not be found), without its `data-pagefind-ignore` parts.
 * The headline is its <h1>; column and date come from its data-search-* attributes.
 */
export function extractRecord(html: string, url: string): SearchRecord | null {
  const root = parse(html);
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return null;
  for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  const h1 = body.querySelector('h1');
  const title = h1?.textContent.trim() ?? '';
  h1?.remove();
  const text = blocks(body).join('\n');
  return {
    url,
    title,
    text,
    column: body.getAttribute('data-search-column') ?? '',
    date: body.getAttribute('data-search-date') ?? '',
    image: body.getAttribute('data-search-image') ?? undefined,
  };
}

/** The text of an element, one string per paragraph-like block. */
function blocks(element: HTMLElement): string[] {
  return element.structuredText
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** What a search result shows besides its headline: the original words, column, date and picture. */
export type ResultMeta = Pick<SearchRecord, 'text' | 'column' | 'date'> & { image?: string };

/**
 * A record's result fields other than the headline. They stay out of the page Pagefind
 * indexes, which would index every sentence of the text as a word of its own (most of its
 * work and memory); they are added to the page's fragment once the index is written
 * (integrations/pagefind-compact.ts).
 */
export function resultMeta(record: SearchRecord): ResultMeta {
  const { text, column, date, image } = record;
  return image ? { text, column, date, image } : { text, column, date };
}

/**
 * The page Pagefind indexes for a record: headline and text as tokens (the <h1> keeps
 * Pagefind's heading weight), and outside the indexed body the original headline as
 * metadata (else Pagefind would take the tokens of the <h1>), the column and year as
 * filters, the date as sort key.
 */
export function recordHtml(record: SearchRecord): string {
  const year = record.date.slice(0, 4);
  const tokens = (s: string): string => indexTokens(s).join(' ');
  const paragraphs = record.text
    .split('\n')
    .map((p) => `<p>${tokens(p)}</p>`)
    .join('');
  const outside = [
    `<div data-pagefind-meta="title">${escapeHtml(record.title)}</div>`,
    record.column ? `<div data-pagefind-filter="栏目">${escapeHtml(record.column)}</div>` : '',
    year ? `<div data-pagefind-filter="年份">${escapeHtml(year)}</div>` : '',
  ].join('');
  return (
    `<!doctype html><html lang="zh"><head><title>${escapeHtml(record.title)}</title></head>` +
    `<body><main data-pagefind-body data-pagefind-sort="date:${escapeHtml(record.date)}">` +
    `<h1>${tokens(record.title)}</h1>${paragraphs}</main>${outside}</body></html>`
  );
}
