// Writes the search index ourselves, in the files Pagefind 1.6 writes and its browser code
// reads (search/build/pagefind-format.ts): the words are our tokens already (search/shared/
// tokens.ts), so Pagefind's indexer had nothing left to do but count positions, and it cost
// most of a large build (93–125 s and 8–10 GB at 10,000 articles). Only its browser code and
// WebAssembly are still taken from Pagefind (`pagefindAssets`).
//
// What a file holds (each gzip around Pagefind's signature and a CBOR body):
// - pagefind.<hash>.pf_meta: [version, pages [name, words (rounded: `lengthForRanking`), ''], index chunks [from, to,
//   hash], filters [name, hash], sorts (none), meta fields [name]]. The pages come newest
//   first (search/shared/shards.ts), so the browser sorts by date from their numbers: a date
//   order, one number a page, was a fifth of the metadata every first search fetches.
// - index/<hash>.pf_index: [[[word, [[page, locations, []], …], []], …]]: pages ascending,
//   each after the first as the difference from the one before; locations as runs, each a
//   weight marker −(weight+1) then positions (the first as is, the rest as differences).
//   Pagefind weighs a word 24 and the words of an <h1> 7 × 24, the text's run first.
// - filter/<hash>.pf_filter: [filter, [[value, [pages]], …]], values in order.
// - fragment/<name>.pf_fragment: JSON of a page's result (url, word count, filters, meta).
// A chunk ends once its words hold 20,000 page numbers and locations, as Pagefind's do.
// The pages get short names (`pageName`) and their fragments carry the result fields, not
// tokens; the metadata, filters and Pagefind's WebAssembly also get a brotli copy (nginx
// sends it where the browser takes brotli).
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzipSync, gzip, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { CborWriter, encodeCbor } from './cbor.ts';
import { PAGEFIND_VERSION, wrapPagefind } from './pagefind-format.ts';
import { recordWords, resultMeta, type SearchRecord } from './record.ts';
import { FragmentCache } from './fragment-cache.ts';
import { pageName } from '../shared/shards.ts';
import { inLanes } from '../../build/files.ts';

/** The language the index is written for: Pagefind's browser code looks it up in the entry file. */
const LANGUAGE = 'zh';
/** Pagefind's weight of an ordinary word, and of a word in an <h1>. */
const WEIGHT = 24;
const HEADING_WEIGHT = 7 * WEIGHT;
/** Page numbers and locations per index chunk (Pagefind's own figure). */
const CHUNK_SIZE = 20_000;
/** The filters every page may have. */
export const COLUMN_FILTER = '栏目';
export const YEAR_FILTER = '年份';
/** The one meta field Pagefind records; the others are in the fragments only. */
const META_FIELDS = ['title'];

/**
 * Gzip as Pagefind's loader reads it. The index chunks take level 6, as Pagefind writes them:
 * 9 took four times as long (3.6 s against 0.9 s for 2,000 uniform articles' 11 MB of chunks)
 * for 0.6% fewer bytes. The metadata and filters, fetched by every search, take 9.
 */
const zip = (data: Uint8Array, level = 9): Promise<Buffer> => promisify(gzip)(data, { level });
/** The best brotli: the metadata, filters and WebAssembly are fetched by every reader who searches. */
const brotli = (data: Uint8Array): Promise<Buffer> =>
  promisify(brotliCompress)(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });

/** A word's postings: for each page holding it, [page, number of locations, …locations]. */
interface Postings {
  flat: number[];
  /** Page numbers and locations, as Pagefind counts a chunk's size. */
  size: number;
}

/** A word made of letters and digits only is indexed; the break word (punctuation) only takes a position. */
const INDEXED = /^[\p{L}\p{N}]+$/u;

/**
 * Appends the locations of one word on one page to `out`: its positions (ascending, the
 * headline's first, below `headingWords`) as the text's run, then the headline's. Returns how
 * many numbers it appended.
 */
function appendLocations(out: number[], positions: number[], headingWords: number): number {
  let inHeading = 0;
  while (inHeading < positions.length && positions[inHeading]! < headingWords) inHeading++;
  const before = out.length;
  const run = (weight: number, from: number, to: number): void => {
    if (from === to) return;
    out.push(-weight - 1, positions[from]!);
    for (let i = from + 1; i < to; i++) out.push(positions[i]! - positions[i - 1]!);
  };
  run(WEIGHT, inHeading, positions.length);
  run(HEADING_WEIGHT, 0, inHeading);
  return out.length - before;
}

