// Asks Pagefind in tiers (whole terms, then some terms, then the characters apart) and
// ranks the answers; see lib/search-tokens.ts for why the index holds tokens, not Chinese.
// Each Pagefind search costs time in proportion to the pages it matches (on a large site,
// most of them), so a term is asked once where its word positions can prove it whole.
import { hasRun, rankHits, type Hit, type RankedHit } from '../../lib/search-rank.ts';
import { characterTokens, hasHan, positionalPairs, queryTerms, termQuery, termWords } from '../../lib/search-tokens.ts';
import { SHARD_FILTER, shardPath } from '../../lib/search-shards.ts';

export interface ResultData {
  url: string;
  meta: { title?: string; text?: string; column?: string; date?: string; image?: string };
}
interface PagefindResult {
  id: string;
  score: number;
  /** Word positions of the matches: for a plain search, every position of every query word. */
  words: number[];
  data: () => Promise<ResultData>;
}
interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, o: Record<string, unknown>) => Promise<void>;
  preload: (q: string) => Promise<void>;
  search: (
    q: string,
    o?: { filters?: Record<string, string>; sort?: Record<string, string> },
  ) => Promise<{ results: PagefindResult[] } | null>;
  destroy: () => Promise<void>;
}

export interface Query {
  text: string;
  column?: string | undefined;
  year?: string | undefined;
  newest?: boolean | undefined;
}

export interface Outcome {
  /** The terms searched for (converted to simplified characters when that found more). */
  terms: string[];
  ranked: RankedHit[];
  /** The data of one ranked page (its fragment, fetched on demand). */
  load: (id: string) => Promise<ResultData>;
}

/** Thrown when /pagefind/ is missing, e.g. in `npm run dev` before any build. */
export class IndexMissing extends Error {}

/**
 * Thrown by `load` when a result's data is gone: the site was rebuilt since Pagefind loaded
 * its index (a rebuild renames the results' files, see integrations/pagefind-compact.ts).
 * The index is reloaded by then; run the query again.
 */
export class IndexChanged extends Error {}

let api: Promise<PagefindApi> | null = null;

/** Loads Pagefind once, on first use (or when the reader focuses the box): its code, metadata and WebAssembly. */
export function pagefind(): Promise<PagefindApi> {
  api ??= (async () => {
    const url = '/pagefind/pagefind.js';
    try {
      const module = (await import(/* @vite-ignore */ url)) as PagefindApi;
      // No web worker: on a large site each search returns thousands of pages, and passing
      // them between threads (and releasing each one's data later) cost more than the search.
      await module.options({ excerptLength: 0, noWorker: true });
      await module.init();
      // A large site's index comes in shards, newest pages first: each is tagged with its
      // number, so a newest-first search can keep that order (see runQuery).
      if (__SEARCH_SHARDS__ > 1) {
        // The shards' metadata is fetched at once, not one shard after another.
        const others = Array.from({ length: __SEARCH_SHARDS__ - 1 }, (_, i) => i + 1);
        await Promise.all([
          module.options({ mergeFilter: { [SHARD_FILTER]: '0' } }),
          ...others.map((n) => module.mergeIndex(shardPath(n), { mergeFilter: { [SHARD_FILTER]: String(n) } })),
        ]);
      }
      return module;
    } catch {
      api = null;
      throw new IndexMissing('搜索索引还没有生成：请先运行 npm run build。');
    }
  })();
  return api;
}

/** Loads Pagefind ahead of the first query (when the reader focuses the box); errors wait for that query. */
export function warmUp(): void {
  pagefind().catch(() => undefined);
}

let traditional: Promise<Map<string, string>> | null = null;

/** The traditional → simplified table, fetched only for a query that needs it. */
function traditionalTable(): Promise<Map<string, string>> {
  traditional ??= fetch('/_search/t2s.json')
    .then((r) => r.json() as Promise<string>)
    .then((pairs) => {
      const chars = [...pairs];
      const map = new Map<string, string>();
      for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
      return map;
    });
  return traditional;
}

/**
 * Starts fetching the index chunks a query will need, while the panel waits for typing
 * to pause; the search that follows finds them loaded. Errors wait for that search.
 */
export function preloadQuery(text: string): void {
  const words = queryTerms(text).flatMap((t) => termWords(termQuery(t)));
  if (words.length)
    void pagefind().then(
      (pf) => pf.preload(words.join(' ')),
      () => undefined,
    );
}

/**
 * The pages of recent terms (Pagefind's results, by id), by term, filters and order: a
 * reader who refines a query (西柳, then 西柳 商会) asks for the same terms again, and each
 * costs a Pagefind search of time in proportion to the pages holding it. The oldest is
 * dropped first; a term that found nothing is not kept (a chunk that failed to load looks
 * the same).
 */
