// Asks Pagefind in tiers (whole terms, then some terms, then the characters apart) and
// ranks the answers; see lib/search-tokens.ts for why the index holds tokens, not Chinese.
import { rankHits, type Hit, type RankedHit } from '../../lib/search-rank.ts';
import { characterTokens, hasHan, queryTerms, termTokens } from '../../lib/search-tokens.ts';

export interface ResultData {
  url: string;
  meta: { title?: string; text?: string; column?: string; date?: string; image?: string };
}
interface PagefindResult extends Hit {
  data: () => Promise<ResultData>;
}
interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (
    q: string,
    o?: { filters?: Record<string, string>; sort?: Record<string, string> },
  ) => Promise<{ results: PagefindResult[] } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
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
  const find = async (tokens: string[]): Promise<PagefindResult[]> => {
    if (tokens.length === 0) return [];
    const found = (await pf.search(tokens.join(' '), options))?.results ?? [];
    for (const r of found) pages.set(r.id, r);
    return found;
  };

  const tiersFor = async (terms: string[]): Promise<Hit[][]> => {
    const whole = await find(terms.flatMap(termTokens));
    const some: Hit[] = [];
    if (terms.length > 1) {
      const counts = new Map<string, { hit: Hit; count: number; order: number }>();
      for (const term of terms)
        (await find(termTokens(term))).forEach((hit, order) => {
          const seen = counts.get(hit.id);
          if (seen) seen.count++;
          else counts.set(hit.id, { hit, count: 1, order });
        });
      for (const { hit, count } of [...counts.values()].sort((a, b) => b.count - a.count || a.order - b.order))
        some.push({ ...hit, score: count * 1000 + hit.score });
    }
    const apart = whole.length < 10 ? await find(terms.flatMap(characterTokens)) : [];
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
  const sizes = terms.map((t) => termTokens(t).length);
  return {
    terms,
    ranked: rankHits(tiers, sizes, !query.newest),
    load: (id) => pages.get(id)!.data(),
  };
}

/** The filter values the index holds (栏目, 年份), with their page counts. */
export async function filterValues(): Promise<Record<string, Record<string, number>>> {
  return (await pagefind()).filters();
}