/**
 * A page's word count as the metadata gives it: above 100 words, rounded to an eighth of an
 * octave (at most 5% off). Pagefind uses it only to weigh a word found on a long page a
 * little less (BM25), and the metadata, which every first search fetches, lists one a page:
 * exact counts were half of it (13.6 of 29.3 KB at 10,000 articles), rounded ones 4.3 KB
 * less. The fragments keep the exact count.
 */
export function lengthForRanking(words: number): number {
  return words <= 100 ? words : Math.round(2 ** (Math.round(Math.log2(words) * 8) / 8));
}

/** UTF-8 byte order (Rust's string order, which Pagefind's chunks follow), from UTF-16 code units. */
function compareWords(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–DFFF) stand for code points above U+FFFF.
    const rank = (c: number): number => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
    return rank(x) - rank(y);
  }
  return a.length - b.length;
}

/** The shortest prefixes of two neighbouring chunks' edge words that still tell them apart. */
function edgePrefixes(to: string, from: string): [string, string] {
  const a = [...to];
  const b = [...from];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

const hashOf = (data: Uint8Array | string, length: number): string =>
  `${LANGUAGE}_${createHash('sha256').update(data).digest('hex').slice(0, length)}`;

/** Pagefind's browser code, its WebAssembly and the characters it keeps in words (`pagefindAssets`). */
export interface PagefindAssets {
  files: { name: string; content: Uint8Array }[];
  includeCharacters: unknown;
}

/**
 * Pagefind's browser code and WebAssembly, from an index of one page it writes in memory:
 * the index files themselves are ours.
 */
export async function pagefindAssets(): Promise<PagefindAssets> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    await index.addCustomRecord({ url: '/', content: 'pagefind', language: LANGUAGE });
    const written = await index.getFiles();
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    const entry = written.files.find((f) => f.path === 'pagefind-entry.json');
    if (!entry) throw new Error('Pagefind wrote no pagefind-entry.json');
    const parsed = JSON.parse(new TextDecoder().decode(entry.content)) as {
      version: string;
      include_characters: unknown;
    };
    if (parsed.version !== PAGEFIND_VERSION)
      throw new Error(`Pagefind ${parsed.version} is installed; the index is written for ${PAGEFIND_VERSION}`);
    const files = written.files
      .filter((f) => f.path === 'pagefind.js' || /^wasm\.[\w-]+\.pagefind$/.test(f.path))
      .map((f) => ({ name: f.path, content: f.content }));
    // Every first search fetches the WebAssembly, which Pagefind gzips: brotli is 8 KB (15%)
    // smaller, and Pagefind's loader takes it decompressed by the browser, like the metadata.
    const wasm = files.filter((f) => f.name.startsWith('wasm.'));
    for (const f of wasm) files.push({ name: `${f.name}.br`, content: await brotli(gunzipSync(f.content)) });
    return { files, includeCharacters: parsed.include_characters };
  } finally {
    await pagefind.close();
  }
}

/** One page of the index: its fragment (the result) and what the metadata says of it. */
interface Page {
  url: string;
  words: number;
  awaiting: boolean;
  filters: Record<string, string[]>;
  fragment: Record<string, unknown>;
}

/**
 * The words an index has met, by number: a page's words are kept between builds as numbers
 * (`PageWords`), which a rebuild reads back in a fraction of the time tokenising takes.
 */
export class Vocabulary {
  readonly words: string[];
  private readonly numbers = new Map<string, number>();

  constructor(words: readonly string[] = []) {
    this.words = [...words];
    this.words.forEach((word, n) => this.numbers.set(word, n));
  }

  number(word: string): number {
    let n = this.numbers.get(word);
    if (n === undefined) {
      n = this.words.push(word) - 1;
      this.numbers.set(word, n);
    }
    return n;
  }
}

/**
 * A page's words as the index counts them: its number of words, then for each word its
 * number in a `Vocabulary`, how many numbers its locations take, and the locations (see
 * `appendLocations`). What `IndexWriter.add` makes of a record, and what a rebuild keeps.
 */
export type PageWords = Int32Array;

