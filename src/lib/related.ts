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

/**
 * 相关新闻: the `limit` candidates that share the most with `article` (same person, then
 * each shared tag, then the same column), newer first among equals and undated entries
 * (awaiting their text) last. Candidates sharing nothing are left out.
 */
export function relatedArticles<A extends Article>(article: Article, candidates: A[], limit = 6): A[] {
  const time = (a: Article): number => a.data.date?.getTime() ?? Number.NEGATIVE_INFINITY;
  return candidates
    .filter((c) => c.id !== article.id)
    .map((c) => ({ c, score: relatedScore(article, c) }))
    .filter(({ score }) => score > 0)
    .sort((x, y) => y.score - x.score || time(y.c) - time(x.c) || x.c.id.localeCompare(y.c.id))
    .slice(0, limit)
    .map(({ c }) => c);
}
