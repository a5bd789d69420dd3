// The search records of the last build's pages and their words, kept for the next (see RecordCache).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { extractRecord, type SearchRecord } from './record.ts';
import { Vocabulary, type PageWords } from './index-writer.ts';
import { CACHE } from '../../build/options.ts';
import { codeHash, fileIdentity, lockFile, readKept } from '../../build/files.ts';

/** A page as the cache keeps it: its search record, and its words once an index counted them. */
export interface CachedPage {
  record: SearchRecord;
  words?: PageWords;
}

/** What the cache file holds. */
interface Kept {
  pages: Map<string, CachedPage | null>;
  vocabulary: string[];
  /** The key of each page read, by the code, its address and its file's identity (`fileIdentity`). */
  files: Map<string, string>;
}

/** The code that makes what the cache keeps: the record, the tokens and how the index counts them. */
const CODE = ['./record.ts', './pinyin.ts', './index-writer.ts', '../shared/tokens.ts'].map((file) =>
  fileURLToPath(new URL(file, import.meta.url)),
);

/**
 * The records of the pages of the last build and their words as the index counted them, by
 * a hash of each page's HTML and address and of the code that reads them (record.ts, the
 * tokens, index-writer.ts and the locked packages): a rebuild parses only the pages that
 * changed (a page takes about a millisecond, 10 s at 10,000 articles), and counts only
 * their words (2.5 s at 10,000 articles). Kept in `.cache/search-records.v8`, rewritten with
 * this build's pages only.
 */
export class RecordCache {
  /** The words the kept pages' words are numbered in, and the new pages' are. */
  readonly vocabulary: Vocabulary;
  private readonly next = new Map<string, CachedPage | null>();
  private readonly nextFiles = new Map<string, string>();
  private readonly file: string | undefined;
  private readonly code: string;
  private readonly last: Map<string, CachedPage | null>;
  private readonly lastFiles: Map<string, string>;

  private constructor(file: string | undefined, code: string, last: Kept) {
    this.file = file;
    this.code = code;
    this.last = last.pages;
    this.lastFiles = last.files;
    this.vocabulary = new Vocabulary(last.vocabulary);
  }

  /** The cache of `project`, empty when there is none or it cannot be read; none without a project. */
  static async open(project?: string): Promise<RecordCache> {
    const empty: Kept = { pages: new Map(), vocabulary: [], files: new Map() };
    if (!project) return new RecordCache(undefined, '', empty);
    const file = join(project, CACHE.searchRecords);
    const last = (await readKept(file)) as Partial<Kept> | undefined;
    const valid = last?.pages instanceof Map && Array.isArray(last.vocabulary) && last.files instanceof Map;
    return new RecordCache(file, await codeHash(CODE, await lockFile(project)), valid ? (last as Kept) : empty);
  }

  /** The page (null when it holds no indexed body), its record parsed only when new. */
  page(html: string, url: string): CachedPage | null {
    return this.take(this.keyOf(html, url), html, url);
  }

  /**
   * The page of the built file `file` at `url`, as `page` gives it; not even read when the
   * file is the one the last build read (the same identity: Astro linked it from its cache).
   */
  async pageAt(file: string, url: string): Promise<CachedPage | null> {
    const known = `${this.code}\0${url}\0${await fileIdentity(file)}`;
    let key = this.lastFiles.get(known);
    let html = '';
    if (key === undefined || !this.last.has(key)) {
      html = await readFile(file, 'utf8');
      key = this.keyOf(html, url);
    }
    this.nextFiles.set(known, key);
    return this.take(key, html, url);
  }

  private keyOf(html: string, url: string): string {
    return createHash('sha256').update(this.code).update(url).update('\0').update(html).digest('base64url');
  }

  /** The page of `key`, kept for the next build: the last build's, else read from `html`. */
  private take(key: string, html: string, url: string): CachedPage | null {
    let page = this.last.get(key);
    if (page === undefined) {
      const record = extractRecord(html, url);
      page = record && { record };
    }
    this.next.set(key, page);
    return page;
  }

  /**
   * Keeps this build's pages for the next. The vocabulary only grows; once it holds more
   * than twice the `wordsInUse` of this build's index, the pages are kept without their
   * words, which the next build counts again in a new one.
   */
  async save(wordsInUse: number): Promise<void> {
    if (!this.file) return;
    const renumber = this.vocabulary.words.length > 2 * wordsInUse;
    const pages = renumber
      ? new Map([...this.next].map(([key, page]) => [key, page && { record: page.record }]))
      : this.next;
    await mkdir(dirname(this.file), { recursive: true });
    const kept: Kept = { pages, vocabulary: renumber ? [] : this.vocabulary.words, files: this.nextFiles };
    await writeFile(this.file, serialize(kept));
  }
}