const recentTerms = new Map<string, Map<string, PagefindResult>>();
const RECENT_TERMS = 16;

/**
 * Forgets the index `stale`, so the next query loads the current one. Only once: the other
 * results of the same query fail too, and may do so after a new index is loading.
 */
async function reloadIndex(stale: Promise<PagefindApi>): Promise<void> {
  if (api !== stale) return;
  api = null;
  recentTerms.clear();
  await (await stale.catch(() => null))?.destroy();
}

/** Runs a query through the tiers and ranks all matching pages. */
export async function runQuery(query: Query): Promise<Outcome> {
  const loaded = pagefind();
  const pf = await loaded;
  const options = {
    filters: {
      ...(query.column ? { 栏目: query.column } : {}),
      ...(query.year ? { 年份: query.year } : {}),
    },
    ...(query.newest ? { sort: { date: 'desc' } } : {}),
  };

  /**
   * One Pagefind search (filtered and sorted as asked), its results in Pagefind's order.
   * Pagefind orders the results of several shards by score alone, so newest first, each
   * shard (newest pages first) is asked on its own, in turn.
   */
  const search = async (pagefindQuery: string): Promise<PagefindResult[]> => {
    if (!pagefindQuery) return [];
    const shards = query.newest ? __SEARCH_SHARDS__ : 1;
    const results: PagefindResult[] = [];
    for (let n = 0; n < shards; n++) {
      const filters = shards > 1 ? { ...options.filters, [SHARD_FILTER]: String(n) } : options.filters;
      results.push(...((await pf.search(pagefindQuery, { ...options, filters }))?.results ?? []));
    }
    return results;
  };

  /**
   * The pages holding one term whole, with Pagefind's relevance score for its words. A plain
   * search gives the scores; the positions prove a term of distinct characters whole, other
   * terms also need the quoted phrase (exact and in order, but scored flat).
   */
  const termPages = async (term: string): Promise<Map<string, PagefindResult>> => {
    const key = JSON.stringify([term, options]);
    const pages = recentTerms.get(key) ?? (await askTerm(term));
    recentTerms.delete(key);
    if (pages.size) recentTerms.set(key, pages);
    if (recentTerms.size > RECENT_TERMS) recentTerms.delete(recentTerms.keys().next().value!);
    return pages;
  };
  const askTerm = async (term: string): Promise<Map<string, PagefindResult>> => {
    const pairs = positionalPairs(term);
    const q = termQuery(term);
    const plain = await search(termWords(q).join(' '));
    const byId = (results: PagefindResult[]) => new Map(results.map((r) => [r.id, r]));
    if (pairs) return byId(plain.filter((r) => hasRun(r.words, pairs.length)));
    if (q.phrase.length + (q.prefix ? 1 : 0) <= 1) return byId(plain);
    const exact = new Set((await search(`"${q.phrase.join(' ')}"`)).map((r) => r.id));
    return byId(plain.filter((r) => exact.has(r.id)));
  };

  /** Every page this query found, by id: what `load` fetches a result's data from. */
  const found = new Map<string, PagefindResult>();
  const tiersFor = async (terms: string[]): Promise<Hit[][]> => {
    const perTerm: Map<string, PagefindResult>[] = [];
    for (const term of terms) perTerm.push(await termPages(term));
    const byPage = new Map<string, Hit>();
    for (const termHits of perTerm)
      for (const [id, r] of termHits) {
        found.set(id, r);
        const hit = byPage.get(id) ?? { id, score: 0, exact: 0 };
        byPage.set(id, { id, score: hit.score + r.score, exact: hit.exact + 1 });
      }
    const hits = [...byPage.values()];
    const whole = hits.filter((h) => h.exact === terms.length);
    const some = hits.filter((h) => h.exact < terms.length);
    const scattered = whole.length < 10 ? await search(terms.flatMap(characterTokens).join(' ')) : [];
    for (const r of scattered) if (!found.has(r.id)) found.set(r.id, r);
    return [whole, some, scattered.map((r) => ({ id: r.id, score: r.score, exact: 0 }))];
  };

  let terms = queryTerms(query.text);
  let tiers = await tiersFor(terms);
  if (tiers[0]!.length + tiers[1]!.length === 0 && terms.some(hasHan)) {
    const table = await traditionalTable();
    const simplified = terms.map((t) => Array.from(t, (ch) => table.get(ch) ?? ch).join(''));
    if (simplified.join(' ') !== terms.join(' ')) {
      terms = simplified;
      tiers = await tiersFor(terms);
    }
  }
  return {
    terms,
    ranked: rankHits(tiers, !query.newest),
    load: (id) =>
      found
        .get(id)!
        .data()
        .catch(async () => {
          await reloadIndex(loaded);
          throw new IndexChanged('搜索索引已更新。');
        }),
  };
}
