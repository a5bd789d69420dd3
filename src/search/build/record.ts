// Turns a built article page into the record our Chinese search index holds.
import { parse, type HTMLElement } from 'node-html-parser';
import { pinyinIndexWords } from './pinyin.ts';
import { BREAK, indexTokens, NAME_PINYIN_MARK } from '../shared/tokens.ts';

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
  // Parsed from the indexed element on: the header, menus and icons before it are half a page.
  const at = html.indexOf('data-pagefind-body');
  if (at < 0) return null;
  const body = parse(html.slice(html.lastIndexOf('<', at))).querySelector('[data-pagefind-body]');
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

/** The words of a record the index holds, at their positions (see search/build/index-writer.ts). */
export interface RecordWords {
  /** The headline's tokens, from position 0: weighted as Pagefind weighs an <h1>. */
  heading: string[];
  /** Then the text's tokens, a paragraph after another, then the pinyin words. */
  body: string[];
}

/**
 * Appends a block of words as Pagefind counted an element's: one position more at its end,
 * unless it ends with a break already, so no phrase runs from one paragraph into the next.
 */
function block(out: string[], from: number): void {
  if (out.length > from && out.at(-1) !== BREAK) out.push(BREAK);
}

/**
 * The words of a record: headline and text as tokens (search/shared/tokens.ts), then pinyin
 * words of the headline, person, organisation and tags (search/build/pinyin.ts); the
 * person's name also as a name. Word i stands at position i, the headline's first.
 */
export function recordWords(record: SearchRecord): RecordWords {
  const heading = indexTokens(record.title);
  block(heading, 0);
  const body: string[] = [];
  for (const paragraph of record.text.split('\n')) {
    const from = body.length;
    indexTokens(paragraph, body);
    block(body, from);
  }
  const from = body.length;
  if (record.person) body.push(...pinyinIndexWords(record.person, NAME_PINYIN_MARK));
  for (const text of [record.title, record.person ?? '', ...(record.fields ?? [])])
    body.push(...pinyinIndexWords(text));
  block(body, from);
  return { heading, body };
}
