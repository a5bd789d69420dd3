// Ranking and excerpts for Chinese search: pure functions over Pagefind's results.
import { hasHan, normalizeText } from './tokens.ts';
import { escapeHtml } from '../../site/text.ts';

/** A matching page as Pagefind reports it, with how much of the query it holds whole. */
export interface Hit {
  id: string;
  score: number;
  /** How many terms stand in the page whole, their tokens side by side and in order. */
  exact: number;
  /** Characters of the query the page holds in whole words (a term whole, or a piece of it). */
  covered?: number;
  /** How many whole words cover them: the fewer, the longer (a term whole is one). */
  pieces?: number;
  /** How far apart those words stand at their closest (see coverTerm). */
  gap?: number;
  /** The page awaits its text: only its headline and fields are indexed. */
  awaiting?: boolean;
  /** The query's words the page holds whole, for excerpts and highlighting. */
  words?: string[];
}

export interface RankedHit {
  id: string;
  /** See TIER: the phrase, every word whole, some words whole, a name in pinyin, other pinyin, the characters apart. */
  tier: number;
  exact: number;
  awaiting?: boolean;
  words?: string[];
}

/** The tiers of a query's results, strictest first. */
export const TIER = { phrase: 0, allWords: 1, someWords: 2, pinyinName: 3, pinyin: 4, apart: 5 } as const;

/**
 * The order of the tiers for a query of letters only: pinyin first. Such a query has no
 * Chinese to match, and Pagefind matches a Latin word that no page holds loosely (liuyi
 * found every page holding a few Latin letters), so the text's own Latin words come after.
 */
export const PINYIN_FIRST = [TIER.pinyinName, TIER.pinyin, TIER.phrase, TIER.allWords, TIER.someWords, TIER.apart];

/** Pagefind's relevance score, highest first. */
export const byScore = (a: Hit, b: Hit): number => b.score - a.score;

/**
 * Orders the hits of successive searches (tiers, strictest first): earlier tiers first;
 * within a tier pages holding more terms exactly, more of the query in whole words, in
 * fewer and closer words, then full articles before entries awaiting their text, then
 * `last`: Pagefind's relevance score, unless given another order (newest first). A page
 * found by several searches keeps its best tier. `order` lists the tiers as they rank, when
 * not in their own order.
 */
export function rankHits(
  tiers: Hit[][],
  last: (a: Hit, b: Hit) => number = byScore,
  order = tiers.map((_, tier) => tier),
): RankedHit[] {
  const seen = new Set<string>();
  const ranked: RankedHit[] = [];
  order.forEach((tier) => {
    // Array sort is stable: hits equal on every criterion keep the order they came in.
    const fresh = (tiers[tier] ?? [])
      .filter((hit) => !seen.has(hit.id))
      .sort(
        (a, b) =>
          b.exact - a.exact ||
          (b.covered ?? 0) - (a.covered ?? 0) ||
          (a.pieces ?? 0) - (b.pieces ?? 0) ||
          (a.gap ?? 0) - (b.gap ?? 0) ||
          Number(a.awaiting ?? false) - Number(b.awaiting ?? false) ||
          last(a, b),
      );
    for (const hit of fresh) {
      seen.add(hit.id);
      ranked.push({
        id: hit.id,
        tier,
        exact: hit.exact,
        ...(hit.awaiting ? { awaiting: true } : {}),
        ...(hit.words ? { words: hit.words } : {}),
      });
    }
  });
  return ranked;
}

/** How a page holds the characters of one term (see coverTerm). */
export interface Cover {
  /** The pieces of the term the page holds whole, as [start, end) character offsets, in order. */
  pieces: [number, number][];
  /** Characters of the term inside those pieces. */
  covered: number;
  /**
   * Word positions between the pieces where they stand closest, beyond one at each join:
   * words apart by a punctuation mark (one position) count as side by side.
   */
  gap: number;
}

/**
 * How a page holds a term typed without spaces, from the word positions of each of its
 * pairs (pair k: characters k and k+1): a piece of m characters stands whole where its
 * m−1 pairs stand at consecutive positions. No dictionary: the pieces are whatever the
 * page holds. Best: most characters in whole pieces of two or more, then fewest pieces
 * (the term whole is one), then the pieces closest together.
 */
export function coverTerm(pairs: readonly (readonly number[])[]): Cover {
  const n = pairs.length + 1;
  const sets = pairs.map((p) => new Set(p));
  // at[i][j]: where the piece of characters i..j−1 starts, for every piece the page holds.
  const at: Map<number, number[]>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i + 1 < n; i++) {
    let starts = [...sets[i]!];
    for (let j = i + 2; j <= n && starts.length; j++) {
      if (j > i + 2) starts = starts.filter((p) => sets[j - 2]!.has(p + j - 2 - i));
      if (starts.length) at[i]!.set(j, starts);
    }
  }
  // best[i]: the best cover of characters 0..i−1, and the piece ending it.
  const best: { covered: number; pieces: number; from: number; piece: boolean }[] = [
    { covered: 0, pieces: 0, from: 0, piece: false },
  ];
  const better = (a: { covered: number; pieces: number }, b: { covered: number; pieces: number } | undefined) =>
    !b || a.covered > b.covered || (a.covered === b.covered && a.pieces < b.pieces);
  for (let i = 0; i < n; i++) {
    const here = best[i]!;
    const skip = { covered: here.covered, pieces: here.pieces, from: i, piece: false };
    if (better(skip, best[i + 1])) best[i + 1] = skip;
    for (const j of at[i]!.keys()) {
      const take = { covered: here.covered + j - i, pieces: here.pieces + 1, from: i, piece: true };
      if (better(take, best[j])) best[j] = take;
    }
  }
  const pieces: [number, number][] = [];
  for (let j = n; j > 0; j = best[j]!.from) if (best[j]!.piece) pieces.unshift([best[j]!.from, j]);
  const covered = best[n]!.covered;
  return { pieces, covered, gap: pieces.length > 1 ? closest(pieces.map(([i, j]) => [j - i, at[i]!.get(j)!])) : 0 };
}