/** The words of a record at their locations (see PageWords), its words numbered in `vocabulary`. */
export function pageWords(record: SearchRecord, vocabulary: Vocabulary): PageWords {
  const { heading, body } = recordWords(record);
  // Each word's positions on this page, in order: the headline's words first, then the text's.
  const at = new Map<string, number[]>();
  const place = (word: string, position: number): void => {
    const positions = at.get(word);
    if (positions) positions.push(position);
    else at.set(word, [position]);
  };
  for (let i = 0; i < heading.length; i++) place(heading[i]!, i);
  for (let i = 0; i < body.length; i++) place(body[i]!, heading.length + i);
  const out = [heading.length + body.length];
  for (const [word, positions] of at) {
    const start = out.length;
    out.push(vocabulary.number(word), 0);
    out[start + 1] = appendLocations(out, positions, heading.length);
  }
  return Int32Array.from(out);
}

/**
 * A search index being built, one record after another (the order is the pages' order),
 * then written. Holds the postings of every word, not the pages' text.
 */
export class IndexWriter {
  readonly vocabulary: Vocabulary;
  /** Each word's postings by its number in the vocabulary; null for a word that only takes a position (punctuation). */
  private readonly postings: (Postings | null | undefined)[] = [];
  private readonly pages: Page[] = [];

  constructor(vocabulary = new Vocabulary()) {
    this.vocabulary = vocabulary;
  }

  get count(): number {
    return this.pages.length;
  }

  /** How many words the pages hold, punctuation aside. */
  get wordCount(): number {
    return this.postings.reduce((n, postings) => (postings ? n + 1 : n), 0);
  }

  /** Adds a record as the next page, with its words when known (`pageWords` in this vocabulary). */
  add(record: SearchRecord, words: PageWords = pageWords(record, this.vocabulary)): void {
    const page = this.pages.length;
    for (let i = 1; i < words.length;) {
      const n = words[i]!;
      const length = words[i + 1]!;
      let postings = this.postings[n];
      if (postings === undefined)
        this.postings[n] = postings = INDEXED.test(this.vocabulary.words[n]!) ? { flat: [], size: 0 } : null;
      if (postings) {
        postings.flat.push(page, length);
        for (let j = i + 2; j < i + 2 + length; j++) postings.flat.push(words[j]!);
        postings.size += length + 1;
      }
      i += 2 + length;
    }
    const year = record.date.slice(0, 4);
    const filters: Record<string, string[]> = {
      ...(year ? { [YEAR_FILTER]: [year] } : {}),
      ...(record.column ? { [COLUMN_FILTER]: [record.column] } : {}),
    };
    const count = words[0]!;
    this.pages.push({
      url: record.url,
      words: count,
      awaiting: !!record.awaiting,
      filters,
      fragment: {
        url: record.url,
        content: '',
        word_count: count,
        filters,
        meta: { title: record.title, ...resultMeta(record) },
        anchors: [],
      },
    });
  }

  /** The index chunks: words in order, cut once a chunk holds CHUNK_SIZE numbers. */
  private chunks(): { from: string; to: string; body: Uint8Array }[] {
    const byWord = new Map<string, Postings>();
    this.postings.forEach((postings, n) => postings && byWord.set(this.vocabulary.words[n]!, postings));
    const words = [...byWord.keys()].sort(compareWords);
    const chunks: { from: string; to: string; body: Uint8Array }[] = [];
    let start = 0;
    let size = 0;
    const close = (end: number): void => {
      const writer = new CborWriter().array(1).array(end - start);
      for (const word of words.slice(start, end)) {
        const { flat } = byWord.get(word)!;
        let pages = 0;
        for (let i = 0; i < flat.length; i += 2 + flat[i + 1]!) pages++;
        writer.array(3).text(word).array(pages);
        let previous = 0;
        for (let i = 0; i < flat.length;) {
          const page = flat[i]!;
          const length = flat[i + 1]!;
          writer
            .array(3)
            .int(page - previous)
            .array(length);
          for (let j = i + 2; j < i + 2 + length; j++) writer.int(flat[j]!);
          writer.array(0);
          previous = page;
          i += 2 + length;
        }
        writer.array(0);
      }
      chunks.push({ from: words[start]!, to: words[end - 1]!, body: writer.done() });
      start = end;
      size = 0;
    };
    words.forEach((word, i) => {
      size += byWord.get(word)!.size;
      if (size >= CHUNK_SIZE) close(i + 1);
    });
    if (start < words.length) close(words.length);
    for (let i = 0; i + 1 < chunks.length; i++)
      [chunks[i]!.to, chunks[i + 1]!.from] = edgePrefixes(chunks[i]!.to, chunks[i + 1]!.from);
    return chunks;
  }

