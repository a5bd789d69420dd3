// The search records of the last build's pages, kept for the next (see RecordCache).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { extractRecord, type SearchRecord } from './record.ts';
import { CACHE } from '../../build/options.ts';

/**
 * The records of the pages of the last build, by a hash of each page's HTML and address and of
 * the code that reads them (record.ts and the locked packages): a rebuild parses only the
 * pages that changed (a page takes about a millisecond, 10 s at 10,000 articles). Kept in
 * `.cache/search-records.v8`, rewritten with this build's pages only.
 */
export class RecordCache {
  private readonly next = new Map<string, SearchRecord | null>();
  private readonly file: string | undefined;
  private readonly code: string;
  private readonly last: Map<string, SearchRecord | null>;

  private constructor(file: string | undefined, code: string, last: Map<string, SearchRecord | null>) {
    this.file = file;
    this.code = code;
    this.last = last;
  }

  /** The cache of `project`, empty when there is none or it cannot be read; none without a project. */
  static async open(project?: string): Promise<RecordCache> {
    if (!project) return new RecordCache(undefined, '', new Map());
    const code = createHash('sha256')
      .update(await readFile(fileURLToPath(new URL('./record.ts', import.meta.url))))
      .update(await readFile(join(project, 'package-lock.json')).catch(() => ''))
      .digest('base64url');
    const file = join(project, CACHE.searchRecords);
    const last = await readFile(file)
      .then((bytes) => deserialize(bytes) as unknown)
      .catch(() => undefined);
    return new RecordCache(file, code, last instanceof Map ? (last as Map<string, SearchRecord | null>) : new Map());
  }

  /** The record of a page (null when it holds no indexed body), parsed only when new. */
  record(html: string, url: string): SearchRecord | null {
    const key = createHash('sha256').update(this.code).update(url).update('\0').update(html).digest('base64url');
    const record = this.last.has(key) ? this.last.get(key)! : extractRecord(html, url);
    this.next.set(key, record);
    return record;
  }

  /** Keeps this build's records for the next. */
  async save(): Promise<void> {
    if (!this.file) return;
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, serialize(this.next));
  }
}