/**
 * The fewest positions between pieces (each: its length and where it starts) in the
 * smallest stretch of text holding one of each, beyond one position at each join.
 */
function closest(pieces: [length: number, starts: number[]][]): number {
  const all = pieces
    .flatMap(([length, starts], k) => starts.map((start) => ({ start, end: start + length, k })))
    .sort((a, b) => a.start - b.start);
  const total = pieces.reduce((sum, [length]) => sum + length, 0);
  let best = Infinity;
  for (let l = 0; l < all.length; l++) {
    const seen = new Set<number>();
    let end = 0;
    for (let r = l; r < all.length && all[r]!.start - all[l]!.start < best + total; r++) {
      seen.add(all[r]!.k);
      end = Math.max(end, all[r]!.end);
      if (seen.size === pieces.length) {
        best = Math.min(best, end - all[l]!.start - total);
        break;
      }
    }
  }
  return Math.max(0, best - (pieces.length - 1));
}

/** True when the word positions (ascending) hold `length` consecutive numbers. */
export function hasRun(positions: readonly number[], length: number): boolean {
  let run = 0;
  let previous = -2;
  for (const p of positions) {
    if (p === previous) continue;
    run = p === previous + 1 ? run + 1 : 1;
    if (run >= length) return true;
    previous = p;
  }
  return false;
}

/**
 * The places where the words stand at their offsets from one place: each p where the
 * positions of word k (in any order, repeats ignored) hold p + offsets[k]. A term's covering
 * pairs (search/shared/tokens.ts `coveringPairs`) standing so are the term whole.
 */
export function placesHeld(positions: readonly (readonly number[])[], offsets: readonly number[]): number {
  const [first = [], ...rest] = positions;
  // Scanned as they are (a common term asks this of thousands of pages, most holding a pair a
  // few times), or as a set where a page holds a pair so often that scans would add up.
  const lookups = rest.map((other) => (other.length > 32 ? new Set(other) : other));
  const holds = (other: ReadonlySet<number> | readonly number[], p: number): boolean =>
    other instanceof Set ? other.has(p) : (other as readonly number[]).includes(p);
  let places = 0;
  for (let i = 0; i < first.length; i++) {
    const p = first[i]!;
    if (first.indexOf(p) !== i) continue; // reported twice
    if (lookups.every((other, k) => holds(other, p - offsets[0]! + offsets[k + 1]!))) places++;
  }
  return places;
}

/** Text with each character normalised like queries, keeping every offset in place. */
function comparable(text: string): string {
  return Array.from(text, (ch) => {
    const n = normalizeText(ch);
    return n.length === ch.length ? n : ch;
  }).join('');
}

/**
 * Where the terms stand in a text, as merged [start, end) ranges. Whole terms are marked;
 * when `scattered` is set (the page holds them only apart), each Han character of the
 * terms is marked instead.
 */
export function matchRanges(text: string, terms: string[], scattered = false): [number, number][] {
  const haystack = comparable(text);
  const needles = scattered ? [...new Set(terms.flatMap((t) => (hasHan(t) ? [...t] : [t])))] : terms;
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length))
      ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * An HTML excerpt of about `length` characters where the most of the terms stand (the
 * first such place), the terms wrapped in <mark>; all page text is escaped. Falls back to
 * the marked characters, then to the opening of the text.
 */
export function excerptHtml(text: string, terms: string[], length = 90): string {
  let ranges = matchRanges(text, terms);
  if (ranges.length === 0) ranges = matchRanges(text, terms, true);
  const startAt = (at: number): number => Math.max(0, Math.min(at - Math.floor(length / 4), text.length - length));
  const heldFrom = (start: number): number =>
    terms.filter((t) => matchRanges(text.slice(start, start + length), [t]).length > 0).length;
  let start = startAt(ranges[0]?.[0] ?? 0);
  if (terms.length > 1) {
    let most = heldFrom(start);
    for (const [at] of ranges.slice(1, 200)) {
      const held = heldFrom(startAt(at));
      if (held > most) [start, most] = [startAt(at), held];
    }
  }
  const end = Math.min(text.length, start + length);
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    html += escapeHtml(text.slice(at, from)) + '<mark>' + escapeHtml(text.slice(from, to)) + '</mark>';
    at = to;
  }
  html += escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
  return html;
}
