// Chinese search on top of Pagefind. Pagefind ranks Chinese poorly: it matches a query's
// characters wherever they are, and splits CJK in the query itself. So the index does not
// hold Chinese at all: every Han character becomes one ASCII token naming it and the
// character after it (overlapping pairs, as Lucene's CJK analyser does). A query becomes the
// same tokens, and their word positions show where a page holds it whole (search/browser/engine.ts).

/** Han characters we index: CJK Extension A and the Unified Ideographs block. */
const HAN_FIRST = 0x3400;
const HAN_LAST = 0x9fff;
/** Every pair token starts with this letter: it keeps tokens apart from ordinary words. */
const MARK = 'q';
/** Stands for "no next character" at the end of a run of Han characters. */
const END = 'zzz';
/**
 * Ends every word holding a digit, followed by the Han character right after it, if any:
 * 543名 is indexed as `543q` + 名, so 543名 is one exact word, and 543 (a prefix) does not
 * find 5435.
 */
const NUMBER_END = 'q';
/** A word that stands for punctuation: Pagefind counts its position but indexes nothing. */
export const BREAK = '·';

const isHanCode = (code: number): boolean => code >= HAN_FIRST && code <= HAN_LAST;

/** True when the string holds at least one indexed Han character. */
export function hasHan(text: string): boolean {
  for (const ch of text) if (isHanCode(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

/** The codes made so far, by character (an index of 10,000 articles asks for millions). */
const codes: string[] = [];

/** Three base-36 digits naming one Han character. */
function code(ch: string): string {
  const n = (ch.codePointAt(0) ?? HAN_FIRST) - HAN_FIRST;
  return (codes[n] ??= n.toString(36).padStart(3, '0'));
}

/** Full-width letters, digits and spaces to half-width, compatibility ideographs unified, lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

type Run = { han: boolean; text: string } | { break: true };
type TextRun = { han: boolean; text: string };

/** A run of Han characters, of other letters and digits, of spaces, or one other character. */
const PIECE = /[\u3400-\u9fff]+|(?:(?![\u3400-\u9fff])[\p{L}\p{N}])+|\s+|./gsu;

/**
 * Splits text into runs of Han characters and runs of letters/digits. A decimal point
 * between digits stays in its number (as `d`); other punctuation right after a run becomes a
 * break, so 53，个 is not 53个; spaces only separate, except between two runs of Han
 * characters: 产业 集群 holds a break between them, so no pair at position p + 2 (集群) is
 * taken to follow the character at p + 1 (业) side by side (`coveringPairs`).
 */
function runs(text: string): Run[] {
  const result: Run[] = [];
  let previous: TextRun | null = null;
  for (const [piece] of normalizeText(text)
    .replace(/(\d)\.(?=\d)/g, '$1d')
    .matchAll(PIECE)) {
    const code = piece.codePointAt(0)!;
    if (isHanCode(code)) {
      const last = result.at(-1);
      // Only spaces come between two runs of Han characters (any other character would be a run or a break).
      if (last && isText(last) && last.han) result.push({ break: true });
      result.push((previous = { han: true, text: piece }));
    } else if (/^[\p{L}\p{N}]/u.test(piece)) result.push((previous = { han: false, text: piece }));
    else {
      if (previous && !/^\s/u.test(piece)) result.push({ break: true });
      previous = null;
    }
  }
  return result;
}

const isText = (run: Run | undefined): run is TextRun => !!run && !('break' in run);
const hasDigit = (text: string): boolean => /\d/.test(text);

/** Starts a word of the text that would start like a pair token or a pinyin word (Q1, V领). */
const WORD_ESCAPE = 'x';

/**
 * A word of letters or digits as indexed and asked, kept apart from pair tokens (MARK) and
 * pinyin words (PINYIN_MARK): Pagefind answers a word no page holds with pages holding a
 * word that starts it, so a page with a lone Q would be found by every pair not indexed.
 */
function latinWord(text: string): string {
  return text.startsWith(MARK) || text.startsWith(PINYIN_MARK) ? WORD_ESCAPE + text : text;
}

/** A word run as indexed: numbers end with a mark and the Han character that follows, if any. */
function wordToken(text: string, next: Run | undefined): string {
  if (!hasDigit(text)) return latinWord(text);
  return latinWord(text + NUMBER_END + (isText(next) && next.han ? code([...next.text][0]!) : ''));
}

/** Han characters there are: a pair's number is first × (HAN_COUNT + 1) + second + 1 (0 for END). */
const HAN_COUNT = HAN_LAST - HAN_FIRST + 1;
/**
 * The pair tokens made so far, by pair number: an index of 10,000 articles asks for 20
 * million and holds a few hundred thousand, and the same string each time is hashed once.
 */
const pairs = new Map<number, string>();

/** The token of a Han character (a UTF-16 code: Han characters are all in the BMP) and the next one, or END (-1). */
function pairOfCodes(first: number, next: number): string {
  const n = (first - HAN_FIRST) * (HAN_COUNT + 1) + (next < 0 ? 0 : next - HAN_FIRST + 1);
  let token = pairs.get(n);
  if (token === undefined) {
    const name = (c: number): string => code(String.fromCharCode(c));
    pairs.set(n, (token = MARK + name(first) + (next < 0 ? END : name(next))));
  }
  return token;
}

const pair = (ch: string, next: string | undefined): string =>
  pairOfCodes(ch.charCodeAt(0), next === undefined ? -1 : next.charCodeAt(0));

/**
 * The words Pagefind indexes for a text: one token per Han character (that character and
 * the next, or END), every run of letters or digits as one word, and a break for
 * punctuation. Token i stands at word position i, so a phrase of tokens is a phrase of text.
 * Appended to `out` when given (an index makes 20 million of them).
 */
export function indexTokens(text: string, out: string[] = []): string[] {
  const all = runs(text);
  for (let r = 0; r < all.length; r++) {
    const run = all[r]!;
    if (!isText(run)) out.push(BREAK);
    else if (!run.han) out.push(wordToken(run.text, all[r + 1]));
    else {
      const chars = run.text;
      const last = chars.length - 1;
      for (let i = 0; i < last; i++) out.push(pairOfCodes(chars.charCodeAt(i), chars.charCodeAt(i + 1)));
      out.push(pairOfCodes(chars.charCodeAt(last), -1));
    }
  }
  return out;
}

/** How one search term is asked of Pagefind. */
export interface TermQuery {
  /** Tokens that must stand side by side, in order (a quoted phrase). */
  phrase: string[];
  /** A last word matched as a prefix: a lone final character, or a number or word being typed. */
  prefix?: string;
}

/**
 * The query of one term. Han pairs are exact; a character followed by a number, letters or
 * the term's end is closed with END when something follows it; a number followed by a
 * character carries that character. What ends the term (a lone character, a number, a
 * word) is matched as a prefix, as the reader may still be typing.
 */
export function termQuery(term: string): TermQuery {
  const all = runs(term).filter(isText);
  const phrase: string[] = [];
  let prefix: string | undefined;
  all.forEach((run, r) => {
    const next = all[r + 1];
    const last = r === all.length - 1;
    if (!run.han) {
      if (!last) phrase.push(wordToken(run.text, next));
      else prefix = latinWord(hasDigit(run.text) ? run.text + NUMBER_END : run.text);
      return;
    }
    const chars = [...run.text];
    chars.slice(0, -1).forEach((ch, i) => phrase.push(pair(ch, chars[i + 1])));
    const final = chars.at(-1)!;
    if (!last) phrase.push(pair(final, undefined));
    else if (chars.length === 1) {
      const previous = all[r - 1];
      // 543名: the number's token already holds 名.
      if (!(previous && !previous.han && hasDigit(previous.text))) prefix = MARK + code(final);
    }
  });
  return prefix ? { phrase, prefix } : { phrase };
}

/** The words of a term, unquoted: what Pagefind's plain search (all words, any order) asks for. */
export function termWords(query: TermQuery): string[] {
  return [...query.phrase, ...(query.prefix ? [query.prefix] : [])];
}

/**
 * The pairs of a term whose exactness the word positions of a plain search can prove: two
 * or more Han characters, none of them twice. Each pair then fixes the first character of
 * the next, which only one of the term's pairs starts with, so n−1 of its pairs at n−1
 * consecutive positions are the term itself, in order. Other terms (numbers, letters, a
 * character twice, as in 一一对) give null and need Pagefind's phrase search. Terms of
 * COVER_FROM characters or more are asked by `coveringPairs` instead.
 */
export function positionalPairs(term: string): string[] | null {
  const all = runs(term).filter(isText);
  const chars = all.length === 1 && all[0]!.han ? [...all[0]!.text] : [];
  if (chars.length < 2 || new Set(chars).size !== chars.length) return null;
  return termQuery(term).phrase;
}

/** A pair of a term and where it stands in the term (its first character's place). */
export interface PlacedPair {
  token: string;
  offset: number;
}

/** A term of Han characters this long is asked pair by pair, every other pair (`coveringPairs`). */
export const COVER_FROM = 4;

/**
 * The pairs that prove a term of Han characters whole when each is asked on its own, or
 * null for other terms (shorter, or holding numbers or letters): every other pair, and the
 * last. Pairs at a term's places 0 and 2 name its characters 0–3, so 产业 at position p
 * and 集群 at p + 2 are 产业集群 whole: two searches of one word each instead of one of three,
 * and never the middle pair (业集), which in a large site may hold more positions than the
 * others together. Each pair's own search says where it stands, so repeated characters
 * (一心一意) need no phrase search either. A reader refining the query (or a term split into
 * words, `splittable`) asks the same pairs again, which the search box remembers. This needs
 * the index to hold a break between runs of Han characters apart (`runs`): with 产业 ending
 * at p + 1, nothing else tells 产业 集群 from 产业集群.
 */
export function coveringPairs(term: string): PlacedPair[] | null {
  const all = runs(term).filter(isText);
  if (all.length !== 1 || !all[0]!.han) return null;
  const pairs = termQuery(term).phrase;
  if (pairs.length + 1 < COVER_FROM) return null;
  const offsets = pairs.map((_, i) => i).filter((i) => i % 2 === 0 || i === pairs.length - 1);
  return offsets.map((offset) => ({ token: pairs[offset]!, offset }));
}

/** A term typed as several words must be this long (in Han characters) to be split into them. */
export const SPLIT_FROM = 4;

/**
 * True when a term may be several words typed without spaces (沈阳表彰大会): Han
 * characters only, at least SPLIT_FROM of them (a word of two and one of two). Its pairs
 * are then searched one by one and their positions show which pieces a page holds whole
 * (search/shared/rank.ts `coverTerm`).
 */
export function splittable(term: string): boolean {
  const all = runs(term).filter(isText);
  return all.length === 1 && all[0]!.han && [...all[0]!.text].length >= SPLIT_FROM;
}

/**
 * Starts every pinyin word in the index (search/build/pinyin.ts): no pinyin syllable starts
 * with v, so the words stay apart from the text's own Latin words and from pair tokens.
 */
export const PINYIN_MARK = 'v';
/** Starts the pinyin words of people's names instead, so a name outranks a headline's syllables. */
export const NAME_PINYIN_MARK = 'vv';

/**
 * The words that find a query typed in pinyin (gudongzhao, gu dongzhao, gdz) among the
 * words starting with `mark`, or null when it is not letters only. Each is matched as a
 * prefix of the indexed pinyin words.
 */
export function pinyinWords(terms: string[], mark = PINYIN_MARK): string[] | null {
  if (terms.length === 0 || !terms.every((t) => /^[a-z]+$/.test(t))) return null;
  return terms.map((t) => mark + t);
}

/** The looser tokens of a term: each Han character alone (as a prefix), for pages holding them apart. */
export function characterTokens(term: string): string[] {
  return runs(term)
    .filter(isText)
    .flatMap((run) =>
      run.han
        ? [...run.text].map((ch) => MARK + code(ch))
        : [latinWord(hasDigit(run.text) ? run.text + NUMBER_END : run.text)],
    );
}

/**
 * The terms of a query: split at spaces (full-width too) and punctuation, normalised
 * (２０２２ is 2022), without repeats; at most 8 terms of at most 32 characters, so a pasted
 * paragraph cannot stall the page. A decimal point between digits stays (2.3万 is one
 * term). Markup (`<img …>`) is not searched, nor a lone letter or digit beside other
 * terms (the 1 of `alert(1)`), which would mark every 1 of an article.
 */
export function queryTerms(query: string): string[] {
  const terms = normalizeText(query)
    .replace(/<\/?[a-z!][^<>]*(?:>|$)/g, ' ')
    .split(/(?:\s|(?!(?<=\d)\.(?=\d))[^\p{L}\p{N}])+/u)
    .map((t) => [...t].slice(0, 32).join(''))
    .filter((t) => runs(t).some(isText));
  const unique = [...new Set(terms)];
  const meant = unique.length > 1 ? unique.filter((t) => hasHan(t) || t.length > 1) : unique;
  return meant.slice(0, 8);
}
