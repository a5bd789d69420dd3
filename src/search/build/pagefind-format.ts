// Pagefind's index files, as Pagefind 1.6 writes them: each is gzip around the signature
// `pagefind_dcd` and a body (CBOR for the metadata, index and filter chunks; JSON for a
// page's fragment). Pagefind's browser code takes a file either gzipped or already
// decompressed (signature first), e.g. when the server sent it with Content-Encoding.
import { createHash } from 'node:crypto';
import type { CborValue } from './cbor.ts';
import { pageName } from '../shared/shards.ts';

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

/** The body of a decompressed Pagefind file; an error names the file when it is not one. */
export function unwrapPagefind(data: Uint8Array, file: string): Uint8Array {
  if (!SIGNATURE.every((b, i) => data[i] === b)) throw new Error(`${file}: not a Pagefind 1.6 file (no signature)`);
  return data.subarray(SIGNATURE.length);
}

/** A body as a decompressed Pagefind file. */
export function wrapPagefind(body: Uint8Array): Uint8Array {
  const file = new Uint8Array(SIGNATURE.length + body.length);
  file.set(SIGNATURE);
  file.set(body, SIGNATURE.length);
  return file;
}

/** One page in the metadata: the name of its fragment, its length in words, its fragment group. */
type MetaPage = [hash: string, words: number, group: string];

const isPage = (p: CborValue): p is MetaPage =>
  Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number' && typeof p[2] === 'string';

/** The Pagefind version whose files these functions know (package.json pins it). */
export const PAGEFIND_VERSION = '1.6.0';

/** The pages of a decoded metadata file: [version, pages, index chunks, filters, sorts, …]. */
function metaPages(meta: CborValue, file: string): MetaPage[] {
  if (!Array.isArray(meta) || meta[0] !== PAGEFIND_VERSION)
    throw new Error(`${file}: written by Pagefind ${String(Array.isArray(meta) && meta[0])}, not ${PAGEFIND_VERSION}`);
  const pages = meta[1];
  if (!Array.isArray(pages) || !pages.every(isPage)) throw new Error(`${file}: unexpected metadata layout`);
  return pages;
}

/**
 * A tag for a shard's page names, of everything its results show: Pagefind's metadata (which
 * names every page by a hash of its fragment) and the result fields added to the fragments.
 * A changed result gets a new name, so no cache keeps serving the old one under it; the
 * shard's number keeps names apart between shards.
 */
export function indexTag(metaBody: Uint8Array, results: readonly unknown[], shard: number): string {
  const hash = createHash('sha256').update(metaBody).update(JSON.stringify(results));
  return hash.digest('hex').slice(0, 8) + shard;
}

/**
 * Renames the pages of a metadata file `tag-0`, `tag-1`, … (base 36; `tag_2` for a page
 * in `awaiting`, an entry awaiting its text). Pagefind names each
 * page by a 10-character hash that compression cannot shrink: at 10,000 pages, 60% of the
 * metadata every reader fetches before the first search. Returns the new metadata and the
 * renames (old → new fragment names). Pagefind can put fragments in groups, which it has
 * not done with our pages (tried up to 16,000 in one index; a shard holds at most 15,000);
 * rather than leave such pages without their result fields, this stops.
 */
export function renamePages(
  meta: CborValue,
  tag: string,
  file = 'pf_meta',
  awaiting: ReadonlySet<string> = new Set(),
): { meta: CborValue; renames: [from: string, to: string][] } {
  const renames: [string, string][] = [];
  const pages = metaPages(meta, file).map(([hash, words, group], i): MetaPage => {
    if (group) throw new Error(`${file}: page ${hash} has its fragment in group ${group}, which is not handled`);
    const name = pageName(tag, i, awaiting.has(hash));
    renames.push([hash, name]);
    return [name, words, group];
  });
  const fields = meta as CborValue[];
  return { meta: [fields[0]!, pages, ...fields.slice(2)], renames };
}

/**
 * A page's fragment as readers fetch it: without its `content` (our pair tokens, which
 * Pagefind uses only for excerpts; the site builds its own from the text, and they were
 * more than half of a fragment's bytes), with the result fields kept out of the index
 * (search/build/record.ts `resultMeta`) added to its metadata.
 */
export function slimFragment(
  fragment: { meta?: Record<string, unknown> } & Record<string, unknown>,
  meta: Record<string, unknown>,
): Record<string, unknown> {
  return { ...fragment, content: '', meta: { ...fragment.meta, ...meta } };
}