  /** The filter files: each filter's values in order, with their pages. */
  private filters(): { name: string; body: Uint8Array }[] {
    const values = new Map<string, Map<string, number[]>>();
    this.pages.forEach((page, n) => {
      for (const [name, list] of Object.entries(page.filters)) {
        if (!values.has(name)) values.set(name, new Map());
        for (const value of list) {
          const pages = values.get(name)!.get(value) ?? [];
          pages.push(n);
          values.get(name)!.set(value, pages);
        }
      }
    });
    return [...values.keys()].sort(compareWords).map((name) => {
      const byValue = values.get(name)!;
      const sorted = [...byValue.keys()].sort(compareWords).map((value) => [value, byValue.get(value)!]);
      return { name, body: encodeCbor([name, sorted]) };
    });
  }

  /**
   * Writes the index to `folder` as shard `shard` (see search/shared/shards.ts); the first
   * shard also gets Pagefind's browser code, which serves them all. The fragments come from
   * `fragmentCache` where it kept them.
   */
  async write(
    folder: string,
    shard: number,
    assets: PagefindAssets,
    fragmentCache = FragmentCache.open(),
  ): Promise<void> {
    await mkdir(join(folder, 'index'), { recursive: true });
    await mkdir(join(folder, 'filter'), { recursive: true });
    await mkdir(join(folder, 'fragment'), { recursive: true });
    const fragments = this.pages.map((page) => JSON.stringify(page.fragment));
    // The names change with anything a result shows, so no cache serves an old result under them.
    const tag = createHash('sha256').update(fragments.join('\n')).digest('hex').slice(0, 8) + shard;
    const names = this.pages.map((page, n) => pageName(tag, n, page.awaiting));
    const chunks = this.chunks().map((chunk) => ({ ...chunk, hash: hashOf(chunk.body, 7) }));
    const filters = this.filters().map((filter) => ({ ...filter, hash: hashOf(filter.body, 7) }));
    const meta = encodeCbor([
      PAGEFIND_VERSION,
      this.pages.map((page, n) => [names[n]!, lengthForRanking(page.words), '']),
      chunks.map(({ from, to, hash }) => [from, to, hash]),
      filters.map(({ name, hash }) => [name, hash]),
      [],
      META_FIELDS,
    ]);
    const metaHash = hashOf(meta, 10);
    const encoder = new TextEncoder();
    const writes: (() => Promise<void>)[] = [
      ...chunks.map(
        (c) => async () => writeFile(join(folder, 'index', `${c.hash}.pf_index`), await zip(wrapPagefind(c.body), 6)),
      ),
      ...filters.map((f) => async () => {
        const file = wrapPagefind(f.body);
        const path = join(folder, 'filter', `${f.hash}.pf_filter`);
        await Promise.all([
          zip(file).then((d) => writeFile(path, d)),
          brotli(file).then((d) => writeFile(`${path}.br`, d)),
        ]);
      }),
      async () => {
        const file = wrapPagefind(meta);
        const path = join(folder, `pagefind.${metaHash}.pf_meta`);
        await Promise.all([
          zip(file).then((d) => writeFile(path, d)),
          brotli(file).then((d) => writeFile(`${path}.br`, d)),
        ]);
      },
      ...(shard === 0 ? assets.files : []).map((f) => () => writeFile(join(folder, f.name), f.content)),
    ];
    const written = inLanes(writes, (write) => write());
    // The fragments, small and many, one after another while the rest is compressed on the
    // thread pool: the index is written in a worker thread of its own (index-worker.ts), and
    // 10,000 asynchronous gzips and writes took 4 s of it.
    fragments.forEach((json, n) =>
      fragmentCache.write(join(folder, 'fragment', `${names[n]}.pf_fragment`), json, (content) =>
        gzipSync(wrapPagefind(encoder.encode(content)), { level: 9 }),
      ),
    );
    await written;
    const entry = {
      version: PAGEFIND_VERSION,
      languages: { [LANGUAGE]: { hash: metaHash, wasm: null, page_count: this.pages.length } },
      include_characters: assets.includeCharacters,
    };
    await writeFile(join(folder, 'pagefind-entry.json'), JSON.stringify(entry));
  }
}
