// Makes Pagefind's output smaller for readers, once a shard is written (see
// search/build/pagefind-format.ts for the files). Before the first search a reader fetches the
// metadata, which names every page by a hash; each result shown then fetches that page's
// fragment, which repeats the page's pair tokens. So the pages get short names, fragments
// lose their tokens and gain the result fields kept out of the index, and the metadata and
// filters get a brotli copy beside them (nginx sends it where the browser takes brotli;
// elsewhere Pagefind's gzip file is sent).
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib';
import { decodeCbor, encodeCbor } from './cbor.ts';
import { indexTag, renamePages, slimFragment, unwrapPagefind, wrapPagefind } from './pagefind-format.ts';
import type { ResultMeta } from './record.ts';
import { pageName } from '../shared/shards.ts';
import { inLanes } from '../../build/files.ts';

const unzip = promisify(gunzip);
const zip = (data: Uint8Array): Promise<Buffer> => promisify(gzip)(data, { level: 9 });
/** The best brotli: these files are few, small and fetched by every reader who searches. */
const brotli = (data: Uint8Array): Promise<Buffer> =>
  promisify(brotliCompress)(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });

/** A Pagefind file decompressed (signature first), and its body, the signature checked. */
async function readPagefind(file: string): Promise<{ file: Buffer; body: Uint8Array }> {
  const data = await unzip(await readFile(file));
  return { file: data, body: unwrapPagefind(data, file) };
}

/**
 * Rewrites the fragment `from` as page `n` of the index `tag` (see `pageName`): without its
 * tokens, with the result fields of its page. True for an entry awaiting its text.
 */
async function moveFragment(
  folder: string,
  from: string,
  [tag, n]: [string, number],
  shown: ReadonlyMap<string, ResultMeta>,
): Promise<boolean> {
  const source = join(folder, 'fragment', `${from}.pf_fragment`);
  const fragment = JSON.parse(new TextDecoder().decode((await readPagefind(source)).body));
  const meta = shown.get(fragment.url);
  if (!meta) throw new Error(`${source}: no search record for ${fragment.url}`);
  const slim = wrapPagefind(new TextEncoder().encode(JSON.stringify(slimFragment(fragment, meta))));
  const name = pageName(tag, n, !!meta.awaiting);
  await writeFile(join(folder, 'fragment', `${name}.pf_fragment`), await zip(slim));
  await rm(source);
  return !!meta.awaiting;
}

/**
 * Compacts the index Pagefind has just written to `folder`, shard number `shard`; `shown`
 * holds the result fields of its pages, by URL.
 */
export async function compactIndex(
  folder: string,
  shard: number,
  shown: ReadonlyMap<string, ResultMeta>,
): Promise<void> {
  const entry = JSON.parse(await readFile(join(folder, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  for (const { hash } of Object.values(entry.languages)) {
    // The file keeps its name: Pagefind's entry file names it, and its content follows from it.
    const file = join(folder, `pagefind.${hash}.pf_meta`);
    const { body: metaBody } = await readPagefind(file);
    const results = [...shown].sort(([a], [b]) => (a < b ? -1 : 1));
    const tag = indexTag(metaBody, results, shard);
    // Entries awaiting their text are known from their fragments; their names follow.
    const { renames } = renamePages(decodeCbor(metaBody), tag, file);
    const awaiting = new Set<string>();
    await inLanes(
      renames.map(([from], n) => [from, n] as const),
      async ([from, n]) => {
        if (await moveFragment(folder, from, [tag, n], shown)) awaiting.add(from);
      },
    );
    const { meta: renamed } = renamePages(decodeCbor(metaBody), tag, file, awaiting);
    const body = wrapPagefind(encodeCbor(renamed));
    await Promise.all([
      zip(body).then((data) => writeFile(file, data)),
      brotli(body).then((data) => writeFile(`${file}.br`, data)),
    ]);
  }
  const filters = join(folder, 'filter');
  for (const name of await readdir(filters).catch(() => []))
    await writeFile(join(filters, `${name}.br`), await brotli((await readPagefind(join(filters, name))).file));
}
