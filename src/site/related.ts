import type { Article } from './articles.ts';

const PERSON = 100;
const TAG = 10;
const COLUMN = 5;

/** How related `candidate` is to `article`: same person, then shared tags, then same column. */
export function relatedScore(article: Article, candidate: Article): number {
  const a = article.data;
  const c = candidate.data;
  let score = 0;
  if (a.person && c.person && a.person.name === c.person.name) score += PERSON;
  const tags = new Set(a.tags);
  score += c.tags.filter((t) => tags.has(t)).length * TAG;
  if (a.column === c.column) score += COLUMN;
  return score;
}

const time = (a: Article): number => a.data.date?.getTime() ?? Number.NEGATIVE_INFINITY;
/** Newer first, undated (awaiting their text) last, then by slug: the order among equals. */
const byRecency = (x: Article, y: Article): number => time(y) - time(x) || x.id.localeCompare(y.id);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * How many articles of one person or tag a search for related news reads at most: those
 * nearest the article in time. A site with fewer articles of each tag (and of each person)
 * gets the exact ranking; at 100,000 articles, where a common tag is on 20,000, reading them
 * all for every article took most of an hour.
 */
export const RELATED_WINDOW = 2000;

/** The first position in `list` whose item is not `before` the sought one (`list` is in order). */
function lowerBound<T>(list: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(list[mid]!)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The `size` values of `list` (ascending) nearest `value`, or all of them. */
function nearest(list: number[], value: number, size: number): number[] {
  if (list.length <= size) return list;
  const start = Math.min(Math.max(0, lowerBound(list, (v) => v < value) - (size >> 1)), list.length - size);
  return list.slice(start, start + size);
}

/**
 * 相关新闻: for an article, the `limit` candidates that share the most with it (same person,
 * then each shared tag, then the same column), newer first among equals and undated entries
 * (awaiting their text) last; candidates sharing nothing are left out. The candidates are
 * indexed by person, tag and column once, so that each article costs what it shares rather
 * than a pass over the whole site (10,000 articles would otherwise score 100 million pairs),
 * and of a person or tag it reads the `window` articles nearest it in time.
 */
export function relatedFinder<A extends Article>(
  candidates: A[],
  limit = 6,
  window = RELATED_WINDOW,
): (article: Article) => A[] {
  const sorted = [...candidates].sort(byRecency);
  // Candidates are numbered by recency: a lower number wins a tie.
  const byPerson = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const byColumn = new Map<string, number[]>();
  sorted.forEach((c, i) => {
    if (c.data.person) push(byPerson, c.data.person.name, i);
    for (const tag of c.data.tags) push(byTag, tag, i);
    push(byColumn, c.data.column, i);
  });
  const position = new Map(sorted.map((c, i) => [c.id, i]));
  /** Where `article` is, or would be, among the candidates by recency. */
  const placeOf = (article: Article): number =>
    position.get(article.id) ?? lowerBound(sorted, (c) => byRecency(c, article) < 0);
  // The hot loop reads numbers only: each candidate's column as a number, not its object.
  const columnNumbers = new Map<string, number>();
  const columnOfCandidate = Int32Array.from(sorted, (c) => {
    const known = columnNumbers.get(c.data.column);
    if (known !== undefined) return known;
    columnNumbers.set(c.data.column, columnNumbers.size);
    return columnNumbers.size - 1;
  });
  const scores = new Int32Array(sorted.length);
  return (article) => {
    const touched: number[] = [];
    const add = (i: number, points: number) => {
      if (scores[i] === 0) touched.push(i);
      scores[i]! += points;
    };
    const place = placeOf(article);
    const near = (list: number[] | undefined) => nearest(list ?? [], place, window);
    if (article.data.person) for (const i of near(byPerson.get(article.data.person.name))) add(i, PERSON);
    for (const tag of new Set(article.data.tags)) for (const i of near(byTag.get(tag))) add(i, TAG);
    // The best `limit` by score, then recency, kept sorted by insertion: a full sort of
    // everything sharing a tag would cost more than the scoring.
    const best: { i: number; score: number }[] = [];
    const self = position.get(article.id) ?? -1;
    const column = columnNumbers.get(article.data.column) ?? -1;
    for (const i of touched) {
      if (i === self) continue;
      const score = scores[i]! + (columnOfCandidate[i] === column ? COLUMN : 0);
      let at = best.length;
      while (at > 0 && !(best[at - 1]!.score > score || (best[at - 1]!.score === score && best[at - 1]!.i < i))) at--;
      if (at < limit) {
        best.splice(at, 0, { i, score });
        if (best.length > limit) best.pop();
      }
    }
    const related = best.map(({ i }) => sorted[i]!);
    // Then the newest of the same column, which share nothing else.
    for (const i of byColumn.get(article.data.column) ?? []) {
      if (related.length >= limit) break;
      if (scores[i] === 0 && i !== self) related.push(sorted[i]!);
    }
    for (const i of touched) scores[i] = 0;
    return related;
  };
}
