// Asks Pagefind in tiers (the query whole, then every word whole, then some words, then
// pinyin, then the characters apart) and ranks the answers; see search/shared/tokens.ts for why the index holds tokens, not Chinese.
// Each Pagefind search costs time in proportion to the pages it matches (on a large site,
// most of them), so a term is asked with the fewest words whose positions prove it whole: a
// term of four or more characters as every other pair, each on its own (`coveringPairs`).
import {
  byScore,
  coverTerm,
  hasRun,
  placesHeld,
  PINYIN_FIRST,
  rankHits,
  TIER,
  type Hit,
  type RankedHit,
} from '../shared/rank.ts';
import {
  characterTokens,
  coveringPairs,
  hasHan,
  NAME_PINYIN_MARK,
  PINYIN_MARK,
  pinyinWords,
  positionalPairs,
  queryTerms,
  splittable,
  termQuery,
  termWords,
  type PlacedPair,
} from '../shared/tokens.ts';
import { isAwaiting, newestPlace, shardPath } from '../shared/shards.ts';
import { SEARCH_DIR, TRADITIONAL_TABLE } from '../../site/browser/constants.ts';

export interface ResultData {
  url: string;
  meta: { title?: string; text?: string; column?: string; date?: string; image?: string; awaiting?: string };
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
  mergeIndex: (path: string) => Promise<void>;
  preload: (q: string) => Promise<void>;
  search: (q: string, o?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
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
 * Thrown when Pagefind is there but could not be loaded: the connection dropped, the reader
 * went offline. Nothing is kept of the failed load, so the next query tries again.
 */
export class SearchUnreachable extends Error {}

/** What the reader is told when a search fails: the index missing, the network, or anything else. */
export function failureText(error: unknown): string {
  return error instanceof IndexMissing || error instanceof SearchUnreachable
    ? error.message
    : '搜索暂时不可用，请稍后再试。';
}

/**
 * Thrown by `load` when a result's data is gone: the site was rebuilt since Pagefind loaded
 * its index (a rebuild renames the results' files, see search/build/compact.ts).
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
      // A large site's index comes in shards: their metadata is fetched at once, not one
      // shard after another.
      if (__SEARCH_SHARDS__ > 1)
        await Promise.all(Array.from({ length: __SEARCH_SHARDS__ - 1 }, (_, i) => module.mergeIndex(shardPath(i + 1))));
      return module;
    } catch {
      api = null;
      // Only a 404 means there is no index; a request that fails outright is the network.
      const missing = await fetch(url, { method: 'HEAD', cache: 'no-store' }).then(
        (response) => response.status === 404,
        () => false,
      );
      throw missing
        ? new IndexMissing('搜索索引还没有生成：请先运行 npm run build。')
        : new SearchUnreachable('网络连接出了问题，搜索没能加载。请检查网络后再搜索一次。');
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
  traditional ??= fetch(`${SEARCH_DIR}${TRADITIONAL_TABLE}`)
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
  const terms = queryTerms(text);
  const words = [
    ...terms.flatMap((t) => coveringPairs(t)?.map((pair) => pair.token) ?? termWords(termQuery(t))),
    ...(pinyinWords(terms, NAME_PINYIN_MARK) ?? []),
    ...(pinyinWords(terms) ?? []),
  ];
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
 * dropped first (the pairs of terms split into words count too); a term that found nothing is not kept (a chunk that failed to load looks
 * the same).
 */
const recentTerms = new Map<string, Map<string, PagefindResult>>();
const RECENT_TERMS = 48;
/**
 * Fewer pages than this (a page of results) holding a query whole: its terms typed as
 * several words are split, and the characters apart are searched too.
 */
const SPLIT_BELOW = 10;

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

/**
 * Newest first, each page's place read from its name once, not at every comparison: a common
 * term's thousands of pages cost 20 ms of names read again and again.
 */
function byNewest(): (a: Hit, b: Hit) => number {
  const places = new Map<string, number>();
  const place = (id: string): number => {
    let known = places.get(id);
    if (known === undefined) places.set(id, (known = newestPlace(id)));
    return known;
  };
  return (a, b) => place(a.id) - place(b.id);
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
  };

  /** One Pagefind search (filtered as asked), its results in Pagefind's order (by score). */
  const search = async (pagefindQuery: string): Promise<PagefindResult[]> =>
    pagefindQuery ? ((await pf.search(pagefindQuery, options))?.results ?? []) : [];

  /**
   * The pages holding one term whole, with Pagefind's relevance score for its words. A term
   * of four or more Han characters is its covering pairs, each asked on its own
   * (`wholeFromPairs`); for a shorter one a plain search gives the scores and the positions
   * prove a term of distinct characters whole; other terms also need the quoted phrase (exact
   * and in order, but scored flat).
   */
  const termPages = (term: string): Promise<Map<string, PagefindResult>> => remembered(term, () => askTerm(term));
  /** The pages of a term (or pair) from the recent ones, else asked; kept newest last. */
  const remembered = async (
    term: string,
    ask: () => Promise<Map<string, PagefindResult>>,
  ): Promise<Map<string, PagefindResult>> => {
    const key = JSON.stringify([term, options]);
    const pages = recentTerms.get(key) ?? (await ask());
    recentTerms.delete(key);
    if (pages.size) recentTerms.set(key, pages);
    if (recentTerms.size > RECENT_TERMS) recentTerms.delete(recentTerms.keys().next().value!);
    return pages;
  };
  const byId = (results: PagefindResult[]) => new Map(results.map((r) => [r.id, r]));
  /** The pages holding the words (as Pagefind matches them: each a prefix), with their positions. */
  const askWords = async (words: string): Promise<Map<string, PagefindResult>> => byId(await search(words));
  const askTerm = async (term: string): Promise<Map<string, PagefindResult>> => {
    const cover = coveringPairs(term);
    if (cover) return wholeFromPairs(cover);
    const pairs = positionalPairs(term);
    const q = termQuery(term);
    const plain = await search(termWords(q).join(' '));
    if (pairs) return byId(plain.filter((r) => hasRun(r.words, pairs.length)));
    if (q.phrase.length + (q.prefix ? 1 : 0) <= 1) return byId(plain);
    const exact = new Set((await search(`"${q.phrase.join(' ')}"`)).map((r) => r.id));
    return byId(plain.filter((r) => exact.has(r.id)));
  };

  /**
   * The pages holding a term whole, from its covering pairs each asked on its own (and
   * remembered, like a split term's pairs): those holding every pair at its offset from one
   * place. Each pair's score counts the places it stands in the term, not its others: a page
   * naming 产业 twenty times and 产业集群 once gets a twentieth of 产业's score.
   */
  const wholeFromPairs = async (cover: PlacedPair[]): Promise<Map<string, PagefindResult>> => {
    // A pair twice in a term (一心一心) is asked once.
    const tokens = [...new Set(cover.map((pair) => pair.token))];
    const pages = await Promise.all(tokens.map((token) => remembered(token, () => askWords(token))));
    const asked = cover.map((pair) => pages[tokens.indexOf(pair.token)]!);
    const offsets = cover.map((pair) => pair.offset);
    const fewest = asked.reduce((a, b) => (b.size < a.size ? b : a));
    const whole = new Map<string, PagefindResult>();
    for (const id of fewest.keys()) {
      const hits = asked.map((pagesOfPair) => pagesOfPair.get(id));
      if (!hits.every((hit) => hit !== undefined)) continue;
      const places = placesHeld(
        hits.map((hit) => hit.words),
        offsets,
      );
      if (places === 0) continue;
      const score = hits.reduce((sum, hit) => sum + (hit.score * places) / Math.max(places, hit.words.length), 0);
      whole.set(id, { ...hits[0]!, score });
    }
    return whole;
  };

  /** The pages holding each pair of a term, by pair: where they stand shows its pieces whole. */
  const pairPages = async (term: string): Promise<Map<string, PagefindResult>[]> => {
    const pages: Map<string, PagefindResult>[] = [];
    for (const token of termQuery(term).phrase) pages.push(await remembered(token, () => askWords(token)));
    return pages;
  };

  /** Every page this query found, by id: what `load` fetches a result's data from. */
  const found = new Map<string, PagefindResult>();
  const tiersFor = async (terms: string[]): Promise<Hit[][]> => {
    const byPage = new Map<string, Hit>();
    // Summed in place: a common term adds every page of the site.
    const add = (id: string, r: PagefindResult, hit: Partial<Hit>, words: string[]): void => {
      found.set(id, r);
      let h = byPage.get(id) as Required<Hit> | undefined;
      if (!h) {
        h = { id, score: 0, exact: 0, covered: 0, pieces: 0, gap: 0, awaiting: isAwaiting(id), words: [] };
        byPage.set(id, h);
      }
      h.score += hit.score ?? 0;
      h.exact += hit.exact ?? 0;
      h.covered += hit.covered ?? 0;
      h.pieces += hit.pieces ?? 0;
      h.gap += hit.gap ?? 0;
      h.words.push(...words);
    };
    for (const term of terms) {
      const whole = await termPages(term);
      const length = [...term].length;
      for (const [id, r] of whole) add(id, r, { score: r.score, exact: 1, covered: length, pieces: 1 }, [term]);
      // A term typed as several words: unless enough pages hold it whole, find its words.
      if (!splittable(term) || whole.size >= SPLIT_BELOW) continue;
      const pairs = await pairPages(term);
      const ids = new Set(pairs.flatMap((pages) => [...pages.keys()]));
      for (const id of ids) {
        if (whole.has(id)) continue;
        const cover = coverTerm(pairs.map((pages) => pages.get(id)?.words ?? []));
        if (cover.covered === 0) continue;
        const score = pairs.reduce((sum, pages) => sum + (pages.get(id)?.score ?? 0), 0);
        const r = pairs.find((pages) => pages.has(id))!.get(id)!;
        const words = cover.pieces.map(([i, j]) => [...term].slice(i, j).join(''));
        add(id, r, { score, covered: cover.covered, pieces: cover.pieces.length, gap: cover.gap }, words);
      }
    }
    const length = terms.reduce((sum, t) => sum + [...t].length, 0);
    const hits = [...byPage.values()];
    const phrase = hits.filter((h) => h.exact === terms.length);
    const allWords = hits.filter((h) => h.exact < terms.length && h.covered === length);
    const someWords = hits.filter((h) => h.covered! < length);
    const scattered =
      phrase.length + allWords.length < SPLIT_BELOW ? await search(terms.flatMap(characterTokens).join(' ')) : [];
    for (const r of scattered) if (!found.has(r.id)) found.set(r.id, r);
    const apart = scattered.map((r) => ({ id: r.id, score: r.score, exact: 0, awaiting: isAwaiting(r.id) }));
    // Letters only may be pinyin: people's names, then headlines, organisations and tags.
    const spoken = async (mark: string): Promise<Hit[]> => {
      const words = pinyinWords(terms, mark)?.join(' ');
      const pages = words ? [...(await remembered(words, () => askWords(words))).values()] : [];
      for (const r of pages) if (!found.has(r.id)) found.set(r.id, r);
      return pages.map((r) => ({ id: r.id, score: r.score, exact: 0, awaiting: isAwaiting(r.id), words: [] }));
    };
    const names = await spoken(NAME_PINYIN_MARK);
    const pinyin = await spoken(PINYIN_MARK);
    return [phrase, allWords, someWords, names, pinyin, apart]; // in the order of TIER
  };

  let terms = queryTerms(query.text);
  let tiers = await tiersFor(terms);
  if (
    tiers[TIER.phrase]!.length + tiers[TIER.allWords]!.length + tiers[TIER.someWords]!.length === 0 &&
    terms.some(hasHan)
  ) {
    const table = await traditionalTable();
    const simplified = terms.map((t) => Array.from(t, (ch) => table.get(ch) ?? ch).join(''));
    if (simplified.join(' ') !== terms.join(' ')) {
      terms = simplified;
      tiers = await tiersFor(terms);
    }
  }
  return {
    terms,
    ranked: rankHits(tiers, query.newest ? byNewest() : byScore, pinyinWords(terms) ? PINYIN_FIRST : undefined),
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
