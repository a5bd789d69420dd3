// Ranking and excerpts for Chinese search: pure functions over Pagefind's results.
import { hasHan, normalizeText } from './search-tokens.ts';
import { escapeHtml } from './text.ts';

/** A matching page as Pagefind reports it, with how many query terms it holds whole. */
export interface Hit {
  id: string;
  score: number;
  /** How many terms stand in the page whole, their tokens side by side and in order. */
  exact: number;
}

export interface RankedHit {
  id: string;
  /** 0: every term's pairs found; 1: only some terms; 2: the characters only, apart. */
  tier: number;
  exact: number;
}

/**
 * Orders the hits of successive searches (tiers, strictest first): earlier tiers first,
 * then pages holding more terms exactly, then Pagefind's order (its relevance score, or
 * the date when sorting by newest). A page found by several searches keeps its best tier.
 */
export function rankHits(tiers: Hit[][], byScore = true): RankedHit[] {
  const seen = new Set<string>();
  const ranked: RankedHit[] = [];
  tiers.forEach((hits, tier) => {
    const fresh = hits
      .map((hit, order) => ({ hit, order }))
      .filter(({ hit }) => !seen.has(hit.id))
      .sort((a, b) => b.hit.exact - a.hit.exact || (byScore ? b.hit.score - a.hit.score : 0) || a.order - b.order);
    for (const { hit } of fresh) {
      seen.add(hit.id);
      ranked.push({ id: hit.id, tier, exact: hit.exact });
    }
  });
  return ranked;
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
 * An HTML excerpt of about `length` characters around the first match, the terms wrapped
 * in <mark>; all page text is escaped. Falls back to the marked characters, then to the
 * opening of the text.
 */
export function excerptHtml(text: string, terms: string[], length = 90): string {
  let ranges = matchRanges(text, terms);
  if (ranges.length === 0) ranges = matchRanges(text, terms, true);
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length));
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
