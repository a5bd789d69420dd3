// Asks Pagefind in tiers (whole terms, then some terms, then the characters apart) and
// ranks the answers; see lib/search-tokens.ts for why the index holds tokens, not Chinese.
import { rankHits, type Hit, type RankedHit } from '../../lib/search-rank.ts';
import { characterTokens, hasHan, queryTerms, termQuery, type TermQuery } from '../../lib/search-tokens.ts';

export interface ResultData {
  url: string;
  meta: { title?: string; text?: string; column?: string; date?: string; image?: string };
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<ResultData>;
}
interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (
    q: string,
    o?: { filters?: Record<string, string>; sort?: Record<string, string> },
  ) => Promise<{ results: PagefindResult[] } | null>;
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

let api: Promise<PagefindApi> | null = null;

/** Loads Pagefind once, on first use. */
export function pagefind(): Promise<PagefindApi> {
  api ??= (async () => {
    const url = '/pagefind/pagefind.js';
    try {
      const module = (await import(/* @vite-ignore */ url)) as PagefindApi;
      await module.options({ excerptLength: 0 });
      return module;
    } catch {
      api = null;
      throw new IndexMissing('搜索索引还没有生成：请先运行 npm run build。');
    }
  })();
  return api;
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

/** Runs a query through the tiers and ranks all matching pages. */
export async function runQuery(query: Query): Promise<Outcome> {
  const pf = await pagefind();
  const options = {
    filters: {
      ...(query.column ? { 栏目: query.column } : {}),
      ...(query.year ? { 年份: query.year } : {}),
    },
    ...(query.newest ? { sort: { date: 'desc' } } : {}),
  };
  const pages = new Map<string, PagefindResult>();

  /** One Pagefind search (filtered and sorted as asked), its results in Pagefind's order. */
  const search = async (pagefindQuery: string): Promise<PagefindResult[]> => {
    if (!pagefindQuery) return [];
    const found = (await pf.search(pagefindQuery, options))?.results ?? [];
    for (const r of found) pages.set(r.id, r);
    return found;
  };

  // A quoted phrase is exact and in order, but Pagefind drops that rule when other words
  // share the query; so each term's phrase, and its trailing prefix, is searched alone.
  const termPages = async (term: TermQuery): Promise<string[]> => {
    const parts: string[][] = [];
    if (term.phrase.length) parts.push((await search(`"${term.phrase.join(' ')}"`)).map((r) => r.id));
    if (term.prefix) parts.push((await search(term.prefix)).map((r) => r.id));
    const [first = [], ...rest] = parts;
    const others = rest.map((ids) => new Set(ids));
    return first.filter((id) => others.every((set) => set.has(id)));
  };

  /** Relevance of pages for the terms' words, from Pagefind's scores (phrase matches score flat). */
  const scores = async (terms: TermQuery[]): Promise<Map<string, number>> => {
    const words = terms.flatMap((t) => [...t.phrase, ...(t.prefix ? [t.prefix] : [])]);
    return new Map((await search(words.join(' '))).map((r) => [r.id, r.score]));
  };

  const tiersFor = async (terms: string[]): Promise<Hit[][]> => {
    const queries = terms.map(termQuery);
    const perTerm: string[][] = [];
    for (const q of queries) perTerm.push(await termPages(q));
    const score = await scores(queries);
    const hit = (id: string, exact: number): Hit => ({ id, score: score.get(id) ?? 0, exact });
    const [first = [], ...rest] = perTerm;
    const others = rest.map((ids) => new Set(ids));
    const whole = first.filter((id) => others.every((set) => set.has(id))).map((id) => hit(id, terms.length));
    const some: Hit[] = [];
    if (terms.length > 1) {
      const counts = new Map<string, number>();
      for (const ids of perTerm) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      for (const [id, count] of counts) some.push(hit(id, count));
    }
    const apart =
      whole.length < 10
        ? (await search(terms.flatMap(characterTokens).join(' '))).map((r) => ({ id: r.id, score: r.score, exact: 0 }))
        : [];
    return [whole, some, apart];
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
    load: (id) => pages.get(id)!.data(),
  };
}
