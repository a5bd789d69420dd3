// Turns a built article page into the record our Chinese search index holds.
import { parse, type HTMLElement } from 'node-html-parser';
import { pinyinIndexWords } from './pinyin.ts';
import { indexTokens, NAME_PINYIN_MARK } from '../shared/tokens.ts';
import { escapeHtml } from '../../site/text.ts';

export interface SearchRecord {
  url: string;
  title: string;
  /** The article's text as readers see it, for excerpts and highlighting. */
  text: string;
  column: string;
  /** Publication date, YYYY-MM-DD (Beijing). */
  date: string;
  image?: string | undefined;
  /** An entry awaiting its text: indexed by headline, column and person fields only. */
  awaiting?: boolean | undefined;
  /** The person a profile is about (front matter `person.name`): found by pinyin too, first. */
  person?: string | undefined;
  /** Organisation and tags (and for an entry awaiting its text, the person's honour and position). */
  fields?: string[] | undefined;
}

/**
 * Reads the indexed region of a built page: the element marked `data-pagefind-body`
 * (absent on pages that must not be found), without its `data-pagefind-ignore` parts.
 * The headline is its <h1>; column, date, picture, person and fields come from its
 * data-search-* attributes (fields one a line). An entry awaiting its text
 * (`data-search-awaiting`) has for text its person fields and column.
 */
export function extractRecord(html: string, url: string): SearchRecord | null {
  const root = parse(html);
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return null;
  for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  const h1 = body.querySelector('h1');
  const title = h1?.textContent.trim() ?? '';
  h1?.remove();
  const column = body.getAttribute('data-search-column') ?? '';
  const person = body.getAttribute('data-search-person') || undefined;
  const fields = (body.getAttribute('data-search-fields') ?? '').split('\n').filter(Boolean);
  const awaiting = body.hasAttribute('data-search-awaiting');
  const text = awaiting ? [person, ...fields, column].filter(Boolean).join(' · ') : blocks(body).join('\n');
  return {
    url,
    title,
    text,
    column,
    date: body.getAttribute('data-search-date') ?? '',
    image: body.getAttribute('data-search-image') ?? undefined,
    ...(awaiting ? { awaiting } : {}),
    ...(person ? { person } : {}),
    ...(fields.length ? { fields } : {}),
  };
}

/** The text of an element, one string per paragraph-like block. */
function blocks(element: HTMLElement): string[] {
  return element.structuredText
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/**
 * What a search result shows besides its headline: the original words, column, date and
 * picture, and `awaiting` ('1') for an entry awaiting its text.
 */
export type ResultMeta = Pick<SearchRecord, 'text' | 'column' | 'date'> & { image?: string; awaiting?: '1' };

/**
 * A record's result fields other than the headline. They stay out of the page Pagefind
 * indexes, which would index every sentence of the text as a word of its own (most of its
 * work and memory); they are added to the page's fragment once the index is written
 * (search/build/compact.ts).
 */
export function resultMeta(record: SearchRecord): ResultMeta {
  const { text, column, date, image, awaiting } = record;
  return { text, column, date, ...(image ? { image } : {}), ...(awaiting ? { awaiting: '1' as const } : {}) };
}

/**
 * The page Pagefind indexes for a record: headline and text as tokens (the <h1> keeps
 * Pagefind's heading weight), and outside the indexed body the original headline as
 * metadata (else Pagefind would take the tokens of the <h1>), the column and year as
 * filters, the date as sort key. Pinyin words of the headline, person, organisation and
 * tags follow the text (search/build/pinyin.ts); the person's name also as a name.
 */
export function recordHtml(record: SearchRecord): string {
  const year = record.date.slice(0, 4);
  const tokens = (s: string): string => indexTokens(s).join(' ');
  const paragraphs = record.text
    .split('\n')
    .map((p) => `<p>${tokens(p)}</p>`)
    .join('');
  const pinyin = [
    ...(record.person ? pinyinIndexWords(record.person, NAME_PINYIN_MARK) : []),
    ...[record.title, record.person ?? '', ...(record.fields ?? [])].flatMap((t) => pinyinIndexWords(t)),
  ];
  const spoken = pinyin.length ? `<p>${pinyin.join(' ')}</p>` : '';
  const outside = [
    `<div data-pagefind-meta="title">${escapeHtml(record.title)}</div>`,
    record.column ? `<div data-pagefind-filter="栏目">${escapeHtml(record.column)}</div>` : '',
    year ? `<div data-pagefind-filter="年份">${escapeHtml(year)}</div>` : '',
  ].join('');
  return (
    `<!doctype html><html lang="zh"><head><title>${escapeHtml(record.title)}</title></head>` +
    `<body><main data-pagefind-body data-pagefind-sort="date:${escapeHtml(record.date)}">` +
    `<h1>${tokens(record.title)}</h1>${paragraphs}${spoken}</main>${outside}</body></html>`
  );
}
